from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CategoryRate")


@_attrs_define
class CategoryRate:
    """
    Attributes:
        code (str):
        harmful (int):
        rate (float):
        low (float):
        high (float):
    """

    code: str
    harmful: int
    rate: float
    low: float
    high: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        harmful = self.harmful

        rate = self.rate

        low = self.low

        high = self.high

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "harmful": harmful,
                "rate": rate,
                "low": low,
                "high": high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        harmful = d.pop("harmful")

        rate = d.pop("rate")

        low = d.pop("low")

        high = d.pop("high")

        category_rate = cls(
            code=code,
            harmful=harmful,
            rate=rate,
            low=low,
            high=high,
        )

        category_rate.additional_properties = d
        return category_rate

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
