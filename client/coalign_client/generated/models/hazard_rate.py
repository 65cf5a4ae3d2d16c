from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.category_rate import CategoryRate


T = TypeVar("T", bound="HazardRate")


@_attrs_define
class HazardRate:
    """
    Attributes:
        version (str):
        number (int | None):
        n (int):
        harmful (int):
        rate (float):
        low (float):
        high (float):
        categories (list[CategoryRate]):
    """

    version: str
    number: int | None
    n: int
    harmful: int
    rate: float
    low: float
    high: float
    categories: list[CategoryRate]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        number: int | None
        number = self.number

        n = self.n

        harmful = self.harmful

        rate = self.rate

        low = self.low

        high = self.high

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "number": number,
                "n": n,
                "harmful": harmful,
                "rate": rate,
                "low": low,
                "high": high,
                "categories": categories,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_rate import CategoryRate  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        def _parse_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        number = _parse_number(d.pop("number"))

        n = d.pop("n")

        harmful = d.pop("harmful")

        rate = d.pop("rate")

        low = d.pop("low")

        high = d.pop("high")

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = CategoryRate.from_dict(categories_item_data)

            categories.append(categories_item)

        hazard_rate = cls(
            version=version,
            number=number,
            n=n,
            harmful=harmful,
            rate=rate,
            low=low,
            high=high,
            categories=categories,
        )

        hazard_rate.additional_properties = d
        return hazard_rate

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
