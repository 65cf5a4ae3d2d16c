from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.debate_status_enum import DebateStatusEnum
from ..models.protocol_enum import ProtocolEnum
from ..models.speaking_order_enum import SpeakingOrderEnum

if TYPE_CHECKING:
    from ..models.seat_question import SeatQuestion


T = TypeVar("T", bound="SeatDebate")


@_attrs_define
class SeatDebate:
    """
    Attributes:
        id (int):
        protocol (ProtocolEnum): * `debate` - Debate
            * `consultancy` - Consultancy
            * `baseline` - No advocate (judge answers alone)
        rounds (int): Rounds to write now.
        word_limit (int):
        speaking_order (SpeakingOrderEnum): * `simultaneous` - Simultaneous
            * `sequential` - Sequential
        status (DebateStatusEnum): * `running` - Turns being written
            * `ready` - All turns written
        question (SeatQuestion):
    """

    id: int
    protocol: ProtocolEnum
    rounds: int
    word_limit: int
    speaking_order: SpeakingOrderEnum
    status: DebateStatusEnum
    question: SeatQuestion
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        protocol = self.protocol.value

        rounds = self.rounds

        word_limit = self.word_limit

        speaking_order = self.speaking_order.value

        status = self.status.value

        question = self.question.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "protocol": protocol,
                "rounds": rounds,
                "word_limit": word_limit,
                "speaking_order": speaking_order,
                "status": status,
                "question": question,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seat_question import SeatQuestion  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        protocol = ProtocolEnum(d.pop("protocol"))

        rounds = d.pop("rounds")

        word_limit = d.pop("word_limit")

        speaking_order = SpeakingOrderEnum(d.pop("speaking_order"))

        status = DebateStatusEnum(d.pop("status"))

        question = SeatQuestion.from_dict(d.pop("question"))

        seat_debate = cls(
            id=id,
            protocol=protocol,
            rounds=rounds,
            word_limit=word_limit,
            speaking_order=speaking_order,
            status=status,
            question=question,
        )

        seat_debate.additional_properties = d
        return seat_debate

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
