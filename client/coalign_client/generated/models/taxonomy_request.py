from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_request import CategoryRequest
    from ..models.severity_level_request import SeverityLevelRequest


T = TypeVar("T", bound="TaxonomyRequest")


@_attrs_define
class TaxonomyRequest:
    """
    Attributes:
        severity_scale (list[SeverityLevelRequest]):
        categories (list[CategoryRequest]):
        note (str | Unset):
    """

    severity_scale: list[SeverityLevelRequest]
    categories: list[CategoryRequest]
    note: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        severity_scale = []
        for severity_scale_item_data in self.severity_scale:
            severity_scale_item = severity_scale_item_data.to_dict()
            severity_scale.append(severity_scale_item)

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "severity_scale": severity_scale,
                "categories": categories,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_request import CategoryRequest  # noqa: PLC0415
        from ..models.severity_level_request import SeverityLevelRequest  # noqa: PLC0415

        d = dict(src_dict)
        severity_scale = []
        _severity_scale = d.pop("severity_scale")
        for severity_scale_item_data in _severity_scale:
            severity_scale_item = SeverityLevelRequest.from_dict(severity_scale_item_data)

            severity_scale.append(severity_scale_item)

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = CategoryRequest.from_dict(categories_item_data)

            categories.append(categories_item)

        note = d.pop("note", UNSET)

        taxonomy_request = cls(
            severity_scale=severity_scale,
            categories=categories,
            note=note,
        )

        taxonomy_request.additional_properties = d
        return taxonomy_request

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
