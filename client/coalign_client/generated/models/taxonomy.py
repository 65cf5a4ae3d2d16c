from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.category import Category
    from ..models.severity_level import SeverityLevel


T = TypeVar("T", bound="Taxonomy")


@_attrs_define
class Taxonomy:
    """
    Attributes:
        id (int):
        number (int):
        note (str):
        severity_scale (list[SeverityLevel]):
        categories (list[Category]):
        created_at (datetime.datetime):
    """

    id: int
    number: int
    note: str
    severity_scale: list[SeverityLevel]
    categories: list[Category]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        number = self.number

        note = self.note

        severity_scale = []
        for severity_scale_item_data in self.severity_scale:
            severity_scale_item = severity_scale_item_data.to_dict()
            severity_scale.append(severity_scale_item)

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "note": note,
                "severity_scale": severity_scale,
                "categories": categories,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category import Category  # noqa: PLC0415
        from ..models.severity_level import SeverityLevel  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        number = d.pop("number")

        note = d.pop("note")

        severity_scale = []
        _severity_scale = d.pop("severity_scale")
        for severity_scale_item_data in _severity_scale:
            severity_scale_item = SeverityLevel.from_dict(severity_scale_item_data)

            severity_scale.append(severity_scale_item)

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = Category.from_dict(categories_item_data)

            categories.append(categories_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        taxonomy = cls(
            id=id,
            number=number,
            note=note,
            severity_scale=severity_scale,
            categories=categories,
            created_at=created_at,
        )

        taxonomy.additional_properties = d
        return taxonomy

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
