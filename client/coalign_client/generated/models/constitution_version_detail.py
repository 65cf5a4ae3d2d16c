from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.constitution_changelog_entry import ConstitutionChangelogEntry
    from ..models.principle import Principle


T = TypeVar("T", bound="ConstitutionVersionDetail")


@_attrs_define
class ConstitutionVersionDetail:
    """
    Attributes:
        number (int):
        summary (str):
        is_current (bool):
        round_ (int | None):
        created_at (datetime.datetime):
        principles (list[Principle]):
        changelog (list[ConstitutionChangelogEntry]):
    """

    number: int
    summary: str
    is_current: bool
    round_: int | None
    created_at: datetime.datetime
    principles: list[Principle]
    changelog: list[ConstitutionChangelogEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        summary = self.summary

        is_current = self.is_current

        round_: int | None
        round_ = self.round_

        created_at = self.created_at.isoformat()

        principles = []
        for principles_item_data in self.principles:
            principles_item = principles_item_data.to_dict()
            principles.append(principles_item)

        changelog = []
        for changelog_item_data in self.changelog:
            changelog_item = changelog_item_data.to_dict()
            changelog.append(changelog_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "summary": summary,
                "is_current": is_current,
                "round": round_,
                "created_at": created_at,
                "principles": principles,
                "changelog": changelog,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.constitution_changelog_entry import ConstitutionChangelogEntry  # noqa: PLC0415
        from ..models.principle import Principle  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        summary = d.pop("summary")

        is_current = d.pop("is_current")

        def _parse_round_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        round_ = _parse_round_(d.pop("round"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        principles = []
        _principles = d.pop("principles")
        for principles_item_data in _principles:
            principles_item = Principle.from_dict(principles_item_data)

            principles.append(principles_item)

        changelog = []
        _changelog = d.pop("changelog")
        for changelog_item_data in _changelog:
            changelog_item = ConstitutionChangelogEntry.from_dict(changelog_item_data)

            changelog.append(changelog_item)

        constitution_version_detail = cls(
            number=number,
            summary=summary,
            is_current=is_current,
            round_=round_,
            created_at=created_at,
            principles=principles,
            changelog=changelog,
        )

        constitution_version_detail.additional_properties = d
        return constitution_version_detail

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
