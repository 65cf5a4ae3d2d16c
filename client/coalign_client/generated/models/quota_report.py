from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_fill import GroupFill
    from ..models.quota_fill import QuotaFill


T = TypeVar("T", bound="QuotaReport")


@_attrs_define
class QuotaReport:
    """
    Attributes:
        activity (str):
        object_id (int):
        unit (str): What one submission is.
        planned_total (int | None):
        planned (int | None): The total shares are of: planned_total or the activity's.
        total (int):
        quotas (list[QuotaFill]):
        groups (list[GroupFill]):
    """

    activity: str
    object_id: int
    unit: str
    planned_total: int | None
    planned: int | None
    total: int
    quotas: list[QuotaFill]
    groups: list[GroupFill]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity

        object_id = self.object_id

        unit = self.unit

        planned_total: int | None
        planned_total = self.planned_total

        planned: int | None
        planned = self.planned

        total = self.total

        quotas = []
        for quotas_item_data in self.quotas:
            quotas_item = quotas_item_data.to_dict()
            quotas.append(quotas_item)

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity": activity,
                "object_id": object_id,
                "unit": unit,
                "planned_total": planned_total,
                "planned": planned,
                "total": total,
                "quotas": quotas,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_fill import GroupFill  # noqa: PLC0415
        from ..models.quota_fill import QuotaFill  # noqa: PLC0415

        d = dict(src_dict)
        activity = d.pop("activity")

        object_id = d.pop("object_id")

        unit = d.pop("unit")

        def _parse_planned_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        planned_total = _parse_planned_total(d.pop("planned_total"))

        def _parse_planned(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        planned = _parse_planned(d.pop("planned"))

        total = d.pop("total")

        quotas = []
        _quotas = d.pop("quotas")
        for quotas_item_data in _quotas:
            quotas_item = QuotaFill.from_dict(quotas_item_data)

            quotas.append(quotas_item)

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = GroupFill.from_dict(groups_item_data)

            groups.append(groups_item)

        quota_report = cls(
            activity=activity,
            object_id=object_id,
            unit=unit,
            planned_total=planned_total,
            planned=planned,
            total=total,
            quotas=quotas,
            groups=groups,
        )

        quota_report.additional_properties = d
        return quota_report

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
