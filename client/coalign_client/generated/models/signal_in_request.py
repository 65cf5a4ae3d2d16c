from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signal_in_kind_enum import SignalInKindEnum

T = TypeVar("T", bound="SignalInRequest")


@_attrs_define
class SignalInRequest:
    """
    Attributes:
        kind (SignalInKindEnum): * `preference` - Preference pair
            * `comment` - Comment
        item_type (str):
        item_id (str):
        payload (Any):
        idempotency_key (str):
    """

    kind: SignalInKindEnum
    item_type: str
    item_id: str
    payload: Any
    idempotency_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        item_type = self.item_type

        item_id = self.item_id

        payload = self.payload

        idempotency_key = self.idempotency_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "item_type": item_type,
                "item_id": item_id,
                "payload": payload,
                "idempotency_key": idempotency_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = SignalInKindEnum(d.pop("kind"))

        item_type = d.pop("item_type")

        item_id = d.pop("item_id")

        payload = d.pop("payload")

        idempotency_key = d.pop("idempotency_key")

        signal_in_request = cls(
            kind=kind,
            item_type=item_type,
            item_id=item_id,
            payload=payload,
            idempotency_key=idempotency_key,
        )

        signal_in_request.additional_properties = d
        return signal_in_request

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
