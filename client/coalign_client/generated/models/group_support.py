from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GroupSupport")


@_attrs_define
class GroupSupport:
    """
    Attributes:
        group (str):
        voters (int): Human voters of this group on the proposal.
        agree (int):
        agreement (float):
    """

    group: str
    voters: int
    agree: int
    agreement: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group = self.group

        voters = self.voters

        agree = self.agree

        agreement = self.agreement

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group": group,
                "voters": voters,
                "agree": agree,
                "agreement": agreement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group = d.pop("group")

        voters = d.pop("voters")

        agree = d.pop("agree")

        agreement = d.pop("agreement")

        group_support = cls(
            group=group,
            voters=voters,
            agree=agree,
            agreement=agreement,
        )

        group_support.additional_properties = d
        return group_support

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
