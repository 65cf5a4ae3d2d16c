from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.principle_proposal_brief import PrincipleProposalBrief
    from ..models.principle_proposal_stats import PrincipleProposalStats


T = TypeVar("T", bound="ConstitutionChangelogEntry")


@_attrs_define
class ConstitutionChangelogEntry:
    """
    Attributes:
        proposal (PrincipleProposalBrief):
        stats (PrincipleProposalStats):
    """

    proposal: PrincipleProposalBrief
    stats: PrincipleProposalStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        proposal = self.proposal.to_dict()

        stats = self.stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "proposal": proposal,
                "stats": stats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principle_proposal_brief import PrincipleProposalBrief  # noqa: PLC0415
        from ..models.principle_proposal_stats import PrincipleProposalStats  # noqa: PLC0415

        d = dict(src_dict)
        proposal = PrincipleProposalBrief.from_dict(d.pop("proposal"))

        stats = PrincipleProposalStats.from_dict(d.pop("stats"))

        constitution_changelog_entry = cls(
            proposal=proposal,
            stats=stats,
        )

        constitution_changelog_entry.additional_properties = d
        return constitution_changelog_entry

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
