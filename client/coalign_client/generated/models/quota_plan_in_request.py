from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quota_in_request import QuotaInRequest


T = TypeVar("T", bound="QuotaPlanInRequest")


@_attrs_define
class QuotaPlanInRequest:
    """
    Attributes:
        quotas (list[QuotaInRequest]):
        planned_total (int | None | Unset): Submissions the shares are of; default: what the activity plans.
    """

    quotas: list[QuotaInRequest]
    planned_total: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quotas = []
        for quotas_item_data in self.quotas:
            quotas_item = quotas_item_data.to_dict()
            quotas.append(quotas_item)

        planned_total: int | None | Unset
        if isinstance(self.planned_total, Unset):
            planned_total = UNSET
        else:
            planned_total = self.planned_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quotas": quotas,
            }
        )
        if planned_total is not UNSET:
            field_dict["planned_total"] = planned_total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quota_in_request import QuotaInRequest  # noqa: PLC0415

        d = dict(src_dict)
        quotas = []
        _quotas = d.pop("quotas")
        for quotas_item_data in _quotas:
            quotas_item = QuotaInRequest.from_dict(quotas_item_data)

            quotas.append(quotas_item)

        def _parse_planned_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        planned_total = _parse_planned_total(d.pop("planned_total", UNSET))

        quota_plan_in_request = cls(
            quotas=quotas,
            planned_total=planned_total,
        )

        quota_plan_in_request.additional_properties = d
        return quota_plan_in_request

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
