from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.version_status_enum import VersionStatusEnum

T = TypeVar("T", bound="ModelVersion")


@_attrs_define
class ModelVersion:
    """
    Attributes:
        id (int):
        line (str):
        number (int):
        base (str): Base model name or hub id.
        uri (str): Local folder, or a URI the workers can read.
        status (VersionStatusEnum): * `draft` - Draft
            * `evaluating` - Evaluating
            * `published` - Published
            * `retired` - Retired
        metrics (Any):
        parent (int | None):
        training_run_ref (str):
        dataset_hash (str):
        code_version (str):
        artifact_hash (str):
        created_at (datetime.datetime):
        published_at (datetime.datetime | None):
    """

    id: int
    line: str
    number: int
    base: str
    uri: str
    status: VersionStatusEnum
    metrics: Any
    parent: int | None
    training_run_ref: str
    dataset_hash: str
    code_version: str
    artifact_hash: str
    created_at: datetime.datetime
    published_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        line = self.line

        number = self.number

        base = self.base

        uri = self.uri

        status = self.status.value

        metrics = self.metrics

        parent: int | None
        parent = self.parent

        training_run_ref = self.training_run_ref

        dataset_hash = self.dataset_hash

        code_version = self.code_version

        artifact_hash = self.artifact_hash

        created_at = self.created_at.isoformat()

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "line": line,
                "number": number,
                "base": base,
                "uri": uri,
                "status": status,
                "metrics": metrics,
                "parent": parent,
                "training_run_ref": training_run_ref,
                "dataset_hash": dataset_hash,
                "code_version": code_version,
                "artifact_hash": artifact_hash,
                "created_at": created_at,
                "published_at": published_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        line = d.pop("line")

        number = d.pop("number")

        base = d.pop("base")

        uri = d.pop("uri")

        status = VersionStatusEnum(d.pop("status"))

        metrics = d.pop("metrics")

        def _parse_parent(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        parent = _parse_parent(d.pop("parent"))

        training_run_ref = d.pop("training_run_ref")

        dataset_hash = d.pop("dataset_hash")

        code_version = d.pop("code_version")

        artifact_hash = d.pop("artifact_hash")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        model_version = cls(
            id=id,
            line=line,
            number=number,
            base=base,
            uri=uri,
            status=status,
            metrics=metrics,
            parent=parent,
            training_run_ref=training_run_ref,
            dataset_hash=dataset_hash,
            code_version=code_version,
            artifact_hash=artifact_hash,
            created_at=created_at,
            published_at=published_at,
        )

        model_version.additional_properties = d
        return model_version

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
