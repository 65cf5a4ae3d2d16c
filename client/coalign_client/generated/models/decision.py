from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.publish_action_enum import PublishActionEnum

T = TypeVar("T", bound="Decision")


@_attrs_define
class Decision:
    """
    Attributes:
        id (int):
        version (int):
        replaced (int | None):
        action (PublishActionEnum): * `publish` - Published (gates passed)
            * `override` - Published over failed gates
            * `rollback` - Rolled back
            * `refused` - Refused by the gates
            * `seed` - Installed as the line's first version
        actor (None | str):
        gate_failures (Any):
        reason (str):
        created_at (datetime.datetime):
    """

    id: int
    version: int
    replaced: int | None
    action: PublishActionEnum
    actor: None | str
    gate_failures: Any
    reason: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version = self.version

        replaced: int | None
        replaced = self.replaced

        action = self.action.value

        actor: None | str
        actor = self.actor

        gate_failures = self.gate_failures

        reason = self.reason

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "replaced": replaced,
                "action": action,
                "actor": actor,
                "gate_failures": gate_failures,
                "reason": reason,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        def _parse_replaced(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        replaced = _parse_replaced(d.pop("replaced"))

        action = PublishActionEnum(d.pop("action"))

        def _parse_actor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor = _parse_actor(d.pop("actor"))

        gate_failures = d.pop("gate_failures")

        reason = d.pop("reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision = cls(
            id=id,
            version=version,
            replaced=replaced,
            action=action,
            actor=actor,
            gate_failures=gate_failures,
            reason=reason,
            created_at=created_at,
        )

        decision.additional_properties = d
        return decision

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
