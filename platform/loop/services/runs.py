"""Training runs: started (one active per line), released once their snapshot is built, trained
on the gpu worker with progress streamed, registered as a version, evaluated, published if asked
and allowed; cancelled by an admin when stuck."""

import logging
import os
import time
from functools import partial
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import audit_record
from config.errors import StateConflict
from loop.models import (
    ACTIVE_RUN_STATUSES,
    FINISHED_RUN_STATUSES,
    DatasetSnapshot,
    Recipe,
    RunStatus,
    SnapshotStatus,
    TrainingRun,
    Trigger,
)
from loop.services.evaluation import version_evaluate
from loop.services.publishing import PublishRefused, version_publish
from loop.services.run_config import (
    CONFORMITY_SNAPSHOT,
    RECIPE_FORMATS,
    recipe_module,
    run_config,
    run_config_check,
)
from loop.services.snapshots import snapshot_request
from realtime.events import event_send, event_send_now
from registry.models import ModelLine, ModelVersion, VersionStatus
from registry.selectors import published_version
from registry.services import model_version_register
from webhooks.models import EventType
from webhooks.services.emit import webhook_emit_on_commit

log = logging.getLogger(__name__)


class RunConflict(StateConflict):
    """The line already has an active run (the one-run-per-line lock)."""

    def __init__(self, run: TrainingRun) -> None:
        super().__init__(f"Run #{run.pk} for this line is still {run.status}.")
        self.run = run


def run_group(run_id: int) -> str:
    return f"run:{run_id}"


@transaction.atomic
def training_run_start(
    *,
    line: ModelLine,
    recipe: str,
    config: dict[str, Any] | None = None,
    base_version: ModelVersion | None = None,
    snapshot: DatasetSnapshot | None = None,
    dataset_recipe: dict[str, Any] | None = None,
    trigger: str = Trigger.ADMIN,
    user: User | None = None,
    auto_publish: bool = False,
) -> TrainingRun:
    """Store a run; refuses (RunConflict) while the line has an active run.

    On a built snapshot the run is queued for the gpu at once. Given a dataset recipe (or a
    snapshot still building) it waits: the snapshot is built by its own task, which then
    releases the run (`training_runs_release`). Nothing is built here.
    """
    from loop.tasks import training_run_task

    if recipe not in Recipe.values:
        raise ValidationError({"recipe": f"Choose one of {', '.join(Recipe.values)}."})
    config = config or {}
    run_config_check(recipe=recipe, config=config)
    active = TrainingRun.objects.filter(line=line, status__in=ACTIVE_RUN_STATUSES).first()
    if active is not None:
        raise RunConflict(active)
    base_version = base_version or published_version(line=line.slug)
    if base_version is None:
        raise ValidationError({"base_version": "The line has no published version to start from."})
    if base_version.line_id != line.pk:
        raise ValidationError({"base_version": "The base version belongs to another line."})
    if snapshot is None:
        if dataset_recipe is None:
            raise ValidationError({"snapshot": "Give a snapshot or a dataset recipe."})
        # A refusal below rolls the requested snapshot (and its queued build) back with the run.
        snapshot, _ = snapshot_request(recipe=dataset_recipe, line=line, user=user)
    # Locked so that its build cannot finish between reading its state and storing the run:
    # a run stored `waiting` is always seen by the release that follows the build.
    snapshot = DatasetSnapshot.objects.select_for_update().get(pk=snapshot.pk)
    formats = RECIPE_FORMATS[Recipe(recipe)]
    if snapshot.format not in formats:
        raise ValidationError(
            {"snapshot": f"The {recipe} recipe needs a {' or '.join(formats)} snapshot."}
        )
    if snapshot.status == SnapshotStatus.FAILED:
        raise ValidationError({"snapshot": f"The snapshot failed to build: {snapshot.error}"})
    ready = snapshot.status == SnapshotStatus.READY
    if ready and not snapshot.counts.get("train"):
        raise ValidationError({"snapshot": "The snapshot has no training rows."})
    try:
        with transaction.atomic():
            run = TrainingRun.objects.create(
                line=line,
                recipe=recipe,
                config=config,
                base_version=base_version,
                snapshot=snapshot,
                trigger=trigger,
                requested_by=user,
                auto_publish=auto_publish,
                status=RunStatus.QUEUED if ready else RunStatus.WAITING,
                # A built snapshot costs this run no time.
                timings={"snapshot_s": 0.0} if ready else {},
            )
    except IntegrityError as exc:
        # Lost a race with another start: the partial unique index is the real lock.
        raise RunConflict(
            TrainingRun.objects.get(line=line, status__in=ACTIVE_RUN_STATUSES)
        ) from exc
    if ready:
        transaction.on_commit(lambda: training_run_task.delay(run.pk))
    event_send("registry", "run.queued", {"id": run.pk, "line": line.slug, "status": run.status})
    return run


