"""The engine: one step per Celery task, waiting on platform work, the report at the end.

A study moves through `study.steps` (fixed at creation). Each task carries the study id and
the `dispatch` number it was sent with; the study bumps that number whenever it sends a task,
so a task redelivered after its worker died once the study had moved on is recognised as
stale and does nothing. A task whose worker died in the middle of a step is delivered again
with the current number (broker leases, config/celery_lease.py) and runs the step again: steps
are idempotent (kinds.base). A task that never reached the broker (the sender died between its
commit and the send) is sent again by `studies_resume`, which a periodic task runs.
"""

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from annotation.studies.kinds import kind_get
from annotation.studies.kinds.base import ModelSteps, Report, StepResult, StudyKind
from annotation.studies.models import FINISHED_STUDY_STATUSES, Study, StudyStatus
from annotation.studies.services.events import study_event_send
from annotation.studies.services.params import params_parse
from annotation.studies.services.reports import report_json
from loop.models import ACTIVE_RUN_STATUSES, RunStatus, TrainingRun

log = logging.getLogger(__name__)

# The longest wait, in seconds, between two looks at the runs a study waits for.
WAIT_MAX_S = 30.0


def study_params(study: Study) -> tuple[StudyKind, Any]:
    kind = kind_get(study.kind)
    return kind, params_parse(kind.params_class, study.params)


def study_dispatch(study: Study, *, countdown: float = 0.0) -> None:
    """Send the task of the study's current step once the caller's transaction commits.

    Bumps `study.dispatch` and sets when its task is due; the caller saves the study in that
    transaction. Steps the kind names as model steps go to the gpu task (routed to the gpu queue
    in settings), others to default.
    """
    from annotation.studies.tasks import study_model_step_task, study_step_task

    kind, params = study_params(study)
    step = study.steps[study.step_index]
    model = isinstance(kind, ModelSteps) and step in kind.model_steps(params)
    task = study_model_step_task if model else study_step_task
    study.dispatch += 1
    study.dispatch_due_at = timezone.now() + timedelta(seconds=countdown)
    args = (study.pk, study.dispatch)
    transaction.on_commit(lambda: task.apply_async(args, countdown=countdown))


def _mark_failed(study: Study, error: str) -> None:
    """Fail a study the caller holds locked."""
    study.status = StudyStatus.FAILED
    study.error = error[:5000]
    study.finished_at = timezone.now()
    study.waiting = {}
    study.save(update_fields=["status", "error", "finished_at", "waiting"])
    study_event_send(study, "study.completed")


def _fail(study_id: int, error: str) -> None:
    with transaction.atomic():
        study = Study.objects.select_for_update().filter(pk=study_id).first()
        if study is not None and study.status not in FINISHED_STUDY_STATUSES:
            _mark_failed(study, error)


def _waited_runs(study: Study) -> tuple[list[TrainingRun], TrainingRun | None]:
    """The runs the study still waits for, and the first that ended without success."""
    runs = list(TrainingRun.objects.filter(pk__in=study.waiting.get("runs", [])).order_by("pk"))
    failed = next((r for r in runs if r.status in (RunStatus.FAILED, RunStatus.CANCELLED)), None)
    return [r for r in runs if r.status in ACTIVE_RUN_STATUSES], failed


def _claim(study_id: int, dispatch: int) -> str | None:
    """Mark the study running its current step and return the step's name; None when this
    task has nothing to do (the study is gone, finished, moved on, or still waiting)."""
    with transaction.atomic():
        study = Study.objects.select_for_update().filter(pk=study_id).first()
        if study is None or study.status in FINISHED_STUDY_STATUSES or study.dispatch != dispatch:
            return None
        if study.status == StudyStatus.WAITING:
            active, failed = _waited_runs(study)
            if failed is not None:
                reason = failed.error or failed.cancel_reason
                _mark_failed(study, f"Training run #{failed.pk} {failed.status}: {reason}")
                return None
            if active:
                # Looks grow apart while a long run trains, up to WAIT_MAX_S between two.
                checks = study.waiting.get("checks", 0) + 1
                study.waiting = {**study.waiting, "checks": checks}
                study_dispatch(
                    study, countdown=min(study.waiting["poll_s"] * 1.5**checks, WAIT_MAX_S)
                )
                study.save(update_fields=["dispatch", "dispatch_due_at", "waiting"])
                return None
        step: str = study.steps[study.step_index]
        study.status = StudyStatus.RUNNING
        study.claimed_dispatch = dispatch
        study.started_at = study.started_at or timezone.now()
        study.waiting = {}
        study.message = f"Running {step}"
        study.save(update_fields=["status", "claimed_dispatch", "started_at", "waiting", "message"])
        study_event_send(study, "study.progress")
    return step


