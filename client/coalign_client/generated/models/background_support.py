from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_support import GroupSupport


T = TypeVar("T", bound="BackgroundSupport")


@_attrs_define
class BackgroundSupport:
    """
    Attributes:
        region (list[GroupSupport]):
        expertise (list[GroupSupport]):
    """

    region: list[GroupSupport]
    expertise: list[GroupSupport]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region = []
        for region_item_data in self.region:
            region_item = region_item_data.to_dict()
            region.append(region_item)

        expertise = []
        for expertise_item_data in self.expertise:
            expertise_item = expertise_item_data.to_dict()
            expertise.append(expertise_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "region": region,
                "expertise": expertise,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_support import GroupSupport  # noqa: PLC0415

        d = dict(src_dict)
        region = []
        _region = d.pop("region")
        for region_item_data in _region:
            region_item = GroupSupport.from_dict(region_item_data)

            region.append(region_item)

        expertise = []
        _expertise = d.pop("expertise")
        for expertise_item_data in _expertise:
            expertise_item = GroupSupport.from_dict(expertise_item_data)

            expertise.append(expertise_item)

        background_support = cls(
            region=region,
            expertise=expertise,
        )

        background_support.additional_properties = d
        return background_support

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