def training_runs_release(*, snapshot_id: int) -> int:
    """Queue for the gpu the runs waiting for this snapshot, now that it is built, or fail them
    when it failed or has nothing to train on. Idempotent: a run leaves `waiting` once, under
    its row lock. Returns how many runs were queued."""
    from loop.tasks import training_run_task

    snapshot = DatasetSnapshot.objects.filter(pk=snapshot_id).first()
    if snapshot is None or snapshot.status == SnapshotStatus.BUILDING:
        return 0
    error = ""
    if snapshot.status == SnapshotStatus.FAILED:
        error = f"The snapshot could not be built: {snapshot.error}"
    elif not snapshot.counts.get("train"):
        error = "The snapshot has no training rows."
    waiting = TrainingRun.objects.filter(snapshot=snapshot, status=RunStatus.WAITING)
    queued = 0
    for run_id in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            run = (
                TrainingRun.objects.select_for_update()
                .filter(pk=run_id, status=RunStatus.WAITING)
                .first()
            )
            if run is None:
                # Cancelled, or released by another delivery, meanwhile.
                continue
            run.timings = {**run.timings, "snapshot_s": snapshot.build_s or 0.0}
            run.status = RunStatus.FAILED if error else RunStatus.QUEUED
            run.error = error
            run.finished_at = timezone.now() if error else None
            run.save(update_fields=["timings", "status", "error", "finished_at"])
            payload = {"id": run.pk, "snapshot": snapshot.pk, "status": snapshot.status}
            event_send(run_group(run.pk), "run.snapshot", payload)
            if error:
                event_send(run_group(run.pk), "run.completed", {"id": run.pk, "status": run.status})
                _run_finished_webhook_emit(run.pk, run.status)
            else:
                transaction.on_commit(partial(training_run_task.delay, run_id))
                queued += 1
    return queued


def devices_used(processes: int) -> int:
    """The processes of a launch over several, else the GPUs the in-process trainer uses."""
    import torch

    return processes if processes > 1 else max(1, torch.cuda.device_count())


