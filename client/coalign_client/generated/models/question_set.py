from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuestionSet")


@_attrs_define
class QuestionSet:
    """
    Attributes:
        id (int):
        name (str):
        source (str): Dataset the questions come from.
        split (str):
        questions (int):
        created_at (datetime.datetime):
    """

    id: int
    name: str
    source: str
    split: str
    questions: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        source = self.source

        split = self.split

        questions = self.questions

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "source": source,
                "split": split,
                "questions": questions,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        source = d.pop("source")

        split = d.pop("split")

        questions = d.pop("questions")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        question_set = cls(
            id=id,
            name=name,
            source=source,
            split=split,
            questions=questions,
            created_at=created_at,
        )

        question_set.additional_properties = d
        return question_set

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
