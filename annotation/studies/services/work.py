"""What a kind's steps ask of the platform, each idempotent when a step runs again: signals
imported into the pool, snapshots built by recipes over exactly those signals, training runs
through the loop, measurements stored once.

Training runs go through `training_run_start`, so the loop's one-active-run-per-line lock
holds: a study trains on its base versions' own lines, one run after another, and waits
(polling) while another run holds a line. Its versions are drafts; a study never publishes.
"""

import json
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min

from annotation.studies.kinds.base import Waiting
from annotation.studies.models import FINISHED_STUDY_STATUSES, Measurement, Study
from loop.models import (
    ACTIVE_RUN_STATUSES,
    DatasetSnapshot,
    RunStatus,
    SnapshotStatus,
    TrainingRun,
)
from loop.services.runs import RunConflict, training_run_start
from loop.services.snapshots import iso_utc, snapshot_request
from registry.models import ModelVersion
from signalpool.models import Signal
from signalpool.services import STUDY_DATASET_PREFIX, ImportedSignal, signals_import

# Seconds between looks at a line another run holds, and at snapshots being built.
BUSY_POLL_S = 5.0
BUILD_POLL_S = 1.0


class StudyStepError(Exception):
    """Platform work a step depends on ended without a result (the study fails with this)."""


def version_by_ref(ref: str) -> ModelVersion | None:
    """The version a parameter names as `line:number` (e.g. `judge:1`)."""
    line, _, number = ref.rpartition(":")
    if not line or not number.isdigit():
        return None
    return (
        ModelVersion.objects.select_related("line").filter(line__slug=line, number=number).first()
    )


def versions_check(field: str, refs: Sequence[str]) -> None:
    """Refuse, by field, references that name no version."""
    missing = [ref for ref in refs if version_by_ref(ref) is None]
    if missing:
        raise ValidationError(
            {field: f"No model version {', '.join(missing)}; name versions as line:number."}
        )


@transaction.atomic
def study_link(
    study: Study,
    *,
    runs: Iterable[TrainingRun] = (),
    snapshots: Iterable[DatasetSnapshot] = (),
    versions: Iterable[ModelVersion] = (),
    state: dict[str, Any] | None = None,
) -> None:
    """Link what a step created to the study and record ids in its state, at once: done in the
    transaction that creates a row, the row and the study's record of it commit together.

    A study cancelled meanwhile takes nothing more: StudyStepError rolls the caller's
    transaction back (a training run it was starting is then never stored).
    """
    locked = Study.objects.select_for_update().get(pk=study.pk)
    if locked.status in FINISHED_STUDY_STATUSES:
        raise StudyStepError(f"The study is {locked.status}.")
    if state:
        locked.state = {**locked.state, **state}
        locked.save(update_fields=["state"])
        study.state = locked.state
    locked.runs.add(*runs)
    locked.snapshots.add(*snapshots)
    locked.versions.add(*versions)


def imported_snapshot(
    study: Study, *, dataset: str, signals: Sequence[ImportedSignal], row_format: str
) -> DatasetSnapshot:
    """Import `signals` as the dataset `dataset` (once) and request the snapshot of exactly that
    dataset's signals.

    The recipe's window spans the dataset's signals and its mix keeps only their group
    (`imported:<dataset>`), so the snapshot holds nothing else from the pool. A dataset name
    must therefore fix its content (name it by every parameter that shapes it): the same name
    then gives the same signals, window, recipe and content hash, which is what makes a study
    reproducible.
    """
    if not dataset.startswith(STUDY_DATASET_PREFIX):
        # Only a study dataset is kept out of every recipe that does not name it.
        raise ValueError(f"A study's dataset name starts with {STUDY_DATASET_PREFIX!r}: {dataset}")
    signals_import(dataset=dataset, signals=signals)
    window = Signal.objects.filter(source_dataset=dataset).aggregate(
        since=Min("created_at"), until=Max("created_at")
    )
    recipe = {
        "kinds": sorted({s.kind for s in signals}),
        "format": row_format,
        "since": iso_utc(window["since"]),
        # The window's end is exclusive.
        "until": iso_utc(window["until"] + timedelta(microseconds=1)),
        "mix_by": "model_version",
        "weights": {f"imported:{dataset}": 1.0},
        # Identical rows of other datasets in the window must not take this one's rows away.
        "dedupe": False,
        "eval_fraction": 0.0,
    }
    snapshot, _ = snapshot_request(recipe=recipe)
    study_link(study, snapshots=[snapshot])
    return snapshot


def snapshots_wait(snapshots: Iterable[DatasetSnapshot]) -> Waiting | None:
    """None once every snapshot is built; a Waiting while any is; StudyStepError if one failed."""
    building = 0
    for snapshot in DatasetSnapshot.objects.filter(pk__in=[s.pk for s in snapshots]):
        if snapshot.status == SnapshotStatus.FAILED:
            raise StudyStepError(f"Snapshot #{snapshot.pk} failed to build: {snapshot.error}")
        building += snapshot.status == SnapshotStatus.BUILDING
    if not building:
        return None
    return Waiting(reason=f"Building {building} snapshot(s)", poll_s=BUILD_POLL_S)


def snapshot_rows(snapshot: DatasetSnapshot) -> list[dict[str, Any]]:
    """Every row of a built snapshot (its train split; study snapshots hold nothing else)."""
    lines = (Path(snapshot.folder) / "train.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def trained_version(
    study: Study,
    *,
    key: str,
    recipe: str,
    base: ModelVersion,
    snapshot: DatasetSnapshot,
    config: dict[str, Any],
) -> ModelVersion | Waiting:
    """The version a training run of the study trained (its state remembers the run by `key`),
    starting the run the first time, or a Waiting while it trains or its line is busy."""
    state_key = f"run:{key}"
    run_id = study.state.get(state_key)
    if run_id is None:
        try:
            with transaction.atomic():
                run = training_run_start(
                    line=base.line,
                    recipe=recipe,
                    config=config,
                    base_version=base,
                    snapshot=snapshot,
                    user=study.created_by,
                )
                study_link(study, runs=[run], state={state_key: run.pk})
        except RunConflict as exc:
            # Not the study's run: its end (whatever it is) only frees the line.
            return Waiting(
                reason=f"Line {base.line.slug} is busy with run #{exc.run.pk}", poll_s=BUSY_POLL_S
            )
        return Waiting(runs=(run.pk,), reason=f"Training {key} (run #{run.pk})")
    run = TrainingRun.objects.select_related("version").get(pk=run_id)
    if run.status in ACTIVE_RUN_STATUSES:
        return Waiting(runs=(run.pk,), reason=f"Training {key} (run #{run.pk})")
    if run.status != RunStatus.DONE or run.version is None:
        raise StudyStepError(f"Training run #{run.pk} {run.status}: {run.error}")
    study_link(study, versions=[run.version])
    return run.version


def measurement_get(study: Study, version: ModelVersion, name: str) -> Measurement | None:
    return Measurement.objects.filter(study=study, version=version, name=name).first()


def measurement_store(
    study: Study,
    *,
    version: ModelVersion,
    name: str,
    value: float | None,
    count: int,
    snapshot: DatasetSnapshot | None = None,
    detail: dict[str, Any] | None = None,
) -> Measurement:
    """Store a measurement once; a step that measured before its worker died keeps the first."""
    measurement, _ = Measurement.objects.get_or_create(
        study=study,
        version=version,
        name=name,
        defaults={"value": value, "count": count, "snapshot": snapshot, "detail": detail or {}},
    )
    study_link(study, versions=[version])
    return measurement
