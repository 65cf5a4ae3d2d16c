"""A real Celery worker trains, streams progress, evaluates and publishes; a killed one resumes."""

import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from asgiref.sync import sync_to_async
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.models import Debater, Question, QuestionSet
from llm.models import Generation
from loop.models import RunStatus, TrainingRun
from registry.models import ModelVersion, VersionStatus
from registry.selectors import published_version
from tests.realtime_client import connect_as, subscribe

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def _wait_for(run_id: int, predicate, timeout: float = 240) -> TrainingRun:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run = TrainingRun.objects.get(pk=run_id)
        if predicate(run):
            return run
        if run.status == RunStatus.FAILED:
            pytest.fail(f"run failed: {run.error}")
        time.sleep(0.1)
    pytest.fail(f"run {run_id} did not get there in {timeout} s (status {run.status})")


async def test_signals_to_a_published_version_used_by_the_next_generation(
    celery_worker, small_eval, record_preferences, make_user
) -> None:
    await sync_to_async(record_preferences)(24)
    admin = await sync_to_async(make_user)(Role.ADMIN, Role.RESEARCHER)
    client = APIClient()
    client.force_authenticate(admin)
    communicator = await connect_as(admin)

    response = await sync_to_async(client.post)(
        "/api/loop/runs/",
        {
            "line": "debater",
            "recipe": "dpo",
            "dataset_recipe": {"kinds": ["preference"], "eval_fraction": 0.25},
            "config": {"max_steps": 20, "learning_rate": 0.003, "save_steps": 10},
            "auto_publish": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    run_id = response.json()["id"]
    assert (await subscribe(communicator, f"run:{run_id}"))["type"] == "subscribed"

    events: list[dict] = []
    while not events or events[-1]["type"] != "run.completed":
        events.append(await communicator.receive_json_from(timeout=240))
    await communicator.disconnect()

    steps = [e["payload"]["step"] for e in events if e["type"] == "run.progress"]
    assert steps
    assert steps == sorted(steps)
    assert steps[-1] == 20
    assert all(e["payload"]["total_steps"] == 20 for e in events if e["type"] == "run.progress")
    assert "run.evaluating" in [e["type"] for e in events]
    run = await TrainingRun.objects.select_related("version").aget(pk=run_id)
    assert events[-1]["payload"] == {"id": run_id, "status": "done", "version": run.version_id}
    assert run.status == RunStatus.DONE, run.error
    history = [loss for _, loss in run.history]
    assert sum(history[-3:]) < sum(history[:3])

    version = run.version
    assert version is not None
    assert version.status == VersionStatus.PUBLISHED, version.metrics
    assert version.metrics["preference_accuracy"] >= 0.5
    assert await sync_to_async(published_version)(line="debater") == version

    # The next generation on the line (as a debate turn is generated) uses the new version.
    created = await sync_to_async(client.post)(
        "/api/llm/generations/",
        {"line": "debater", "prompt": "Argue for answer A.", "max_new_tokens": 8},
        format="json",
    )
    assert created.status_code == 201, created.content
    generation = await Generation.objects.aget(pk=created.json()["id"])
    assert generation.model_version_id == version.pk
    # A new debate seats the new version as its debater.
    question = await _question()
    debate = await sync_to_async(client.post)(
        "/api/debates/",
        {"question": question.pk, "protocol": "consultancy", "debaters": [{"line": "debater"}]},
        format="json",
    )
    assert debate.status_code == 201, debate.content
    seated = await Debater.objects.filter(debate_id=debate.json()["id"]).aget()
    assert seated.model_version_id == version.pk
    await sync_to_async(shutil.rmtree)(Path(version.uri).parent, ignore_errors=True)


def test_a_worker_killed_mid_run_resumes_from_its_checkpoint(
    celery_worker, small_eval, record_preferences, client_as
) -> None:
    record_preferences(24)
    client = client_as(Role.ADMIN)
    response = client.post(
        "/api/loop/runs/",
        {
            "line": "judge",
            "recipe": "dpo",
            "dataset_recipe": {"kinds": ["preference"]},
            "config": {"max_steps": 50, "save_steps": 5},
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    run_id = response.json()["id"]

    def past_a_checkpoint(run: TrainingRun) -> bool:
        return run.step >= 8 and run.worker_pid is not None

    run = _wait_for(run_id, past_a_checkpoint, timeout=120)
    assert run.worker_pid is not None
    os.kill(run.worker_pid, signal.SIGKILL)

    run = _wait_for(run_id, lambda r: r.status == RunStatus.DONE)
    assert run.attempts == 2
    assert run.resumed_from_step >= 5
    steps = [step for step, _ in run.history]
    assert steps == list(range(1, 51))
    # One version, registered once, from a complete model.
    [version] = ModelVersion.objects.filter(training_run_ref=f"loop.run:{run_id}")
    assert version == run.version
    assert (Path(version.uri) / "model.safetensors").is_file()
    assert version.status == VersionStatus.DRAFT
    shutil.rmtree(Path(version.uri).parent, ignore_errors=True)


async def _question() -> Question:
    questions = await QuestionSet.objects.acreate(name="loop", source="test", content_hash="loop")
    return await Question.objects.acreate(
        question_set=questions,
        key="q1",
        text="Which answer is right?",
        options=["A", "B"],
        correct_index=0,
        source="test",
    )
