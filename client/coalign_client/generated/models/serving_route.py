from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ServingRoute")


@_attrs_define
class ServingRoute:
    """
    Attributes:
        line (str):
        version (int):
        number (int):
        switched_at (datetime.datetime):
    """

    line: str
    version: int
    number: int
    switched_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        version = self.version

        number = self.number

        switched_at = self.switched_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "version": version,
                "number": number,
                "switched_at": switched_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        version = d.pop("version")

        number = d.pop("number")

        switched_at = datetime.datetime.fromisoformat(d.pop("switched_at"))

        serving_route = cls(
            line=line,
            version=version,
            number=number,
            switched_at=switched_at,
        )

        serving_route.additional_properties = d
        return serving_route

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
