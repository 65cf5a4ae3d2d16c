from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.debate_status_enum import DebateStatusEnum
from ..models.origin_enum import OriginEnum
from ..models.protocol_enum import ProtocolEnum

T = TypeVar("T", bound="DebateSummary")


@_attrs_define
class DebateSummary:
    """
    Attributes:
        id (int):
        protocol (ProtocolEnum): * `debate` - Debate
            * `consultancy` - Consultancy
            * `baseline` - No advocate (judge answers alone)
        status (DebateStatusEnum): * `running` - Turns being written
            * `ready` - All turns written
        origin (OriginEnum): * `native` - Run on this platform
            * `imported` - Imported human debate
        condition (str):
        rounds (int): Rounds to write now.
        question (str):
        gold (bool):
    """

    id: int
    protocol: ProtocolEnum
    status: DebateStatusEnum
    origin: OriginEnum
    condition: str
    rounds: int
    question: str
    gold: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        protocol = self.protocol.value

        status = self.status.value

        origin = self.origin.value

        condition = self.condition

        rounds = self.rounds

        question = self.question

        gold = self.gold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "protocol": protocol,
                "status": status,
                "origin": origin,
                "condition": condition,
                "rounds": rounds,
                "question": question,
                "gold": gold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        protocol = ProtocolEnum(d.pop("protocol"))

        status = DebateStatusEnum(d.pop("status"))

        origin = OriginEnum(d.pop("origin"))

        condition = d.pop("condition")

        rounds = d.pop("rounds")

        question = d.pop("question")

        gold = d.pop("gold")

        debate_summary = cls(
            id=id,
            protocol=protocol,
            status=status,
            origin=origin,
            condition=condition,
            rounds=rounds,
            question=question,
            gold=gold,
        )

        debate_summary.additional_properties = d
        return debate_summary

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
