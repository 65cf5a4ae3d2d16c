from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Question")


@_attrs_define
class Question:
    """
    Attributes:
        id (int):
        question_set (int):
        key (str): Identifier within its set.
        text (str):
        options (list[str]):
        correct_index (int):
        source (str):
        tags (list[str]):
    """

    id: int
    question_set: int
    key: str
    text: str
    options: list[str]
    correct_index: int
    source: str
    tags: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        question_set = self.question_set

        key = self.key

        text = self.text

        options = self.options

        correct_index = self.correct_index

        source = self.source

        tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "question_set": question_set,
                "key": key,
                "text": text,
                "options": options,
                "correct_index": correct_index,
                "source": source,
                "tags": tags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        question_set = d.pop("question_set")

        key = d.pop("key")

        text = d.pop("text")

        options = cast(list[str], d.pop("options"))

        correct_index = d.pop("correct_index")

        source = d.pop("source")

        tags = cast(list[str], d.pop("tags"))

        question = cls(
            id=id,
            question_set=question_set,
            key=key,
            text=text,
            options=options,
            correct_index=correct_index,
            source=source,
            tags=tags,
        )

        question.additional_properties = d
        return question

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
