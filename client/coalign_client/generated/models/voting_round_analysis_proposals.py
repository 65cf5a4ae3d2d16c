from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.principle_proposal_stats import PrincipleProposalStats


T = TypeVar("T", bound="VotingRoundAnalysisProposals")


@_attrs_define
class VotingRoundAnalysisProposals:
    additional_properties: dict[str, PrincipleProposalStats] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principle_proposal_stats import PrincipleProposalStats  # noqa: PLC0415

        d = dict(src_dict)
        voting_round_analysis_proposals = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = PrincipleProposalStats.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        voting_round_analysis_proposals.additional_properties = additional_properties
        return voting_round_analysis_proposals

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> PrincipleProposalStats:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: PrincipleProposalStats) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
