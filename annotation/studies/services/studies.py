"""Starting and cancelling studies."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from annotation.studies.kinds import kind_get
from annotation.studies.models import FINISHED_STUDY_STATUSES, Study, StudyStatus
from annotation.studies.services.events import study_event_send
from annotation.studies.services.params import params_json, params_parse
from annotation.studies.services.steps import study_dispatch
from loop.models import ACTIVE_RUN_STATUSES
from loop.services.runs import training_run_cancel
from registry.services import code_version


@transaction.atomic
def study_create(*, kind: str, params: dict[str, Any], actor: User | None) -> Study:
    """Validate the parameters, fix the steps and queue the first one after the commit.

    The stored parameters have every default filled in, so the study says exactly what ran
    (and running the same kind with them again gives the same snapshots).
    """
    study_kind = kind_get(kind)
    parsed = params_parse(study_kind.params_class, params)
    study = Study.objects.create(
        kind=study_kind.name,
        params=params_json(parsed),
        steps=list(study_kind.steps(parsed)),
        code_version=code_version(),
        created_by=actor,
        message="Queued",
    )
    study_dispatch(study)
    study.save(update_fields=["dispatch", "dispatch_due_at"])
    study_event_send(study, "study.queued")
    return study


@transaction.atomic
def study_cancel(*, study: Study, actor: User) -> Study:
    """Stop a study; its training runs still queued or running are cancelled too, so that they
    stop holding their lines. What it created stays linked to it."""
    locked = Study.objects.select_for_update().get(pk=study.pk)
    if locked.status in FINISHED_STUDY_STATUSES:
        raise ValidationError({"study": f"The study is already {locked.status}."})
    locked.status = StudyStatus.CANCELLED
    locked.finished_at = timezone.now()
    locked.waiting = {}
    locked.message = f"Cancelled by {actor.username}"
    locked.save(update_fields=["status", "finished_at", "waiting", "message"])
    for run in locked.runs.filter(status__in=ACTIVE_RUN_STATUSES):
        training_run_cancel(run=run, actor=actor, reason=f"Study #{locked.pk} was cancelled.")
    study_event_send(locked, "study.completed")
    return locked
