"""Work taken by a worker killed with SIGKILL (pool and all) is delivered again once its lease
lapses, and finishes once after a restart; a live worker keeps its long task to itself."""

import time
from pathlib import Path

import pytest
import redis
from django.conf import settings

from annotation.hazards import importers
from annotation.hazards.models import Response, ResponseStatus
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from config.celery import app
from config.celery_lease import unacked_index_key
from loop.models import RunStatus, TrainingRun
from registry.models import ModelVersion
from signalpool.models import Signal
from tests.conftest import wait_for, worker_kill, worker_start, worker_stop

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

# Short enough that the test waits seconds, not the production minute.
LEASE_ENV = {"CELERY_VISIBILITY_TIMEOUT": "4", "CELERY_RESTORE_INTERVAL": "1"}


@pytest.fixture
def broker() -> redis.Redis:
    app.control.purge()
    return redis.Redis.from_url(settings.CELERY_BROKER_URL)


def _queued(broker: redis.Redis, queue: str) -> int:
    prefix = settings.CELERY_BROKER_TRANSPORT_OPTIONS["global_keyprefix"]
    return int(broker.llen(prefix + queue))


def test_a_generation_taken_by_a_killed_worker_finishes_once_after_a_restart(
    broker, published_lines
) -> None:
    worker, _ = worker_start(**LEASE_ENV)
    try:
        campaign = campaign_create(
            name="killed", user=None, line="redteam-target", max_new_tokens=1024
        )
        prompts_add(
            campaign=campaign,
            rows=[importers.PromptRow(external_id="1", text="attack")],
            source="file",
        )
        response = Response.objects.get(prompt__campaign=campaign)
        wait_for(
            lambda: Response.objects.filter(pk=response.pk, status=ResponseStatus.RUNNING).exists(),
            "the generation starting",
            60,
        )
        worker_kill(worker)
        response.refresh_from_db()
        assert response.status == ResponseStatus.RUNNING, "finished before the kill: too short"
        # The message is held by nobody now, and no sweep has run: it is still unacknowledged.
        assert broker.zcard(unacked_index_key(settings.CELERY_BROKER_TRANSPORT_OPTIONS)) == 1

        worker, _ = worker_start(**LEASE_ENV)
        wait_for(
            lambda: Response.objects.filter(pk=response.pk, status=ResponseStatus.DONE).exists(),
            "the generation finishing after the restart",
            120,
        )
        assert (
            Signal.objects.filter(item_type="hazards.response", item_id=str(response.pk)).count()
            == 1
        )
        # Acknowledged once it returns (acks_late), a moment after its row says done.
        wait_for(
            lambda: broker.zcard(unacked_index_key(settings.CELERY_BROKER_TRANSPORT_OPTIONS)) == 0,
            "the redelivered task being acknowledged",
            30,
        )
    finally:
        worker_stop(worker)


def test_a_training_run_keeps_its_lease_and_after_a_kill_finishes_once(
    broker, small_eval, record_preferences, client_as
) -> None:
    from accounts.roles import Role

    record_preferences(24)
    worker, _ = worker_start(**LEASE_ENV)
    try:
        response = client_as(Role.ADMIN).post(
            "/api/loop/runs/",
            {
                "line": "judge",
                "recipe": "dpo",
                "dataset_recipe": {"kinds": ["preference"]},
                # Long enough to outlast the 6 s below on a fast, idle machine (150 steps did not).
                "config": {"max_steps": 600, "save_steps": 5},
            },
            format="json",
        )
        assert response.status_code == 201, response.content
        run_id = response.json()["id"]
        run = wait_for(
            lambda: TrainingRun.objects.filter(pk=run_id, step__gte=8).first(),
            "training past a checkpoint",
            180,
        )
        # Held longer than the visibility timeout: the live worker's renewals kept the message
        # from going back to the queue (where it would wait for a second delivery).
        time.sleep(max(0.0, run.started_at.timestamp() + 6 - time.time()))
        assert _queued(broker, "gpu") == 0
        assert broker.zcard(unacked_index_key(settings.CELERY_BROKER_TRANSPORT_OPTIONS)) == 1

        worker_kill(worker)
        assert TrainingRun.objects.get(pk=run_id).status == RunStatus.RUNNING
        worker, _ = worker_start(**LEASE_ENV)
        run = wait_for(
            lambda: TrainingRun.objects.filter(pk=run_id, status=RunStatus.DONE).first(),
            "the run finishing after the restart",
            240,
        )
        assert run.attempts == 2
        assert [step for step, _ in run.history] == list(range(1, 601))
        [version] = ModelVersion.objects.filter(training_run_ref=f"loop.run:{run_id}")
        assert version == run.version
        assert Path(version.uri).is_dir()
    finally:
        worker_stop(worker)
