from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_enum import FieldEnum
from ..models.fill_state_enum import FillStateEnum

T = TypeVar("T", bound="QuotaFill")


@_attrs_define
class QuotaFill:
    """
    Attributes:
        field (FieldEnum): * `region` - Region
            * `languages` - Languages
            * `expertise` - Expertise
            * `age_band` - Age band
        value (str):
        min_count (int | None):
        max_count (int | None):
        min_share (float | None):
        max_share (float | None):
        count (int): Submissions made or reserved by the group.
        share (float | None):
        minimum (int | None): Counts and shares combined.
        maximum (int | None): Counts and shares combined.
        fill_state (FillStateEnum): * `under` - under
            * `open` - open
            * `full` - full
    """

    field: FieldEnum
    value: str
    min_count: int | None
    max_count: int | None
    min_share: float | None
    max_share: float | None
    count: int
    share: float | None
    minimum: int | None
    maximum: int | None
    fill_state: FillStateEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        value = self.value

        min_count: int | None
        min_count = self.min_count

        max_count: int | None
        max_count = self.max_count

        min_share: float | None
        min_share = self.min_share

        max_share: float | None
        max_share = self.max_share

        count = self.count

        share: float | None
        share = self.share

        minimum: int | None
        minimum = self.minimum

        maximum: int | None
        maximum = self.maximum

        fill_state = self.fill_state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "value": value,
                "min_count": min_count,
                "max_count": max_count,
                "min_share": min_share,
                "max_share": max_share,
                "count": count,
                "share": share,
                "minimum": minimum,
                "maximum": maximum,
                "fill_state": fill_state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = FieldEnum(d.pop("field"))

        value = d.pop("value")

        def _parse_min_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_count = _parse_min_count(d.pop("min_count"))

        def _parse_max_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_count = _parse_max_count(d.pop("max_count"))

        def _parse_min_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        min_share = _parse_min_share(d.pop("min_share"))

        def _parse_max_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_share = _parse_max_share(d.pop("max_share"))

        count = d.pop("count")

        def _parse_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share = _parse_share(d.pop("share"))

        def _parse_minimum(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        minimum = _parse_minimum(d.pop("minimum"))

        def _parse_maximum(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        maximum = _parse_maximum(d.pop("maximum"))

        fill_state = FillStateEnum(d.pop("fill_state"))

        quota_fill = cls(
            field=field,
            value=value,
            min_count=min_count,
            max_count=max_count,
            min_share=min_share,
            max_share=max_share,
            count=count,
            share=share,
            minimum=minimum,
            maximum=maximum,
            fill_state=fill_state,
        )

        quota_fill.additional_properties = d
        return quota_fill

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