@transaction.atomic
def training_run_cancel(*, run: TrainingRun, actor: User, reason: str) -> TrainingRun:
    """End a stuck waiting/queued/running run so that it stops holding its line's lock; audited.

    Its worker, if still alive, finds the run cancelled and registers nothing.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the run is cancelled."})
    locked = TrainingRun.objects.select_for_update().get(pk=run.pk)
    if locked.status not in ACTIVE_RUN_STATUSES:
        raise ValidationError({"run": f"The run is already {locked.status}."})
    locked.status = RunStatus.CANCELLED
    locked.cancelled_by = actor
    locked.cancel_reason = reason
    locked.finished_at = timezone.now()
    locked.save(update_fields=["status", "cancelled_by", "cancel_reason", "finished_at"])
    audit_record(
        action=AuditAction.RUN_CANCEL,
        actor=actor,
        target=locked,
        summary=f"Run #{locked.pk} on {locked.line.slug} cancelled: {reason}",
        details={"line": locked.line.slug, "reason": reason},
    )
    event_send(
        run_group(locked.pk), "run.completed", {"id": locked.pk, "status": RunStatus.CANCELLED}
    )
    _run_finished_webhook_emit(locked.pk, RunStatus.CANCELLED)
    return locked


class _ProgressReporter:
    """Streams every logged step to the run's group; writes the row at most every interval."""

    def __init__(self, run: TrainingRun, interval_s: float = 0.5) -> None:
        self.run_id, self.interval_s = run.pk, interval_s
        self.history: list[list[float]] = list(run.history)
        self.last_write = 0.0
        self.trimmed = False

    def __call__(self, progress: Any) -> None:
        if progress.loss is None:
            return
        if not self.trimmed:
            # After a resume the steps past the checkpoint are logged again.
            self.history = [h for h in self.history if h[0] < progress.step]
            self.trimmed = True
        self.history.append([progress.step, round(progress.loss, 6)])
        fields = {
            "step": progress.step,
            "total_steps": progress.total_steps,
            "loss": progress.loss,
            "eta_s": progress.eta_s,
        }
        event_send_now(run_group(self.run_id), "run.progress", {"id": self.run_id, **fields})
        now = time.monotonic()
        if now - self.last_write >= self.interval_s or progress.step >= progress.total_steps:
            TrainingRun.objects.filter(pk=self.run_id).update(history=self.history, **fields)
            self.last_write = now


def _recipe_run(run: TrainingRun, processes: int) -> Any:
    """Train in this process, or over several processes through accelerate (one per GPU)."""
    from loop.launch import recipe_launch

    config, reporter = run_config(run), _ProgressReporter(run)
    if processes <= 1:
        return recipe_module(run.recipe).run(config, reporter)
    return recipe_launch(
        recipe=run.recipe,
        config=config,
        processes=processes,
        folder=Path(config.output_dir),
        on_progress=reporter,
    )


def _run_fail(run_id: int, error: str) -> None:
    with transaction.atomic():
        # A cancelled run stays cancelled when its trainer fails afterwards.
        failed = (
            TrainingRun.objects.filter(pk=run_id)
            .exclude(status=RunStatus.CANCELLED)
            .update(status=RunStatus.FAILED, error=error[:5000], finished_at=timezone.now())
        )
        event_send(run_group(run_id), "run.completed", {"id": run_id, "status": RunStatus.FAILED})
        if failed:
            _run_finished_webhook_emit(run_id, RunStatus.FAILED)


