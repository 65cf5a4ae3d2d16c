from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolisConversation")


@_attrs_define
class PolisConversation:
    """
    Attributes:
        slug (str):
        topic (str):
        description (str):
        url (str):
        comments (int):
        participants (int):
        imported_at (datetime.datetime):
    """

    slug: str
    topic: str
    description: str
    url: str
    comments: int
    participants: int
    imported_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        topic = self.topic

        description = self.description

        url: str
        url = self.url

        comments = self.comments

        participants = self.participants

        imported_at = self.imported_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "topic": topic,
                "description": description,
                "url": url,
                "comments": comments,
                "participants": participants,
                "imported_at": imported_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        topic = d.pop("topic")

        description = d.pop("description")

        def _parse_url(data: object) -> str:
            return cast(str, data)

        url = _parse_url(d.pop("url"))

        comments = d.pop("comments")

        participants = d.pop("participants")

        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        polis_conversation = cls(
            slug=slug,
            topic=topic,
            description=description,
            url=url,
            comments=comments,
            participants=participants,
            imported_at=imported_at,
        )

        polis_conversation.additional_properties = d
        return polis_conversation

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
