from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recipe_enum import RecipeEnum
from ..models.run_status_enum import RunStatusEnum
from ..models.trigger_enum import TriggerEnum

if TYPE_CHECKING:
    from ..models.run_config import RunConfig
    from ..models.run_timings import RunTimings


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """
    Attributes:
        id (int):
        line (str):
        recipe (RecipeEnum): * `sft` - Supervised fine-tuning
            * `reward` - Reward model
            * `dpo` - Direct preference optimisation
            * `weak_to_strong` - Weak-to-strong (a weaker version labels, DPO trains)
            * `alternating` - Alternating round (competence SFT, then conformity DPO)
        config (RunConfig):
        base_version (int):
        base_version_number (int):
        snapshot (int):
        snapshot_hash (str):
        trigger (TriggerEnum): * `admin` - Admin (UI or API)
            * `command` - Management command
            * `periodic` - Periodic (enough new signals)
        auto_publish (bool): Publish the new version when it passes the gates.
        status (RunStatusEnum): * `waiting` - Waiting for its snapshot
            * `queued` - Queued
            * `running` - Running
            * `evaluating` - Evaluating
            * `done` - Done
            * `failed` - Failed
            * `cancelled` - Cancelled by an admin
        step (int):
        total_steps (int):
        loss (float | None):
        eta_s (float | None):
        history (list[list[float]]):
        attempts (int):
        resumed_from_step (int):
        devices (int | None): Devices the trainer used (GPUs, or 1 on the CPU).
        cancelled_by (None | str):
        cancel_reason (str):
        version (int | None):
        version_number (int | None):
        timings (RunTimings):
        error (str):
        created_at (datetime.datetime):
        started_at (datetime.datetime | None):
        finished_at (datetime.datetime | None):
    """

    id: int
    line: str
    recipe: RecipeEnum
    config: RunConfig
    base_version: int
    base_version_number: int
    snapshot: int
    snapshot_hash: str
    trigger: TriggerEnum
    auto_publish: bool
    status: RunStatusEnum
    step: int
    total_steps: int
    loss: float | None
    eta_s: float | None
    history: list[list[float]]
    attempts: int
    resumed_from_step: int
    devices: int | None
    cancelled_by: None | str
    cancel_reason: str
    version: int | None
    version_number: int | None
    timings: RunTimings
    error: str
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        line = self.line

        recipe = self.recipe.value

        config = self.config.to_dict()

        base_version = self.base_version

        base_version_number = self.base_version_number

        snapshot = self.snapshot

        snapshot_hash = self.snapshot_hash

        trigger = self.trigger.value

        auto_publish = self.auto_publish

        status = self.status.value

        step = self.step

        total_steps = self.total_steps

        loss: float | None
        loss = self.loss

        eta_s: float | None
        eta_s = self.eta_s

        history = []
        for history_item_data in self.history:
            history_item = history_item_data

            history.append(history_item)

        attempts = self.attempts

        resumed_from_step = self.resumed_from_step

        devices: int | None
        devices = self.devices

        cancelled_by: None | str
        cancelled_by = self.cancelled_by

        cancel_reason = self.cancel_reason

        version: int | None
        version = self.version

        version_number: int | None
        version_number = self.version_number

        timings = self.timings.to_dict()

        error = self.error

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "line": line,
                "recipe": recipe,
                "config": config,
                "base_version": base_version,
                "base_version_number": base_version_number,
                "snapshot": snapshot,
                "snapshot_hash": snapshot_hash,
                "trigger": trigger,
                "auto_publish": auto_publish,
                "status": status,
                "step": step,
                "total_steps": total_steps,
                "loss": loss,
                "eta_s": eta_s,
                "history": history,
                "attempts": attempts,
                "resumed_from_step": resumed_from_step,
                "devices": devices,
                "cancelled_by": cancelled_by,
                "cancel_reason": cancel_reason,
                "version": version,
                "version_number": version_number,
                "timings": timings,
                "error": error,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_config import RunConfig  # noqa: PLC0415
        from ..models.run_timings import RunTimings  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        line = d.pop("line")

        recipe = RecipeEnum(d.pop("recipe"))

        config = RunConfig.from_dict(d.pop("config"))

        base_version = d.pop("base_version")

        base_version_number = d.pop("base_version_number")

        snapshot = d.pop("snapshot")

        snapshot_hash = d.pop("snapshot_hash")

        trigger = TriggerEnum(d.pop("trigger"))

        auto_publish = d.pop("auto_publish")

        status = RunStatusEnum(d.pop("status"))

        step = d.pop("step")

        total_steps = d.pop("total_steps")

        def _parse_loss(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        loss = _parse_loss(d.pop("loss"))

        def _parse_eta_s(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        eta_s = _parse_eta_s(d.pop("eta_s"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = cast(list[float], history_item_data)

            history.append(history_item)

        attempts = d.pop("attempts")

        resumed_from_step = d.pop("resumed_from_step")

        def _parse_devices(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        devices = _parse_devices(d.pop("devices"))

        def _parse_cancelled_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancelled_by = _parse_cancelled_by(d.pop("cancelled_by"))

        cancel_reason = d.pop("cancel_reason")

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        def _parse_version_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version_number = _parse_version_number(d.pop("version_number"))

        timings = RunTimings.from_dict(d.pop("timings"))

        error = d.pop("error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

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

        run = cls(
            id=id,
            line=line,
            recipe=recipe,
            config=config,
            base_version=base_version,
            base_version_number=base_version_number,
            snapshot=snapshot,
            snapshot_hash=snapshot_hash,
            trigger=trigger,
            auto_publish=auto_publish,
            status=status,
            step=step,
            total_steps=total_steps,
            loss=loss,
            eta_s=eta_s,
            history=history,
            attempts=attempts,
            resumed_from_step=resumed_from_step,
            devices=devices,
            cancelled_by=cancelled_by,
            cancel_reason=cancel_reason,
            version=version,
            version_number=version_number,
            timings=timings,
            error=error,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
        )

        run.additional_properties = d
        return run

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
