from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.signal_kind_enum import SignalKindEnum

T = TypeVar("T", bound="Signal")


@_attrs_define
class Signal:
    """
    Attributes:
        id (int):
        kind (SignalKindEnum): * `judgement` - Debate judgement
            * `debate_turn` - Debate turn
            * `hazard_label` - Hazard label
            * `safe_rewrite` - Safe rewrite
            * `adjudication` - Adjudication
            * `vote` - Principle vote
            * `proposal` - Principle proposal
            * `comment` - Comment
            * `enactment` - Constitution enactment
            * `preference` - Preference pair
            * `ai_output` - AI output
        source (str):
        source_user (int | None):
        source_model (int | None):
        source_dataset (str): Imported: the dataset's name. Default: ''.
        source_annotator (str): Imported: the annotator's pseudonym in that dataset. Default: ''.
        item_type (str):
        item_id (str):
        payload (Any):
        constitution_version (int | None):
        taxonomy_version (int | None):
        corrects (int | None):
        idempotency_key (str):
        created_at (datetime.datetime):
    """

    id: int
    kind: SignalKindEnum
    source: str
    source_user: int | None
    source_model: int | None
    item_type: str
    item_id: str
    payload: Any
    constitution_version: int | None
    taxonomy_version: int | None
    corrects: int | None
    idempotency_key: str
    created_at: datetime.datetime
    source_dataset: str = ""
    source_annotator: str = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        source = self.source

        source_user: int | None
        source_user = self.source_user

        source_model: int | None
        source_model = self.source_model

        source_dataset = self.source_dataset

        source_annotator = self.source_annotator

        item_type = self.item_type

        item_id = self.item_id

        payload = self.payload

        constitution_version: int | None
        constitution_version = self.constitution_version

        taxonomy_version: int | None
        taxonomy_version = self.taxonomy_version

        corrects: int | None
        corrects = self.corrects

        idempotency_key = self.idempotency_key

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "source": source,
                "source_user": source_user,
                "source_model": source_model,
                "source_dataset": source_dataset,
                "source_annotator": source_annotator,
                "item_type": item_type,
                "item_id": item_id,
                "payload": payload,
                "constitution_version": constitution_version,
                "taxonomy_version": taxonomy_version,
                "corrects": corrects,
                "idempotency_key": idempotency_key,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = SignalKindEnum(d.pop("kind"))

        source = d.pop("source")

        def _parse_source_user(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        source_user = _parse_source_user(d.pop("source_user"))

        def _parse_source_model(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        source_model = _parse_source_model(d.pop("source_model"))

        source_dataset = d.pop("source_dataset")

        source_annotator = d.pop("source_annotator")

        item_type = d.pop("item_type")

        item_id = d.pop("item_id")

        payload = d.pop("payload")

        def _parse_constitution_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        constitution_version = _parse_constitution_version(d.pop("constitution_version"))

        def _parse_taxonomy_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        taxonomy_version = _parse_taxonomy_version(d.pop("taxonomy_version"))

        def _parse_corrects(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        corrects = _parse_corrects(d.pop("corrects"))

        idempotency_key = d.pop("idempotency_key")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        signal = cls(
            id=id,
            kind=kind,
            source=source,
            source_user=source_user,
            source_model=source_model,
            source_dataset=source_dataset,
            source_annotator=source_annotator,
            item_type=item_type,
            item_id=item_id,
            payload=payload,
            constitution_version=constitution_version,
            taxonomy_version=taxonomy_version,
            corrects=corrects,
            idempotency_key=idempotency_key,
            created_at=created_at,
        )

        signal.additional_properties = d
        return signal

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
