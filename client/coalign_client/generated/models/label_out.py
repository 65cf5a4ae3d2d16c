from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LabelOut")


@_attrs_define
class LabelOut:
    """
    Attributes:
        id (int):
        response (int):
        harmful (bool):
        needless_refusal (bool):
        categories (list[str]):
        severity (int):
        spans (list[list[int]]):
        rewrite (str):
        signal (int):
    """

    id: int
    response: int
    harmful: bool
    needless_refusal: bool
    categories: list[str]
    severity: int
    spans: list[list[int]]
    rewrite: str
    signal: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        response = self.response

        harmful = self.harmful

        needless_refusal = self.needless_refusal

        categories = self.categories

        severity = self.severity

        spans = []
        for spans_item_data in self.spans:
            spans_item = spans_item_data

            spans.append(spans_item)

        rewrite = self.rewrite

        signal = self.signal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "response": response,
                "harmful": harmful,
                "needless_refusal": needless_refusal,
                "categories": categories,
                "severity": severity,
                "spans": spans,
                "rewrite": rewrite,
                "signal": signal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        response = d.pop("response")

        harmful = d.pop("harmful")

        needless_refusal = d.pop("needless_refusal")

        categories = cast(list[str], d.pop("categories"))

        severity = d.pop("severity")

        spans = []
        _spans = d.pop("spans")
        for spans_item_data in _spans:
            spans_item = cast(list[int], spans_item_data)

            spans.append(spans_item)

        rewrite = d.pop("rewrite")

        signal = d.pop("signal")

        label_out = cls(
            id=id,
            response=response,
            harmful=harmful,
            needless_refusal=needless_refusal,
            categories=categories,
            severity=severity,
            spans=spans,
            rewrite=rewrite,
            signal=signal,
        )

        label_out.additional_properties = d
        return label_out

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
