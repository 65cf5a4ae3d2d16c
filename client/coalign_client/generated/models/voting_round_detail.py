from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.round_status_enum import RoundStatusEnum

if TYPE_CHECKING:
    from ..models.principle_proposal import PrincipleProposal


T = TypeVar("T", bound="VotingRoundDetail")


@_attrs_define
class VotingRoundDetail:
    """
    Attributes:
        id (int):
        title (str):
        base_version (int):
        opens_at (datetime.datetime):
        closes_at (datetime.datetime):
        status (RoundStatusEnum): * `open` - Open
            * `closed` - Closed
        min_participants (int): Human voters a proposal needs (agree, disagree or pass).
        min_agreement (float): Share of a proposal's human votes that must be 'agree'.
        min_group_agreement (float): Agreement every opinion group must reach (bridging).
        closed_at (datetime.datetime | None):
        enacted_version (int | None):
        proposals (list[PrincipleProposal]):
    """

    id: int
    title: str
    base_version: int
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    status: RoundStatusEnum
    min_participants: int
    min_agreement: float
    min_group_agreement: float
    closed_at: datetime.datetime | None
    enacted_version: int | None
    proposals: list[PrincipleProposal]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        base_version = self.base_version

        opens_at = self.opens_at.isoformat()

        closes_at = self.closes_at.isoformat()

        status = self.status.value

        min_participants = self.min_participants

        min_agreement = self.min_agreement

        min_group_agreement = self.min_group_agreement

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        enacted_version: int | None
        enacted_version = self.enacted_version

        proposals = []
        for proposals_item_data in self.proposals:
            proposals_item = proposals_item_data.to_dict()
            proposals.append(proposals_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "base_version": base_version,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "status": status,
                "min_participants": min_participants,
                "min_agreement": min_agreement,
                "min_group_agreement": min_group_agreement,
                "closed_at": closed_at,
                "enacted_version": enacted_version,
                "proposals": proposals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.principle_proposal import PrincipleProposal  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        base_version = d.pop("base_version")

        opens_at = datetime.datetime.fromisoformat(d.pop("opens_at"))

        closes_at = datetime.datetime.fromisoformat(d.pop("closes_at"))

        status = RoundStatusEnum(d.pop("status"))

        min_participants = d.pop("min_participants")

        min_agreement = d.pop("min_agreement")

        min_group_agreement = d.pop("min_group_agreement")

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        def _parse_enacted_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        enacted_version = _parse_enacted_version(d.pop("enacted_version"))

        proposals = []
        _proposals = d.pop("proposals")
        for proposals_item_data in _proposals:
            proposals_item = PrincipleProposal.from_dict(proposals_item_data)

            proposals.append(proposals_item)

        voting_round_detail = cls(
            id=id,
            title=title,
            base_version=base_version,
            opens_at=opens_at,
            closes_at=closes_at,
            status=status,
            min_participants=min_participants,
            min_agreement=min_agreement,
            min_group_agreement=min_group_agreement,
            closed_at=closed_at,
            enacted_version=enacted_version,
            proposals=proposals,
        )

        voting_round_detail.additional_properties = d
        return voting_round_detail

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
