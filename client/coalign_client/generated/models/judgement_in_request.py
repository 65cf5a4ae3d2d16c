from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JudgementInRequest")


@_attrs_define
class JudgementInRequest:
    """
    Attributes:
        probabilities (list[float]):
        rationale (str | Unset):  Default: ''.
        dwell_ms (int | None | Unset): Milliseconds the item was visible and focused before submitting (the pages
            measure it); a submission faster than its kind's floor is flagged.
    """

    probabilities: list[float]
    rationale: str | Unset = ""
    dwell_ms: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        probabilities = self.probabilities

        rationale = self.rationale

        dwell_ms: int | None | Unset
        if isinstance(self.dwell_ms, Unset):
            dwell_ms = UNSET
        else:
            dwell_ms = self.dwell_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "probabilities": probabilities,
            }
        )
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if dwell_ms is not UNSET:
            field_dict["dwell_ms"] = dwell_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        probabilities = cast(list[float], d.pop("probabilities"))

        rationale = d.pop("rationale", UNSET)

        def _parse_dwell_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dwell_ms = _parse_dwell_ms(d.pop("dwell_ms", UNSET))

        judgement_in_request = cls(
            probabilities=probabilities,
            rationale=rationale,
            dwell_ms=dwell_ms,
        )

        judgement_in_request.additional_properties = d
        return judgement_in_request

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
