from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.background_support import BackgroundSupport
    from ..models.group_support import GroupSupport
    from ..models.principle_tracking_point_group_agreement import (
        PrincipleTrackingPointGroupAgreement,
    )


T = TypeVar("T", bound="PrincipleTrackingPoint")


@_attrs_define
class PrincipleTrackingPoint:
    """
    Attributes:
        round_ (int):
        round_title (str):
        closed_at (datetime.datetime):
        proposal (int):
        action (str):
        agreement (float | None):
        min_group_agreement (float | None):
        group_agreement (PrincipleTrackingPointGroupAgreement):
        groups (list[GroupSupport]): This round's opinion groups; re-clustered every round.
        backgrounds (BackgroundSupport):
        passed (bool):
    """

    round_: int
    round_title: str
    closed_at: datetime.datetime
    proposal: int
    action: str
    agreement: float | None
    min_group_agreement: float | None
    group_agreement: PrincipleTrackingPointGroupAgreement
    groups: list[GroupSupport]
    backgrounds: BackgroundSupport
    passed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        round_ = self.round_

        round_title = self.round_title

        closed_at = self.closed_at.isoformat()

        proposal = self.proposal

        action = self.action

        agreement: float | None
        agreement = self.agreement

        min_group_agreement: float | None
        min_group_agreement = self.min_group_agreement

        group_agreement = self.group_agreement.to_dict()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        backgrounds = self.backgrounds.to_dict()

        passed = self.passed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "round": round_,
                "round_title": round_title,
                "closed_at": closed_at,
                "proposal": proposal,
                "action": action,
                "agreement": agreement,
                "min_group_agreement": min_group_agreement,
                "group_agreement": group_agreement,
                "groups": groups,
                "backgrounds": backgrounds,
                "passed": passed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.background_support import BackgroundSupport  # noqa: PLC0415
        from ..models.group_support import GroupSupport  # noqa: PLC0415
        from ..models.principle_tracking_point_group_agreement import (
            PrincipleTrackingPointGroupAgreement,  # noqa: PLC0415
        )

        d = dict(src_dict)
        round_ = d.pop("round")

        round_title = d.pop("round_title")

        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))

        proposal = d.pop("proposal")

        action = d.pop("action")

        def _parse_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        agreement = _parse_agreement(d.pop("agreement"))

        def _parse_min_group_agreement(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        min_group_agreement = _parse_min_group_agreement(d.pop("min_group_agreement"))

        group_agreement = PrincipleTrackingPointGroupAgreement.from_dict(d.pop("group_agreement"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = GroupSupport.from_dict(groups_item_data)

            groups.append(groups_item)

        backgrounds = BackgroundSupport.from_dict(d.pop("backgrounds"))

        passed = d.pop("passed")

        principle_tracking_point = cls(
            round_=round_,
            round_title=round_title,
            closed_at=closed_at,
            proposal=proposal,
            action=action,
            agreement=agreement,
            min_group_agreement=min_group_agreement,
            group_agreement=group_agreement,
            groups=groups,
            backgrounds=backgrounds,
            passed=passed,
        )

        principle_tracking_point.additional_properties = d
        return principle_tracking_point

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
