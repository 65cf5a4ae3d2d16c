from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.field_enum import FieldEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="QuotaInRequest")


@_attrs_define
class QuotaInRequest:
    """
    Attributes:
        field (FieldEnum): * `region` - Region
            * `languages` - Languages
            * `expertise` - Expertise
            * `age_band` - Age band
        value (str): The group, e.g. a region.
        min_count (int | None | Unset):
        max_count (int | None | Unset):
        min_share (float | None | Unset): 0 to 1.
        max_share (float | None | Unset): 0 to 1.
    """

    field: FieldEnum
    value: str
    min_count: int | None | Unset = UNSET
    max_count: int | None | Unset = UNSET
    min_share: float | None | Unset = UNSET
    max_share: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        value = self.value

        min_count: int | None | Unset
        if isinstance(self.min_count, Unset):
            min_count = UNSET
        else:
            min_count = self.min_count

        max_count: int | None | Unset
        if isinstance(self.max_count, Unset):
            max_count = UNSET
        else:
            max_count = self.max_count

        min_share: float | None | Unset
        if isinstance(self.min_share, Unset):
            min_share = UNSET
        else:
            min_share = self.min_share

        max_share: float | None | Unset
        if isinstance(self.max_share, Unset):
            max_share = UNSET
        else:
            max_share = self.max_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "value": value,
            }
        )
        if min_count is not UNSET:
            field_dict["min_count"] = min_count
        if max_count is not UNSET:
            field_dict["max_count"] = max_count
        if min_share is not UNSET:
            field_dict["min_share"] = min_share
        if max_share is not UNSET:
            field_dict["max_share"] = max_share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = FieldEnum(d.pop("field"))

        value = d.pop("value")

        def _parse_min_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_count = _parse_min_count(d.pop("min_count", UNSET))

        def _parse_max_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_count = _parse_max_count(d.pop("max_count", UNSET))

        def _parse_min_share(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_share = _parse_min_share(d.pop("min_share", UNSET))

        def _parse_max_share(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_share = _parse_max_share(d.pop("max_share", UNSET))

        quota_in_request = cls(
            field=field,
            value=value,
            min_count=min_count,
            max_count=max_count,
            min_share=min_share,
            max_share=max_share,
        )

        quota_in_request.additional_properties = d
        return quota_in_request

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
