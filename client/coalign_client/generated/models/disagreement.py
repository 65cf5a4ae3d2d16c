from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Disagreement")


@_attrs_define
class Disagreement:
    """
    Attributes:
        response (int):
        prompt (str):
        text (str):
        labels (int):
        harmful_votes (int):
        ds_probability (float):
    """

    response: int
    prompt: str
    text: str
    labels: int
    harmful_votes: int
    ds_probability: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response = self.response

        prompt = self.prompt

        text = self.text

        labels = self.labels

        harmful_votes = self.harmful_votes

        ds_probability = self.ds_probability

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response": response,
                "prompt": prompt,
                "text": text,
                "labels": labels,
                "harmful_votes": harmful_votes,
                "ds_probability": ds_probability,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        response = d.pop("response")

        prompt = d.pop("prompt")

        text = d.pop("text")

        labels = d.pop("labels")

        harmful_votes = d.pop("harmful_votes")

        ds_probability = d.pop("ds_probability")

        disagreement = cls(
            response=response,
            prompt=prompt,
            text=text,
            labels=labels,
            harmful_votes=harmful_votes,
            ds_probability=ds_probability,
        )

        disagreement.additional_properties = d
        return disagreement

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
