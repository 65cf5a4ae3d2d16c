from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status_enum import JobStatusEnum

T = TypeVar("T", bound="Generation")


@_attrs_define
class Generation:
    """
    Attributes:
        id (int):
        line (str):
        model_version (int):
        prompt (str):
        params (Any):
        status (JobStatusEnum): * `queued` - Queued
            * `running` - Running
            * `done` - Done
            * `failed` - Failed
        output (str):
        error (str):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        untrained_model (bool):
    """

    id: int
    line: str
    model_version: int
    prompt: str
    params: Any
    status: JobStatusEnum
    output: str
    error: str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    untrained_model: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        line = self.line

        model_version = self.model_version

        prompt = self.prompt

        params = self.params

        status = self.status.value

        output = self.output

        error = self.error

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        untrained_model = self.untrained_model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "line": line,
                "model_version": model_version,
                "prompt": prompt,
                "params": params,
                "status": status,
                "output": output,
                "error": error,
                "created_at": created_at,
                "finished_at": finished_at,
                "untrained_model": untrained_model,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        line = d.pop("line")

        model_version = d.pop("model_version")

        prompt = d.pop("prompt")

        params = d.pop("params")

        status = JobStatusEnum(d.pop("status"))

        output = d.pop("output")

        error = d.pop("error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        untrained_model = d.pop("untrained_model")

        generation = cls(
            id=id,
            line=line,
            model_version=model_version,
            prompt=prompt,
            params=params,
            status=status,
            output=output,
            error=error,
            created_at=created_at,
            finished_at=finished_at,
            untrained_model=untrained_model,
        )

        generation.additional_properties = d
        return generation

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
