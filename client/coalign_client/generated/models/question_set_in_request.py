from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="QuestionSetInRequest")


@_attrs_define
class QuestionSetInRequest:
    """
    Attributes:
        file (File):
        dataset (str): Dataset the questions come from.
        name (str | Unset):  Default: ''.
        split (str | Unset):  Default: ''.
    """

    file: File
    dataset: str
    name: str | Unset = ""
    split: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        dataset = self.dataset

        name = self.name

        split = self.split

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "dataset": dataset,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if split is not UNSET:
            field_dict["split"] = split

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("dataset", (None, str(self.dataset).encode(), "text/plain")))

        if not isinstance(self.name, Unset):
            files.append(("name", (None, str(self.name).encode(), "text/plain")))

        if not isinstance(self.split, Unset):
            files.append(("split", (None, str(self.split).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        dataset = d.pop("dataset")

        name = d.pop("name", UNSET)

        split = d.pop("split", UNSET)

        question_set_in_request = cls(
            file=file,
            dataset=dataset,
            name=name,
            split=split,
        )

        question_set_in_request.additional_properties = d
        return question_set_in_request

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
