from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status_enum import JobStatusEnum

T = TypeVar("T", bound="HazardResponse")


@_attrs_define
class HazardResponse:
    """
    Attributes:
        id (int):
        prompt (int):
        prompt_text (str):
        category (str):
        source (str):
        producer_name (str):
        status (JobStatusEnum): * `queued` - Queued
            * `running` - Running
            * `done` - Done
            * `failed` - Failed
        text (str):
        error (str):
        gold_harmful (bool | None):
        human_labels (int):
        ai_labels (int):
    """

    id: int
    prompt: int
    prompt_text: str
    category: str
    source: str
    producer_name: str
    status: JobStatusEnum
    text: str
    error: str
    gold_harmful: bool | None
    human_labels: int
    ai_labels: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        prompt = self.prompt

        prompt_text = self.prompt_text

        category = self.category

        source = self.source

        producer_name = self.producer_name

        status = self.status.value

        text = self.text

        error = self.error

        gold_harmful: bool | None
        gold_harmful = self.gold_harmful

        human_labels = self.human_labels

        ai_labels = self.ai_labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "prompt": prompt,
                "prompt_text": prompt_text,
                "category": category,
                "source": source,
                "producer_name": producer_name,
                "status": status,
                "text": text,
                "error": error,
                "gold_harmful": gold_harmful,
                "human_labels": human_labels,
                "ai_labels": ai_labels,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        prompt = d.pop("prompt")

        prompt_text = d.pop("prompt_text")

        category = d.pop("category")

        source = d.pop("source")

        producer_name = d.pop("producer_name")

        status = JobStatusEnum(d.pop("status"))

        text = d.pop("text")

        error = d.pop("error")

        def _parse_gold_harmful(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        gold_harmful = _parse_gold_harmful(d.pop("gold_harmful"))

        human_labels = d.pop("human_labels")

        ai_labels = d.pop("ai_labels")

        hazard_response = cls(
            id=id,
            prompt=prompt,
            prompt_text=prompt_text,
            category=category,
            source=source,
            producer_name=producer_name,
            status=status,
            text=text,
            error=error,
            gold_harmful=gold_harmful,
            human_labels=human_labels,
            ai_labels=ai_labels,
        )

        hazard_response.additional_properties = d
        return hazard_response

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