def _advance(study_id: int, dispatch: int, result: StepResult) -> None:
    """Record a step's result: wait, go on to the next step, or finish with the report."""
    with transaction.atomic():
        study = Study.objects.select_for_update().filter(pk=study_id).first()
        # Cancelled (or otherwise moved on) while the step ran: what it did stays linked.
        if study is None or study.status != StudyStatus.RUNNING or study.dispatch != dispatch:
            return
        step = study.steps[study.step_index]
        study.state = {**study.state, **result.state}
        study.message = result.message or f"Finished {step}"
        if result.waiting is not None:
            study.status = StudyStatus.WAITING
            study.waiting = {
                "runs": list(result.waiting.runs),
                "reason": result.waiting.reason,
                "poll_s": result.waiting.poll_s,
            }
            study_dispatch(study, countdown=result.waiting.poll_s)
            event = "study.progress"
        elif study.step_index + 1 < len(study.steps):
            study.step_index += 1
            study_dispatch(study)
            event = "study.progress"
        else:
            try:
                # A savepoint: a query error inside the report leaves this transaction usable.
                with transaction.atomic():
                    kind, params = study_params(study)
                    report: Report = kind.report(study, params)
            except Exception as exc:
                log.exception("study %s: its report failed", study_id)
                study.save()
                _mark_failed(study, f"Report: {type(exc).__name__}: {exc}")
                return
            study.report = report_json(report)
            study.status = StudyStatus.DONE
            study.finished_at = timezone.now()
            study.message = "Report ready"
            event = "study.completed"
        study.save()
        study_event_send(study, event)


def studies_resume() -> list[int]:
    """Send again the task of every unfinished study whose current dispatch fell due more than
    STUDY_STALL_S ago and was never claimed; returns their ids.

    A claimed step is left alone: its message stays on the broker until the step ends, and a dead
    worker's comes back by itself. An unclaimed one may only be queued behind other work (a long
    training run on the gpu queue); sending it again then costs nothing, since the older message
    carries an older dispatch number and does nothing when it arrives.
    """
    overdue = timezone.now() - timedelta(seconds=settings.STUDY_STALL_S)
    resumed: list[int] = []
    candidates = (
        Study.objects.exclude(status__in=FINISHED_STUDY_STATUSES)
        .filter(dispatch_due_at__lt=overdue)
        .exclude(claimed_dispatch=F("dispatch"))
        .values_list("pk", flat=True)
    )
    for study_id in candidates:
        with transaction.atomic():
            study = (
                Study.objects.select_for_update(skip_locked=True)
                .exclude(status__in=FINISHED_STUDY_STATUSES)
                .filter(pk=study_id, dispatch_due_at__lt=overdue)
                .exclude(claimed_dispatch=F("dispatch"))
                .first()
            )
            if study is None:
                continue
            log.warning("study %s: its step task was never claimed; sending it again", study.pk)
            study_dispatch(study)
            study.save(update_fields=["dispatch", "dispatch_due_at"])
            resumed.append(study.pk)
    return resumed


def study_step_execute(*, study_id: int, dispatch: int) -> None:
    """Run the study's current step (the task's body); see the module docstring."""
    step = _claim(study_id, dispatch)
    if step is None:
        return
    study = Study.objects.get(pk=study_id)
    try:
        kind, params = study_params(study)
        result = kind.step_run(study, params, step)
    except Exception as exc:
        log.exception("study %s failed in step %s", study_id, step)
        _fail(study_id, f"Step {step}: {type(exc).__name__}: {exc}")
        return
    _advance(study_id, dispatch, result)
