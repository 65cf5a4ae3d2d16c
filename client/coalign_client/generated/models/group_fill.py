from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_enum import FieldEnum

T = TypeVar("T", bound="GroupFill")


@_attrs_define
class GroupFill:
    """
    Attributes:
        field (FieldEnum): * `region` - Region
            * `languages` - Languages
            * `expertise` - Expertise
            * `age_band` - Age band
        value (str):
        count (int):
        share (float | None):
    """

    field: FieldEnum
    value: str
    count: int
    share: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        value = self.value

        count = self.count

        share: float | None
        share = self.share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "value": value,
                "count": count,
                "share": share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = FieldEnum(d.pop("field"))

        value = d.pop("value")

        count = d.pop("count")

        def _parse_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share = _parse_share(d.pop("share"))

        group_fill = cls(
            field=field,
            value=value,
            count=count,
            share=share,
        )

        group_fill.additional_properties = d
        return group_fill

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
