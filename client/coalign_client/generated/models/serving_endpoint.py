from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.state_enum import StateEnum

T = TypeVar("T", bound="ServingEndpoint")


@_attrs_define
class ServingEndpoint:
    """
    Attributes:
        version (int):
        line (str):
        number (int):
        served_name (str):
        state (StateEnum): * `stopped` - No server
            * `starting` - Server starting, loading weights
            * `ready` - Serving
            * `draining` - Finishing its requests before it stops
            * `failed` - Server failed
        agent (str): Serving agent in charge.
        base_url (str):
        error (str):
        state_since (datetime.datetime):
        ready_at (datetime.datetime | None):
        heartbeat_at (datetime.datetime | None):
        requested_at (datetime.datetime | None):
    """

    version: int
    line: str
    number: int
    served_name: str
    state: StateEnum
    agent: str
    base_url: str
    error: str
    state_since: datetime.datetime
    ready_at: datetime.datetime | None
    heartbeat_at: datetime.datetime | None
    requested_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        line = self.line

        number = self.number

        served_name = self.served_name

        state = self.state.value

        agent = self.agent

        base_url = self.base_url

        error = self.error

        state_since = self.state_since.isoformat()

        ready_at: None | str
        if isinstance(self.ready_at, datetime.datetime):
            ready_at = self.ready_at.isoformat()
        else:
            ready_at = self.ready_at

        heartbeat_at: None | str
        if isinstance(self.heartbeat_at, datetime.datetime):
            heartbeat_at = self.heartbeat_at.isoformat()
        else:
            heartbeat_at = self.heartbeat_at

        requested_at: None | str
        if isinstance(self.requested_at, datetime.datetime):
            requested_at = self.requested_at.isoformat()
        else:
            requested_at = self.requested_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "line": line,
                "number": number,
                "served_name": served_name,
                "state": state,
                "agent": agent,
                "base_url": base_url,
                "error": error,
                "state_since": state_since,
                "ready_at": ready_at,
                "heartbeat_at": heartbeat_at,
                "requested_at": requested_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        line = d.pop("line")

        number = d.pop("number")

        served_name = d.pop("served_name")

        state = StateEnum(d.pop("state"))

        agent = d.pop("agent")

        base_url = d.pop("base_url")

        error = d.pop("error")

        state_since = datetime.datetime.fromisoformat(d.pop("state_since"))

        def _parse_ready_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ready_at_type_0 = datetime.datetime.fromisoformat(data)

                return ready_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ready_at = _parse_ready_at(d.pop("ready_at"))

        def _parse_heartbeat_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                heartbeat_at_type_0 = datetime.datetime.fromisoformat(data)

                return heartbeat_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        heartbeat_at = _parse_heartbeat_at(d.pop("heartbeat_at"))

        def _parse_requested_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_at_type_0 = datetime.datetime.fromisoformat(data)

                return requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        requested_at = _parse_requested_at(d.pop("requested_at"))

        serving_endpoint = cls(
            version=version,
            line=line,
            number=number,
            served_name=served_name,
            state=state,
            agent=agent,
            base_url=base_url,
            error=error,
            state_since=state_since,
            ready_at=ready_at,
            heartbeat_at=heartbeat_at,
            requested_at=requested_at,
        )

        serving_endpoint.additional_properties = d
        return serving_endpoint

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
