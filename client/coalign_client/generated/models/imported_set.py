from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.imported_set_label_distribution import ImportedSetLabelDistribution


T = TypeVar("T", bound="ImportedSet")


@_attrs_define
class ImportedSet:
    """
    Attributes:
        dataset (str):
        items (int):
        raters (int):
        raw_agreement (float | None):
        cohen_kappa (float | None):
        label_distribution (ImportedSetLabelDistribution):
    """

    dataset: str
    items: int
    raters: int
    raw_agreement: float | None
    cohen_kappa: float | None
    label_distribution: ImportedSetLabelDistribution
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dataset = self.dataset

        items = self.items

        raters = self.raters

        raw_agreement: float | None
        raw_agreement = self.raw_agreement

        cohen_kappa: float | None
        cohen_kappa = self.cohen_kappa

        label_distribution = self.label_distribution.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dataset": dataset,
                "items": items,
                "raters": raters,
                "raw_agreement": raw_agreement,
                "cohen_kappa": cohen_kappa,
                "label_distribution": label_distribution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.imported_set_label_distribution import (
            ImportedSetLabelDistribution,  # noqa: PLC0415
        )

        d = dict(src_dict)
        dataset = d.pop("dataset")

        items = d.pop("items")

        raters = d.pop("raters")

        def _parse_raw_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        raw_agreement = _parse_raw_agreement(d.pop("raw_agreement"))

        def _parse_cohen_kappa(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cohen_kappa = _parse_cohen_kappa(d.pop("cohen_kappa"))

        label_distribution = ImportedSetLabelDistribution.from_dict(d.pop("label_distribution"))

        imported_set = cls(
            dataset=dataset,
            items=items,
            raters=raters,
            raw_agreement=raw_agreement,
            cohen_kappa=cohen_kappa,
            label_distribution=label_distribution,
        )

        imported_set.additional_properties = d
        return imported_set

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
