from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_type_enum import WebhookEventTypeEnum

T = TypeVar("T", bound="EventType")


@_attrs_define
class EventType:
    """
    Attributes:
        value (WebhookEventTypeEnum): * `signal.recorded` - A signal was recorded in the signal pool
            * `label.aggregated` - A hazard campaign's labels were aggregated
            * `round.closed` - A principles voting round closed
            * `round.enacted` - A round enacted a new constitution version
            * `run.finished` - A training run finished (done, failed or cancelled)
            * `version.published` - A model version was published
            * `version.rolled_back` - A line was rolled back to an earlier version
        description (str):
    """

    value: WebhookEventTypeEnum
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value.value

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = WebhookEventTypeEnum(d.pop("value"))

        description = d.pop("description")

        event_type = cls(
            value=value,
            description=description,
        )

        event_type.additional_properties = d
        return event_type

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
