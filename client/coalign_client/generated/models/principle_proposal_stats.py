from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.principle_proposal_stats_ai import PrincipleProposalStatsAi
    from ..models.principle_proposal_stats_group_agreement import (
        PrincipleProposalStatsGroupAgreement,
    )


T = TypeVar("T", bound="PrincipleProposalStats")


@_attrs_define
class PrincipleProposalStats:
    """
    Attributes:
        votes (int):
        agree (int):
        disagree (int):
        passes (int):
        agreement (float | None):
        group_agreement (PrincipleProposalStatsGroupAgreement):
        min_group_agreement (float | None):
        consensus (float | None):
        ai (PrincipleProposalStatsAi):
        passed (bool):
        reason (str):
    """

    votes: int
    agree: int
    disagree: int
    passes: int
    agreement: float | None
    group_agreement: PrincipleProposalStatsGroupAgreement
    min_group_agreement: float | None
    consensus: float | None
    ai: PrincipleProposalStatsAi
    passed: bool
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        votes = self.votes

        agree = self.agree

        disagree = self.disagree

        passes = self.passes

        agreement: float | None
        agreement = self.agreement

        group_agreement = self.group_agreement.to_dict()

        min_group_agreement: float | None
        min_group_agreement = self.min_group_agreement

        consensus: float | None
        consensus = self.consensus

        ai = self.ai.to_dict()

        passed = self.passed

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "votes": votes,
                "agree": agree,
                "disagree": disagree,
                "passes": passes,
                "agreement": agreement,
                "group_agreement": group_agreement,
                "min_group_agreement": min_group_agreement,
                "consensus": consensus,
                "ai": ai,
                "passed": passed,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principle_proposal_stats_ai import PrincipleProposalStatsAi  # noqa: PLC0415
        from ..models.principle_proposal_stats_group_agreement import (
            PrincipleProposalStatsGroupAgreement,  # noqa: PLC0415
        )

        d = dict(src_dict)
        votes = d.pop("votes")

        agree = d.pop("agree")

        disagree = d.pop("disagree")

        passes = d.pop("passes")

        def _parse_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        agreement = _parse_agreement(d.pop("agreement"))

        group_agreement = PrincipleProposalStatsGroupAgreement.from_dict(d.pop("group_agreement"))

        def _parse_min_group_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        min_group_agreement = _parse_min_group_agreement(d.pop("min_group_agreement"))

        def _parse_consensus(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        consensus = _parse_consensus(d.pop("consensus"))

        ai = PrincipleProposalStatsAi.from_dict(d.pop("ai"))

        passed = d.pop("passed")

        reason = d.pop("reason")

        principle_proposal_stats = cls(
            votes=votes,
            agree=agree,
            disagree=disagree,
            passes=passes,
            agreement=agreement,
            group_agreement=group_agreement,
            min_group_agreement=min_group_agreement,
            consensus=consensus,
            ai=ai,
            passed=passed,
            reason=reason,
        )

        principle_proposal_stats.additional_properties = d
        return principle_proposal_stats

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
