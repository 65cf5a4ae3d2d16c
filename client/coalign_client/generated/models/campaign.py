from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Campaign")


@_attrs_define
class Campaign:
    """
    Attributes:
        id (int):
        name (str):
        description (str):
        target (str):
        target_line (str):
        target_version (int | None):
        taxonomy_number (int):
        labels_per_item (int):
        max_new_tokens (int):
        prompt_count (int):
        response_count (int):
        created_at (datetime.datetime):
    """

    id: int
    name: str
    description: str
    target: str
    target_line: str
    target_version: int | None
    taxonomy_number: int
    labels_per_item: int
    max_new_tokens: int
    prompt_count: int
    response_count: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        target = self.target

        target_line = self.target_line

        target_version: int | None
        target_version = self.target_version

        taxonomy_number = self.taxonomy_number

        labels_per_item = self.labels_per_item

        max_new_tokens = self.max_new_tokens

        prompt_count = self.prompt_count

        response_count = self.response_count

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "target": target,
                "target_line": target_line,
                "target_version": target_version,
                "taxonomy_number": taxonomy_number,
                "labels_per_item": labels_per_item,
                "max_new_tokens": max_new_tokens,
                "prompt_count": prompt_count,
                "response_count": response_count,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        target = d.pop("target")

        target_line = d.pop("target_line")

        def _parse_target_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        target_version = _parse_target_version(d.pop("target_version"))

        taxonomy_number = d.pop("taxonomy_number")

        labels_per_item = d.pop("labels_per_item")

        max_new_tokens = d.pop("max_new_tokens")

        prompt_count = d.pop("prompt_count")

        response_count = d.pop("response_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        campaign = cls(
            id=id,
            name=name,
            description=description,
            target=target,
            target_line=target_line,
            target_version=target_version,
            taxonomy_number=taxonomy_number,
            labels_per_item=labels_per_item,
            max_new_tokens=max_new_tokens,
            prompt_count=prompt_count,
            response_count=response_count,
            created_at=created_at,
        )

        campaign.additional_properties = d
        return campaign

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
