from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Agreement")


@_attrs_define
class Agreement:
    """
    Attributes:
        label (str):
        items (int):
        krippendorff_alpha (float | None):
        fleiss_kappa (float | None):
        cohen_kappa (float | None):
    """

    label: str
    items: int
    krippendorff_alpha: float | None
    fleiss_kappa: float | None
    cohen_kappa: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        items = self.items

        krippendorff_alpha: float | None
        krippendorff_alpha = self.krippendorff_alpha

        fleiss_kappa: float | None
        fleiss_kappa = self.fleiss_kappa

        cohen_kappa: float | None
        cohen_kappa = self.cohen_kappa

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "items": items,
                "krippendorff_alpha": krippendorff_alpha,
                "fleiss_kappa": fleiss_kappa,
                "cohen_kappa": cohen_kappa,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        items = d.pop("items")

        def _parse_krippendorff_alpha(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        krippendorff_alpha = _parse_krippendorff_alpha(d.pop("krippendorff_alpha"))

        def _parse_fleiss_kappa(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        fleiss_kappa = _parse_fleiss_kappa(d.pop("fleiss_kappa"))

        def _parse_cohen_kappa(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cohen_kappa = _parse_cohen_kappa(d.pop("cohen_kappa"))

        agreement = cls(
            label=label,
            items=items,
            krippendorff_alpha=krippendorff_alpha,
            fleiss_kappa=fleiss_kappa,
            cohen_kappa=cohen_kappa,
        )

        agreement.additional_properties = d
        return agreement

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
