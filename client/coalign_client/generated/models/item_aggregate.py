from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ItemAggregate")


@_attrs_define
class ItemAggregate:
    """
    Attributes:
        response (int):
        labels (int):
        harmful_votes (int):
        majority_harmful (bool | None):
        ds_harmful (bool):
        ds_probability (float):
        adjudicated (bool):
    """

    response: int
    labels: int
    harmful_votes: int
    majority_harmful: bool | None
    ds_harmful: bool
    ds_probability: float
    adjudicated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response = self.response

        labels = self.labels

        harmful_votes = self.harmful_votes

        majority_harmful: bool | None
        majority_harmful = self.majority_harmful

        ds_harmful = self.ds_harmful

        ds_probability = self.ds_probability

        adjudicated = self.adjudicated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response": response,
                "labels": labels,
                "harmful_votes": harmful_votes,
                "majority_harmful": majority_harmful,
                "ds_harmful": ds_harmful,
                "ds_probability": ds_probability,
                "adjudicated": adjudicated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = d.pop("response")

        labels = d.pop("labels")

        harmful_votes = d.pop("harmful_votes")

        def _parse_majority_harmful(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        majority_harmful = _parse_majority_harmful(d.pop("majority_harmful"))

        ds_harmful = d.pop("ds_harmful")

        ds_probability = d.pop("ds_probability")

        adjudicated = d.pop("adjudicated")

        item_aggregate = cls(
            response=response,
            labels=labels,
            harmful_votes=harmful_votes,
            majority_harmful=majority_harmful,
            ds_harmful=ds_harmful,
            ds_probability=ds_probability,
            adjudicated=adjudicated,
        )

        item_aggregate.additional_properties = d
        return item_aggregate

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
