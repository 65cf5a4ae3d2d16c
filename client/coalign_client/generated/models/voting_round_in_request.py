from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VotingRoundInRequest")


@_attrs_define
class VotingRoundInRequest:
    """
    Attributes:
        title (str):
        opens_at (datetime.datetime):
        closes_at (datetime.datetime):
        min_participants (int | Unset):  Default: 3.
        min_agreement (float | Unset):  Default: 0.6.
        min_group_agreement (float | Unset):  Default: 0.5.
    """

    title: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    min_participants: int | Unset = 3
    min_agreement: float | Unset = 0.6
    min_group_agreement: float | Unset = 0.5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        opens_at = self.opens_at.isoformat()

        closes_at = self.closes_at.isoformat()

        min_participants = self.min_participants

        min_agreement = self.min_agreement

        min_group_agreement = self.min_group_agreement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "opens_at": opens_at,
                "closes_at": closes_at,
            }
        )
        if min_participants is not UNSET:
            field_dict["min_participants"] = min_participants
        if min_agreement is not UNSET:
            field_dict["min_agreement"] = min_agreement
        if min_group_agreement is not UNSET:
            field_dict["min_group_agreement"] = min_group_agreement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        min_participants = d.pop("min_participants", UNSET)

        min_agreement = d.pop("min_agreement", UNSET)

        min_group_agreement = d.pop("min_group_agreement", UNSET)

        voting_round_in_request = cls(
            title=title,
            opens_at=opens_at,
            closes_at=closes_at,
            min_participants=min_participants,
            min_agreement=min_agreement,
            min_group_agreement=min_group_agreement,
        )

        voting_round_in_request.additional_properties = d
        return voting_round_in_request

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
