from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.seat_debate import SeatDebate
    from ..models.turn import Turn


T = TypeVar("T", bound="Seat")


@_attrs_define
class Seat:
    """A human debater's seat: their own side only; no judge's verdict or belief.

    Attributes:
        id (int):
        slot (str): A or B.
        answer_index (int):
        debate (SeatDebate):
        your_turn (bool): The next speech is this debater's.
        round_ (int | None): Round of the next speech, 0-based.
        turns (list[Turn]):
    """

    id: int
    slot: str
    answer_index: int
    debate: SeatDebate
    your_turn: bool
    round_: int | None
    turns: list[Turn]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        slot = self.slot

        answer_index = self.answer_index

        debate = self.debate.to_dict()

        your_turn = self.your_turn

        round_: int | None
        round_ = self.round_

        turns = []
        for turns_item_data in self.turns:
            turns_item = turns_item_data.to_dict()
            turns.append(turns_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slot": slot,
                "answer_index": answer_index,
                "debate": debate,
                "your_turn": your_turn,
                "round": round_,
                "turns": turns,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seat_debate import SeatDebate  # noqa: PLC0415
        from ..models.turn import Turn  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        slot = d.pop("slot")

        answer_index = d.pop("answer_index")

        debate = SeatDebate.from_dict(d.pop("debate"))

        your_turn = d.pop("your_turn")

        def _parse_round_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        round_ = _parse_round_(d.pop("round"))

        turns = []
        _turns = d.pop("turns")
        for turns_item_data in _turns:
            turns_item = Turn.from_dict(turns_item_data)

            turns.append(turns_item)

        seat = cls(
            id=id,
            slot=slot,
            answer_index=answer_index,
            debate=debate,
            your_turn=your_turn,
            round_=round_,
            turns=turns,
        )

        seat.additional_properties = d
        return seat

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
