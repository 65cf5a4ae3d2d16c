from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HumanVsAI")


@_attrs_define
class HumanVsAI:
    """
    Attributes:
        labeller (str):
        items (int):
        raw_agreement (float | None):
        cohen_kappa (float | None):
    """

    labeller: str
    items: int
    raw_agreement: float | None
    cohen_kappa: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        labeller = self.labeller

        items = self.items

        raw_agreement: float | None
        raw_agreement = self.raw_agreement

        cohen_kappa: float | None
        cohen_kappa = self.cohen_kappa

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "labeller": labeller,
                "items": items,
                "raw_agreement": raw_agreement,
                "cohen_kappa": cohen_kappa,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        labeller = d.pop("labeller")

        items = d.pop("items")

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

        human_vs_ai = cls(
            labeller=labeller,
            items=items,
            raw_agreement=raw_agreement,
            cohen_kappa=cohen_kappa,
        )

        human_vs_ai.additional_properties = d
        return human_vs_ai

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
