from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.platform_audit_action_enum import PlatformAuditActionEnum

T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """
    Attributes:
        id (int):
        at (datetime.datetime):
        actor (None | str):
        action (PlatformAuditActionEnum): * `version.publish` - Version published (gates passed)
            * `version.override` - Version published over failed gates
            * `version.refused` - Publish refused by the gates
            * `version.rollback` - Version rolled back to
            * `version.seed` - Line's first version installed
            * `run.cancel` - Training run cancelled
            * `policy.set` - Line policy or gates changed
            * `snapshot.export` - Snapshot exported (Hugging Face)
            * `constitution.enact` - Constitution version enacted
            * `proposal.veto` - Proposal vetoed
            * `taxonomy.edit` - Hazard taxonomy version added
            * `role.change` - Roles changed
            * `polis.import` - Polis conversation imported
            * `gold.set` - Item marked gold (known answer)
            * `gold.clear` - Item's gold mark removed
        action_label (str):
        object_type (str):
        object_id (str):
        summary (str):
        details (Any):
    """

    id: int
    at: datetime.datetime
    actor: None | str
    action: PlatformAuditActionEnum
    action_label: str
    object_type: str
    object_id: str
    summary: str
    details: Any
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        actor: None | str
        actor = self.actor

        action = self.action.value

        action_label = self.action_label

        object_type = self.object_type

        object_id = self.object_id

        summary = self.summary

        details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor": actor,
                "action": action,
                "action_label": action_label,
                "object_type": object_type,
                "object_id": object_id,
                "summary": summary,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))

        action = PlatformAuditActionEnum(d.pop("action"))

        action_label = d.pop("action_label")

        object_type = d.pop("object_type")

        object_id = d.pop("object_id")

        summary = d.pop("summary")

        details = d.pop("details")

        audit_entry = cls(
            id=id,
            at=at,
            actor=actor,
            action=action,
            action_label=action_label,
            object_type=object_type,
            object_id=object_id,
            summary=summary,
            details=details,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
