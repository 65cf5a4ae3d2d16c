from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audience_enum import AudienceEnum

T = TypeVar("T", bound="Principle")


@_attrs_define
class Principle:
    """
    Attributes:
        key (str):
        title (str):
        text (str):
        audience (AudienceEnum): * `humans` - For humans
            * `ai` - For AI
            * `shared` - Shared
        rationale (str):
        position (int):
    """

    key: str
    title: str
    text: str
    audience: AudienceEnum
    rationale: str
    position: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        text = self.text

        audience = self.audience.value

        rationale = self.rationale

        position = self.position

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "text": text,
                "audience": audience,
                "rationale": rationale,
                "position": position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        text = d.pop("text")

        audience = AudienceEnum(d.pop("audience"))

        rationale = d.pop("rationale")

        position = d.pop("position")

        principle = cls(
            key=key,
            title=title,
            text=text,
            audience=audience,
            rationale=rationale,
            position=position,
        )

        principle.additional_properties = d
        return principle

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
