"""A study through real Celery workers: killed with SIGKILL in the middle of a step, it resumes
on a new worker and finishes once; started again with the same parameters by `study_run
--wait`, it builds the same snapshots."""

import io
import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from typing import Any

import psutil
import pytest
from django.core.management import call_command

from annotation.studies.models import Measurement, Study, StudyStatus
from annotation.studies.services.studies import study_create
from config.celery import app
from loop.models import RunStatus
from tests.conftest import worker_start, worker_stop

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


def _kill_with_pool(proc: subprocess.Popen[bytes]) -> None:
    pool = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    for child in pool:
        child.kill()
    proc.wait()


def _wait(check: Callable[[], Any], what: str, timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.05)
    pytest.fail(f"{what} did not happen within {timeout} s")


def test_a_killed_step_resumes_and_the_same_parameters_give_the_same_snapshots(
    study_lines: list[Any],
) -> None:
    app.control.purge()
    worker, _ = worker_start(**LEASE_ENV)
    try:
        study = study_create(kind="label_noise", params=PARAMS, actor=None)
        baseline = study.steps.index("baseline judge:1")
        _wait(
            lambda: Study.objects.filter(
                pk=study.pk, status=StudyStatus.RUNNING, step_index=baseline
            ).exists(),
            "the baseline step starting",
            120,
        )
        _kill_with_pool(worker)
        study.refresh_from_db()
        assert (study.status, study.step_index) == (StudyStatus.RUNNING, baseline), (
            "the step finished before the kill: make it longer"
        )
        assert not Measurement.objects.filter(study=study).exists()

        worker, _ = worker_start(**LEASE_ENV)
        study = _wait(
            lambda: Study.objects.filter(pk=study.pk, status__in=["done", "failed"]).first(),
            "the study finishing after the restart",
            480,
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
