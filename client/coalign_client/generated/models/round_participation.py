from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.round_participation_by_background import RoundParticipationByBackground


T = TypeVar("T", bound="RoundParticipation")


@_attrs_define
class RoundParticipation:
    """
    Attributes:
        human_voters (int):
        ai_voters (int):
        with_profile (int):
        by_background (RoundParticipationByBackground):
    """

    human_voters: int
    ai_voters: int
    with_profile: int
    by_background: RoundParticipationByBackground
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        human_voters = self.human_voters

        ai_voters = self.ai_voters

        with_profile = self.with_profile

        by_background = self.by_background.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "human_voters": human_voters,
                "ai_voters": ai_voters,
                "with_profile": with_profile,
                "by_background": by_background,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.round_participation_by_background import (
            RoundParticipationByBackground,  # noqa: PLC0415
        )

        d = dict(src_dict)
        human_voters = d.pop("human_voters")

        ai_voters = d.pop("ai_voters")

        with_profile = d.pop("with_profile")

        by_background = RoundParticipationByBackground.from_dict(d.pop("by_background"))

        round_participation = cls(
            human_voters=human_voters,
            ai_voters=ai_voters,
            with_profile=with_profile,
            by_background=by_background,
        )

        round_participation.additional_properties = d
        return round_participation

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
