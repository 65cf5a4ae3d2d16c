from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.protocol_enum import ProtocolEnum
from ..models.speaking_order_enum import SpeakingOrderEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.debater_in_request import DebaterInRequest


T = TypeVar("T", bound="DebateInRequest")


@_attrs_define
class DebateInRequest:
    """
    Attributes:
        question (int):
        protocol (ProtocolEnum): * `debate` - Debate
            * `consultancy` - Consultancy
            * `baseline` - No advocate (judge answers alone)
        debaters (list[DebaterInRequest] | Unset):
        rounds (int | Unset):  Default: 2.
        max_rounds (int | Unset):
        interactive (bool | Unset):  Default: False.
        word_limit (int | Unset):  Default: 150.
        speaking_order (SpeakingOrderEnum | Unset): * `simultaneous` - Simultaneous
            * `sequential` - Sequential Default: SpeakingOrderEnum.SEQUENTIAL.
        judges_wanted (int | Unset):  Default: 3.
    """

    question: int
    protocol: ProtocolEnum
    debaters: list[DebaterInRequest] | Unset = UNSET
    rounds: int | Unset = 2
    max_rounds: int | Unset = UNSET
    interactive: bool | Unset = False
    word_limit: int | Unset = 150
    speaking_order: SpeakingOrderEnum | Unset = SpeakingOrderEnum.SEQUENTIAL
    judges_wanted: int | Unset = 3
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        question = self.question

        protocol = self.protocol.value

        debaters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.debaters, Unset):
            debaters = []
            for debaters_item_data in self.debaters:
                debaters_item = debaters_item_data.to_dict()
                debaters.append(debaters_item)

        rounds = self.rounds

        max_rounds = self.max_rounds

        interactive = self.interactive

        word_limit = self.word_limit

        speaking_order: str | Unset = UNSET
        if not isinstance(self.speaking_order, Unset):
            speaking_order = self.speaking_order.value

        judges_wanted = self.judges_wanted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "question": question,
                "protocol": protocol,
            }
        )
        if debaters is not UNSET:
            field_dict["debaters"] = debaters
        if rounds is not UNSET:
            field_dict["rounds"] = rounds
        if max_rounds is not UNSET:
            field_dict["max_rounds"] = max_rounds
        if interactive is not UNSET:
            field_dict["interactive"] = interactive
        if word_limit is not UNSET:
            field_dict["word_limit"] = word_limit
        if speaking_order is not UNSET:
            field_dict["speaking_order"] = speaking_order
        if judges_wanted is not UNSET:
            field_dict["judges_wanted"] = judges_wanted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.debater_in_request import DebaterInRequest  # noqa: PLC0415

        d = dict(src_dict)
        question = d.pop("question")

        protocol = ProtocolEnum(d.pop("protocol"))

        _debaters = d.pop("debaters", UNSET)
        debaters: list[DebaterInRequest] | Unset = UNSET
        if _debaters is not UNSET:
            debaters = []
            for debaters_item_data in _debaters:
                debaters_item = DebaterInRequest.from_dict(debaters_item_data)

                debaters.append(debaters_item)

        rounds = d.pop("rounds", UNSET)

        max_rounds = d.pop("max_rounds", UNSET)

        interactive = d.pop("interactive", UNSET)

        word_limit = d.pop("word_limit", UNSET)

        _speaking_order = d.pop("speaking_order", UNSET)
        speaking_order: SpeakingOrderEnum | Unset
        if isinstance(_speaking_order, Unset):
            speaking_order = UNSET
        else:
            speaking_order = SpeakingOrderEnum(_speaking_order)

        judges_wanted = d.pop("judges_wanted", UNSET)

        debate_in_request = cls(
            question=question,
            protocol=protocol,
            debaters=debaters,
            rounds=rounds,
            max_rounds=max_rounds,
            interactive=interactive,
            word_limit=word_limit,
            speaking_order=speaking_order,
            judges_wanted=judges_wanted,
        )

        debate_in_request.additional_properties = d
        return debate_in_request

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
