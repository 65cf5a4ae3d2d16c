from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_action_enum import AuditActionEnum

T = TypeVar("T", bound="ConstitutionAuditEntry")


@_attrs_define
class ConstitutionAuditEntry:
    """
    Attributes:
        id (int):
        action (AuditActionEnum): * `round_opened` - Round opened
            * `round_closed` - Round closed without a change
            * `enacted` - New version enacted
            * `vetoed` - Proposal vetoed
            * `seeded` - Version 1 seeded
        actor (None | str):
        round_ (int | None):
        version (int | None):
        proposal (int | None):
        reason (str):
        details (Any):
        created_at (datetime.datetime):
    """

    id: int
    action: AuditActionEnum
    actor: None | str
    round_: int | None
    version: int | None
    proposal: int | None
    reason: str
    details: Any
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        action = self.action.value

        actor: None | str
        actor = self.actor

        round_: int | None
        round_ = self.round_

        version: int | None
        version = self.version

        proposal: int | None
        proposal = self.proposal

        reason = self.reason

        details = self.details

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
                "actor": actor,
                "round": round_,
                "version": version,
                "proposal": proposal,
                "reason": reason,
                "details": details,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        action = AuditActionEnum(d.pop("action"))

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))

        def _parse_round_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        round_ = _parse_round_(d.pop("round"))

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        def _parse_proposal(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        proposal = _parse_proposal(d.pop("proposal"))

        reason = d.pop("reason")

        details = d.pop("details")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        constitution_audit_entry = cls(
            id=id,
            action=action,
            actor=actor,
            round_=round_,
            version=version,
            proposal=proposal,
            reason=reason,
            details=details,
            created_at=created_at,
        )

        constitution_audit_entry.additional_properties = d
        return constitution_audit_entry

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
