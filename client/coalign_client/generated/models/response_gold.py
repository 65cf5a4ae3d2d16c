from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResponseGold")


@_attrs_define
class ResponseGold:
    """
    Attributes:
        id (int):
        gold_harmful (bool | None):
    """

    id: int
    gold_harmful: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        gold_harmful: bool | None
        gold_harmful = self.gold_harmful

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "gold_harmful": gold_harmful,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_gold_harmful(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        gold_harmful = _parse_gold_harmful(d.pop("gold_harmful"))

        response_gold = cls(
            id=id,
            gold_harmful=gold_harmful,
        )

        response_gold.additional_properties = d
        return response_gold

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
