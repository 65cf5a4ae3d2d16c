"""Snapshots built in the test's own process, as the worker's snapshot_build_task builds them
(tests run without a worker, and tasks queued on commit never run inside a test's transaction)."""

from typing import Any

from loop.models import DatasetSnapshot, TrainingRun
from loop.services.snapshots import snapshot_build, snapshot_request
from loop.tasks import snapshot_build_task


def snapshot_create(*, recipe: dict[str, Any], line: Any = None) -> tuple[DatasetSnapshot, bool]:
    """Request a snapshot and build it here: the built snapshot, and whether it was new."""
    snapshot, created = snapshot_request(recipe=recipe, line=line)
    snapshot_build(snapshot_id=snapshot.pk)
    snapshot.refresh_from_db()
    return snapshot, created


def run_snapshot_build(run: TrainingRun) -> None:
    """Build the snapshot a waiting run was started with, and release the run to train."""
    snapshot_build_task(run.snapshot_id)
    run.refresh_from_db()
