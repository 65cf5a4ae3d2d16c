"""A study through real Celery workers: killed with SIGKILL in the middle of a step, it resumes
on a new worker and finishes once; started again with the same parameters by `study_run
--wait`, it builds the same snapshots."""

import io
import json
import time
from typing import Any

import pytest
import redis
from django.conf import settings
from django.core.management import call_command
from django.db.models import F

from annotation.studies.models import Measurement, Study, StudyStatus
from annotation.studies.services.studies import study_create
from config.celery import app
from config.celery_lease import unacked_index_key
from loop.models import RunStatus, TrainingRun
from tests.conftest import wait_for, worker_kill, worker_start, worker_stop

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

# Short enough that a killed worker's task comes back in seconds, not the production minute. One
# torch thread: on a loaded 2-core machine the default threads fight and the tiny model runs
# about ten times slower (tests/studies/conftest.py does the same in-process).
LEASE_ENV = {
    "CELERY_VISIBILITY_TIMEOUT": "4",
    "CELERY_RESTORE_INTERVAL": "1",
    "OMP_NUM_THREADS": "1",
}
# One noise level; enough test questions that scoring them before training takes seconds.
PARAMS = {"noise_levels": [1.0], "items": 2, "test_items": 24, "max_steps": 2}


def _where(study_id: int) -> str:
    """What a failure needs to say: the study's step and dispatch, its runs, and the broker."""
    study = Study.objects.values(
        "status", "step_index", "dispatch", "claimed_dispatch", "dispatch_due_at", "message"
    ).get(pk=study_id)
    runs = list(TrainingRun.objects.filter(studies=study_id).values_list("pk", "status"))
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    prefix = options["global_keyprefix"]
    queued = {queue: broker.llen(prefix + queue) for queue in ("default", "gpu")}
    unacked = broker.zrange(unacked_index_key(options), 0, -1, withscores=True)
    return (
        f"study {study}, runs {runs}, queued {queued}, unacked {unacked}, "
        f"sweep lock ttl {broker.ttl(prefix + 'unacked_mutex')}, now {time.time():.0f}"
    )


def test_a_killed_step_resumes_and_the_same_parameters_give_the_same_snapshots(
    study_lines: list[Any],
) -> None:
    app.control.purge()
    worker, _ = worker_start(**LEASE_ENV)
    try:
        study = study_create(kind="label_noise", params=PARAMS, actor=None)
        baseline = study.steps.index("baseline judge:1")
        # Claimed, not only reached: the step before it commits step_index and sends the
        # baseline's task after that commit, and a kill in between loses the send, which
        # `studies_resume` repairs only after STUDY_STALL_S (tests/studies/test_engine.py).
        wait_for(
            lambda: Study.objects.filter(
                pk=study.pk,
                status=StudyStatus.RUNNING,
                step_index=baseline,
                claimed_dispatch=F("dispatch"),
            ).exists(),
            "the baseline step starting",
            120,
            explain=lambda: _where(study.pk),
        )
        worker_kill(worker)
        study.refresh_from_db()
        assert (study.status, study.step_index) == (StudyStatus.RUNNING, baseline), (
            "the step finished before the kill: make it longer"
        )
        assert not Measurement.objects.filter(study=study).exists()

        worker, _ = worker_start(**LEASE_ENV)
        study = wait_for(
            lambda: Study.objects.filter(pk=study.pk, status__in=["done", "failed"]).first(),
            "the study finishing after the restart",
            480,
            explain=lambda: _where(study.pk),
        )
        assert study.status == StudyStatus.DONE, study.error
        assert [run.status for run in study.runs.all()] == [RunStatus.DONE]
        assert Measurement.objects.filter(study=study).count() == 3

        out = io.StringIO()
        call_command(
            "study_run", "label_noise", "--params", json.dumps(PARAMS), "--wait", stdout=out
        )
        again = Study.objects.exclude(pk=study.pk).get()
        assert again.status == StudyStatus.DONE
        assert again.report is not None
        assert again.report["summary"] in out.getvalue()
        assert sorted(s.content_hash for s in again.snapshots.all()) == sorted(
            s.content_hash for s in study.snapshots.all()
        )
        assert set(again.runs.all()).isdisjoint(study.runs.all())
    finally:
        worker_stop(worker)
