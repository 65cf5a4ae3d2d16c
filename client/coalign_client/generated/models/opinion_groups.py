from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.opinion_group_proposal import OpinionGroupProposal
    from ..models.opinion_group_voter import OpinionGroupVoter


T = TypeVar("T", bound="OpinionGroups")


@_attrs_define
class OpinionGroups:
    """
    Attributes:
        k (int):
        silhouette (float | None):
        voters (list[OpinionGroupVoter]):
        proposals (list[OpinionGroupProposal]):
    """

    k: int
    silhouette: float | None
    voters: list[OpinionGroupVoter]
    proposals: list[OpinionGroupProposal]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        k = self.k

        silhouette: float | None
        silhouette = self.silhouette

        voters = []
        for voters_item_data in self.voters:
            voters_item = voters_item_data.to_dict()
            voters.append(voters_item)

        proposals = []
        for proposals_item_data in self.proposals:
            proposals_item = proposals_item_data.to_dict()
            proposals.append(proposals_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "k": k,
                "silhouette": silhouette,
                "voters": voters,
                "proposals": proposals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.opinion_group_proposal import OpinionGroupProposal  # noqa: PLC0415
        from ..models.opinion_group_voter import OpinionGroupVoter  # noqa: PLC0415

        d = dict(src_dict)
        k = d.pop("k")

        def _parse_silhouette(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        silhouette = _parse_silhouette(d.pop("silhouette"))

        voters = []
        _voters = d.pop("voters")
        for voters_item_data in _voters:
            voters_item = OpinionGroupVoter.from_dict(voters_item_data)

            voters.append(voters_item)

        proposals = []
        _proposals = d.pop("proposals")
        for proposals_item_data in _proposals:
            proposals_item = OpinionGroupProposal.from_dict(proposals_item_data)

            proposals.append(proposals_item)

        opinion_groups = cls(
            k=k,
            silhouette=silhouette,
            voters=voters,
            proposals=proposals,
        )

        opinion_groups.additional_properties = d
        return opinion_groups

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
