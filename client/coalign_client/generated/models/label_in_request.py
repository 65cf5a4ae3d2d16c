from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LabelInRequest")


@_attrs_define
class LabelInRequest:
    """
    Attributes:
        harmful (bool):
        needless_refusal (bool | Unset):  Default: False.
        categories (list[str] | Unset):
        severity (int | Unset):  Default: 0.
        spans (list[list[int]] | Unset):
        rewrite (str | Unset):  Default: ''.
        dwell_ms (int | None | Unset): Milliseconds the item was visible and focused before submitting (the pages
            measure it); a submission faster than its kind's floor is flagged.
    """

    harmful: bool
    needless_refusal: bool | Unset = False
    categories: list[str] | Unset = UNSET
    severity: int | Unset = 0
    spans: list[list[int]] | Unset = UNSET
    rewrite: str | Unset = ""
    dwell_ms: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        harmful = self.harmful

        needless_refusal = self.needless_refusal

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories

        severity = self.severity

        spans: list[list[int]] | Unset = UNSET
        if not isinstance(self.spans, Unset):
            spans = []
            for spans_item_data in self.spans:
                spans_item = spans_item_data

                spans.append(spans_item)

        rewrite = self.rewrite

        dwell_ms: int | None | Unset
        if isinstance(self.dwell_ms, Unset):
            dwell_ms = UNSET
        else:
            dwell_ms = self.dwell_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "harmful": harmful,
            }
        )
        if needless_refusal is not UNSET:
            field_dict["needless_refusal"] = needless_refusal
        if categories is not UNSET:
            field_dict["categories"] = categories
        if severity is not UNSET:
            field_dict["severity"] = severity
        if spans is not UNSET:
            field_dict["spans"] = spans
        if rewrite is not UNSET:
            field_dict["rewrite"] = rewrite
        if dwell_ms is not UNSET:
            field_dict["dwell_ms"] = dwell_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        harmful = d.pop("harmful")

        needless_refusal = d.pop("needless_refusal", UNSET)

        categories = cast(list[str], d.pop("categories", UNSET))

        severity = d.pop("severity", UNSET)

        _spans = d.pop("spans", UNSET)
        spans: list[list[int]] | Unset = UNSET
        if _spans is not UNSET:
            spans = []
            for spans_item_data in _spans:
                spans_item = cast(list[int], spans_item_data)

                spans.append(spans_item)

        rewrite = d.pop("rewrite", UNSET)

        def _parse_dwell_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        dwell_ms = _parse_dwell_ms(d.pop("dwell_ms", UNSET))

        label_in_request = cls(
            harmful=harmful,
            needless_refusal=needless_refusal,
            categories=categories,
            severity=severity,
            spans=spans,
            rewrite=rewrite,
            dwell_ms=dwell_ms,
        )

        label_in_request.additional_properties = d
        return label_in_request

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
