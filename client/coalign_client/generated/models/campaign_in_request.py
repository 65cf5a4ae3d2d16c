from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CampaignInRequest")


@_attrs_define
class CampaignInRequest:
    """
    Attributes:
        name (str):
        description (str | Unset):
        line (str | Unset):
        version (int | Unset):
        labels_per_item (int | Unset):  Default: 3.
        max_new_tokens (int | Unset):  Default: 128.
    """

    name: str
    description: str | Unset = UNSET
    line: str | Unset = UNSET
    version: int | Unset = UNSET
    labels_per_item: int | Unset = 3
    max_new_tokens: int | Unset = 128
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        line = self.line

        version = self.version

        labels_per_item = self.labels_per_item

        max_new_tokens = self.max_new_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if line is not UNSET:
            field_dict["line"] = line
        if version is not UNSET:
            field_dict["version"] = version
        if labels_per_item is not UNSET:
            field_dict["labels_per_item"] = labels_per_item
        if max_new_tokens is not UNSET:
            field_dict["max_new_tokens"] = max_new_tokens

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        line = d.pop("line", UNSET)

        version = d.pop("version", UNSET)

        labels_per_item = d.pop("labels_per_item", UNSET)

        max_new_tokens = d.pop("max_new_tokens", UNSET)

        campaign_in_request = cls(
            name=name,
            description=description,
            line=line,
            version=version,
            labels_per_item=labels_per_item,
            max_new_tokens=max_new_tokens,
        )

        campaign_in_request.additional_properties = d
        return campaign_in_request

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
