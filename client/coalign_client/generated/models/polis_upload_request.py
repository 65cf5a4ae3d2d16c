from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="PolisUploadRequest")


@_attrs_define
class PolisUploadRequest:
    """
    Attributes:
        slug (str): The conversation's name here.
        comments (File): comments.csv of the Polis export.
        votes (File): votes.csv of the Polis export.
        participants_votes (File): participants-votes.csv of the Polis export.
        summary (File | Unset): summary.csv (topic, description, url).
    """

    slug: str
    comments: File
    votes: File
    participants_votes: File
    summary: File | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        comments = self.comments.to_tuple()

        votes = self.votes.to_tuple()

        participants_votes = self.participants_votes.to_tuple()

        summary: FileTypes | Unset = UNSET
        if not isinstance(self.summary, Unset):
            summary = self.summary.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "comments": comments,
                "votes": votes,
                "participants_votes": participants_votes,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("slug", (None, str(self.slug).encode(), "text/plain")))

        files.append(("comments", self.comments.to_tuple()))

        files.append(("votes", self.votes.to_tuple()))

        files.append(("participants_votes", self.participants_votes.to_tuple()))

        if not isinstance(self.summary, Unset):
            files.append(("summary", self.summary.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        comments = File(payload=BytesIO(d.pop("comments")))

        votes = File(payload=BytesIO(d.pop("votes")))

        participants_votes = File(payload=BytesIO(d.pop("participants_votes")))

        _summary = d.pop("summary", UNSET)
        summary: File | Unset
        if isinstance(_summary, Unset):
            summary = UNSET
        else:
            summary = File(payload=BytesIO(_summary))

        polis_upload_request = cls(
            slug=slug,
            comments=comments,
            votes=votes,
            participants_votes=participants_votes,
            summary=summary,
        )

        polis_upload_request.additional_properties = d
        return polis_upload_request

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