def training_run_execute(*, run_id: int) -> None:
    """Run a queued run to the end: train, register, evaluate, publish if asked and allowed.

    Idempotent: a finished run is left alone, and a run still waiting for its snapshot is left
    for the release that queues it. A redelivered run (its worker was killed) resumes training
    from its last complete checkpoint; a version is registered once per run (keyed by the run)
    and only from a completely saved model.
    """
    from loop.launch import training_processes

    # Counting devices imports torch: done before the run's row is locked.
    processes = training_processes()
    devices = devices_used(processes)
    with transaction.atomic():
        run = (
            TrainingRun.objects.select_for_update(of=("self",))
            .select_related("line", "base_version", "snapshot", "version")
            .filter(pk=run_id)
            .first()
        )
        if run is None or run.status in (*FINISHED_RUN_STATUSES, RunStatus.WAITING):
            return
        if run.version_id is None:
            run.status = RunStatus.RUNNING
        run.attempts += 1
        run.worker_pid = os.getpid()
        run.devices = devices
        run.started_at = run.started_at or timezone.now()
        run.save(update_fields=["status", "attempts", "worker_pid", "devices", "started_at"])
    event_send_now(run_group(run.pk), "run.started", {"id": run.pk, "attempt": run.attempts})
    timings = dict(run.timings)
    if run.version is None:
        started = time.monotonic()
        try:
            result = _recipe_run(run, processes)
        except Exception as exc:
            log.exception("training run %s failed", run.pk)
            _run_fail(run.pk, f"{type(exc).__name__}: {exc}")
            return
        timings["training_s"] = round(time.monotonic() - started, 3)
        registered = _run_version_register(run, result, timings)
        if registered is None:
            return
        version = registered
    else:
        version = run.version
    started = time.monotonic()
    try:
        version_evaluate(version=version, snapshot=run.snapshot)
    except Exception as exc:
        log.exception("evaluating run %s failed", run.pk)
        _run_fail(run.pk, f"Evaluation failed: {type(exc).__name__}: {exc}")
        return
    timings["evaluation_s"] = round(time.monotonic() - started, 3)
    started = time.monotonic()
    if run.auto_publish:
        try:
            version_publish(version=version, actor=None)
        except PublishRefused:
            # The refusal is audited on the version; the run itself is complete.
            log.info("run %s: version %s failed its gates, left unpublished", run.pk, version)
    timings["publish_s"] = round(time.monotonic() - started, 3)
    with transaction.atomic():
        done = (
            TrainingRun.objects.filter(pk=run.pk)
            .exclude(status=RunStatus.CANCELLED)
            .update(status=RunStatus.DONE, timings=timings, finished_at=timezone.now())
        )
        version.refresh_from_db()
        event_send(
            run_group(run.pk),
            "run.completed",
            {"id": run.pk, "status": RunStatus.DONE, "version": version.pk},
        )
        if done:
            _run_finished_webhook_emit(run.pk, RunStatus.DONE, version.pk)


def _run_finished_webhook_emit(run_id: int, status: str, version_id: int | None = None) -> None:
    """run.finished for webhook endpoints after the commit; keyed by the run, so a run that is
    finished again (its task redelivered) is announced once."""
    line = TrainingRun.objects.filter(pk=run_id).values_list("line__slug", flat=True).first()
    webhook_emit_on_commit(
        event_type=EventType.RUN_FINISHED,
        payload={"run": run_id, "line": line, "status": status, "version": version_id},
        key=f"loop.run-finished:{run_id}",
    )


def _run_version_register(
    run: TrainingRun, result: Any, timings: dict[str, Any]
) -> ModelVersion | None:
    """The run's version, registered once; None when the run was cancelled meanwhile."""
    from training.tiny import model_fingerprint

    # Hashing the model's files takes a while: done before the run's row is locked.
    artifact_hash = model_fingerprint(result.model_dir)
    with transaction.atomic():
        locked = TrainingRun.objects.select_for_update().get(pk=run.pk)
        if locked.status == RunStatus.CANCELLED:
            return None
        if locked.version_id is not None:
            return ModelVersion.objects.get(pk=locked.version_id)
        lineage = {}
        if CONFORMITY_SNAPSHOT in run.config:
            conformity = DatasetSnapshot.objects.get(pk=run.config[CONFORMITY_SNAPSHOT])
            lineage["conformity_dataset_hash"] = conformity.content_hash
        version = model_version_register(
            line=run.line,
            base=run.base_version.base,
            uri=str(result.model_dir),
            parent=run.base_version,
            status=VersionStatus.EVALUATING,
            metrics={
                "training": {
                    "recipe": run.recipe,
                    **lineage,
                    "first_loss": result.losses[0][1] if result.losses else None,
                    "last_loss": result.losses[-1][1] if result.losses else None,
                    **{k: v for k, v in result.metrics.items() if isinstance(v, int | float)},
                }
            },
            training_run_ref=f"loop.run:{run.pk}",
            dataset_hash=run.snapshot.content_hash,
            artifact_hash=artifact_hash,
        )
        locked.version = version
        locked.status = RunStatus.EVALUATING
        locked.resumed_from_step = result.resumed_from_step
        locked.timings = timings
        locked.save(update_fields=["version", "status", "resumed_from_step", "timings"])
        run.version = version
        event_send(run_group(run.pk), "run.evaluating", {"id": run.pk, "version": version.pk})
    return version
