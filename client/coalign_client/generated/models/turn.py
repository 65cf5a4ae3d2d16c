from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.turn_kind_enum import TurnKindEnum

if TYPE_CHECKING:
    from ..models.quote import Quote


T = TypeVar("T", bound="Turn")


@_attrs_define
class Turn:
    """
    Attributes:
        id (int):
        position (int): Order in the transcript.
        round_ (int):
        kind (TurnKindEnum): * `speech` - Debater speech
            * `judge` - Judge feedback
        slot (None | str):
        speaker_name (str):
        text (str):
        quotes (list[Quote]):
        probabilities (list[float] | None):
        untrained_model (bool):  Default: False.
    """

    id: int
    position: int
    round_: int
    kind: TurnKindEnum
    slot: None | str
    speaker_name: str
    text: str
    quotes: list[Quote]
    probabilities: list[float] | None
    untrained_model: bool = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        position = self.position

        round_ = self.round_

        kind = self.kind.value

        slot: None | str
        slot = self.slot

        speaker_name = self.speaker_name

        text = self.text

        quotes = []
        for quotes_item_data in self.quotes:
            quotes_item = quotes_item_data.to_dict()
            quotes.append(quotes_item)

        probabilities: list[float] | None
        if isinstance(self.probabilities, list):
            probabilities = self.probabilities

        else:
            probabilities = self.probabilities

        untrained_model = self.untrained_model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "round": round_,
                "kind": kind,
                "slot": slot,
                "speaker_name": speaker_name,
                "text": text,
                "quotes": quotes,
                "probabilities": probabilities,
                "untrained_model": untrained_model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote import Quote  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        position = d.pop("position")

        round_ = d.pop("round")

        kind = TurnKindEnum(d.pop("kind"))

        def _parse_slot(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        slot = _parse_slot(d.pop("slot"))

        speaker_name = d.pop("speaker_name")

        text = d.pop("text")

        quotes = []
        _quotes = d.pop("quotes")
        for quotes_item_data in _quotes:
            quotes_item = Quote.from_dict(quotes_item_data)

            quotes.append(quotes_item)

        def _parse_probabilities(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                probabilities_type_0 = cast(list[float], data)

                return probabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        probabilities = _parse_probabilities(d.pop("probabilities"))

        untrained_model = d.pop("untrained_model")

        turn = cls(
            id=id,
            position=position,
            round_=round_,
            kind=kind,
            slot=slot,
            speaker_name=speaker_name,
            text=text,
            quotes=quotes,
            probabilities=probabilities,
            untrained_model=untrained_model,
        )

        turn.additional_properties = d
        return turn

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
