from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Reliability")


@_attrs_define
class Reliability:
    """
    Attributes:
        rater (int):
        username (str):
        labels (int):
        gold_items (int):
        gold_correct (int):
        gold_accuracy (float | None):
        compared (int):
        agreed (int):
        agreement (float | None):
        estimated_accuracy (float | None):
    """

    rater: int
    username: str
    labels: int
    gold_items: int
    gold_correct: int
    gold_accuracy: float | None
    compared: int
    agreed: int
    agreement: float | None
    estimated_accuracy: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rater = self.rater

        username = self.username

        labels = self.labels

        gold_items = self.gold_items

        gold_correct = self.gold_correct

        gold_accuracy: float | None
        gold_accuracy = self.gold_accuracy

        compared = self.compared

        agreed = self.agreed

        agreement: float | None
        agreement = self.agreement

        estimated_accuracy: float | None
        estimated_accuracy = self.estimated_accuracy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rater": rater,
                "username": username,
                "labels": labels,
                "gold_items": gold_items,
                "gold_correct": gold_correct,
                "gold_accuracy": gold_accuracy,
                "compared": compared,
                "agreed": agreed,
                "agreement": agreement,
                "estimated_accuracy": estimated_accuracy,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rater = d.pop("rater")

        username = d.pop("username")

        labels = d.pop("labels")

        gold_items = d.pop("gold_items")

        gold_correct = d.pop("gold_correct")

        def _parse_gold_accuracy(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gold_accuracy = _parse_gold_accuracy(d.pop("gold_accuracy"))

        compared = d.pop("compared")

        agreed = d.pop("agreed")

        def _parse_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        agreement = _parse_agreement(d.pop("agreement"))

        def _parse_estimated_accuracy(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        estimated_accuracy = _parse_estimated_accuracy(d.pop("estimated_accuracy"))

        reliability = cls(
            rater=rater,
            username=username,
            labels=labels,
            gold_items=gold_items,
            gold_correct=gold_correct,
            gold_accuracy=gold_accuracy,
            compared=compared,
            agreed=agreed,
            agreement=agreement,
            estimated_accuracy=estimated_accuracy,
        )

        reliability.additional_properties = d
        return reliability

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
