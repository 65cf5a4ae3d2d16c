from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.opinion_groups import OpinionGroups
    from ..models.round_participation import RoundParticipation
    from ..models.voting_round_analysis_proposals import VotingRoundAnalysisProposals


T = TypeVar("T", bound="VotingRoundAnalysis")


@_attrs_define
class VotingRoundAnalysis:
    """
    Attributes:
        closed (bool):
        participants (int | None):
        version (int | None):
        groups (None | OpinionGroups):
        proposals (VotingRoundAnalysisProposals):
        participation (RoundParticipation):
    """

    closed: bool
    participants: int | None
    version: int | None
    groups: None | OpinionGroups
    proposals: VotingRoundAnalysisProposals
    participation: RoundParticipation
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.opinion_groups import OpinionGroups  # noqa: PLC0415

        closed = self.closed

        participants: int | None
        participants = self.participants

        version: int | None
        version = self.version

        groups: dict[str, Any] | None
        if isinstance(self.groups, OpinionGroups):
            groups = self.groups.to_dict()
        else:
            groups = self.groups

        proposals = self.proposals.to_dict()

        participation = self.participation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "closed": closed,
                "participants": participants,
                "version": version,
                "groups": groups,
                "proposals": proposals,
                "participation": participation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.opinion_groups import OpinionGroups  # noqa: PLC0415
        from ..models.round_participation import RoundParticipation  # noqa: PLC0415
        from ..models.voting_round_analysis_proposals import (
            VotingRoundAnalysisProposals,  # noqa: PLC0415
        )

        d = dict(src_dict)
        closed = d.pop("closed")

        def _parse_participants(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        participants = _parse_participants(d.pop("participants"))

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        def _parse_groups(data: object) -> None | OpinionGroups:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                groups_type_1 = OpinionGroups.from_dict(data)

                return groups_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpinionGroups, data)

        groups = _parse_groups(d.pop("groups"))

        proposals = VotingRoundAnalysisProposals.from_dict(d.pop("proposals"))

        participation = RoundParticipation.from_dict(d.pop("participation"))

        voting_round_analysis = cls(
            closed=closed,
            participants=participants,
            version=version,
            groups=groups,
            proposals=proposals,
            participation=participation,
        )

        voting_round_analysis.additional_properties = d
        return voting_round_analysis

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
