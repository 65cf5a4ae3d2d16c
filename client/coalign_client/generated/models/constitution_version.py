from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConstitutionVersion")


@_attrs_define
class ConstitutionVersion:
    """
    Attributes:
        number (int):
        summary (str):
        is_current (bool):
        round_ (int | None):
        created_at (datetime.datetime):
    """

    number: int
    summary: str
    is_current: bool
    round_: int | None
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        summary = self.summary

        is_current = self.is_current

        round_: int | None
        round_ = self.round_

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "summary": summary,
                "is_current": is_current,
                "round": round_,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        summary = d.pop("summary")

        is_current = d.pop("is_current")

        def _parse_round_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        round_ = _parse_round_(d.pop("round"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        constitution_version = cls(
            number=number,
            summary=summary,
            is_current=is_current,
            round_=round_,
            created_at=created_at,
        )

        constitution_version.additional_properties = d
        return constitution_version

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
