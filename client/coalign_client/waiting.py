"""Waiting for a run, study or snapshot to finish, by polling its state."""

import time
from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from coalign_client.generated.models import RunStatusEnum, SnapshotStatusEnum, StudyStatusEnum


class _Stateful(Protocol):
    @property
    def status(self) -> StrEnum: ...


S = TypeVar("S", bound=_Stateful)

RUN_FINISHED = {RunStatusEnum.DONE, RunStatusEnum.FAILED, RunStatusEnum.CANCELLED}
STUDY_FINISHED = {StudyStatusEnum.DONE, StudyStatusEnum.FAILED, StudyStatusEnum.CANCELLED}
SNAPSHOT_FINISHED = {SnapshotStatusEnum.READY, SnapshotStatusEnum.FAILED}


def polled(
    fetch: Callable[[], S],
    finished: set[Any],
    on_update: Callable[[S], None] | None,
    poll_s: float,
) -> S:
    """fetch() until the state's status is in `finished`, `poll_s` seconds apart."""
    while True:
        state = fetch()
        if on_update is not None:
            on_update(state)
        if state.status in finished:
            return state
        time.sleep(poll_s)
