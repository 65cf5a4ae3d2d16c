from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerationInRequest")


@_attrs_define
class GenerationInRequest:
    """
    Attributes:
        line (str):
        prompt (str):
        max_new_tokens (int | Unset):  Default: 128.
        temperature (float | Unset):  Default: 0.7.
    """

    line: str
    prompt: str
    max_new_tokens: int | Unset = 128
    temperature: float | Unset = 0.7
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        prompt = self.prompt

        max_new_tokens = self.max_new_tokens

        temperature = self.temperature

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "prompt": prompt,
            }
        )
        if max_new_tokens is not UNSET:
            field_dict["max_new_tokens"] = max_new_tokens
        if temperature is not UNSET:
            field_dict["temperature"] = temperature

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        prompt = d.pop("prompt")

        max_new_tokens = d.pop("max_new_tokens", UNSET)

        temperature = d.pop("temperature", UNSET)

        generation_in_request = cls(
            line=line,
            prompt=prompt,
            max_new_tokens=max_new_tokens,
            temperature=temperature,
        )

        generation_in_request.additional_properties = d
        return generation_in_request

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
