"""Snapshots are built by a task, never in a request or a run's transaction: the request stores
the snapshot `building` and answers 202, the task builds it once (also when delivered again
after a killed worker), and a run started with a recipe waits for it before it trains."""

from pathlib import Path
from typing import Any

import pytest

from accounts.roles import Role
from loop import tasks
from loop.models import DatasetSnapshot, RunStatus, SnapshotStatus, TrainingRun
from loop.services import snapshots
from loop.services.runs import training_run_execute, training_run_start
from loop.services.snapshots import snapshot_build, snapshot_rebuild, snapshot_request
from registry.models import ModelLine

pytestmark = pytest.mark.django_db

RECIPE = {"kinds": ["preference"], "eval_fraction": 0.25}
FAST = {"max_steps": 2, "save_steps": 2}


class Killed(BaseException):
    """A worker killed mid-task: nothing of the task's own error handling runs."""


@pytest.fixture
def queued(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """The ids each task was sent, in place of the broker."""
    sent: dict[str, list[int]] = {"snapshot": [], "run": []}
    monkeypatch.setattr(tasks.snapshot_build_task, "delay", sent["snapshot"].append)
    monkeypatch.setattr(tasks.training_run_task, "delay", sent["run"].append)
    return sent


def test_the_request_answers_202_and_the_task_builds_it(
    client_as, record_preferences, queued, django_capture_on_commit_callbacks, settings
) -> None:
    record_preferences(12)
    admin = client_as(Role.ADMIN)
    body = {"recipe": {"kinds": ["preference"], "until": "2100-01-01T00:00:00Z"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post("/api/loop/snapshots/", body, format="json")
    assert response.status_code == 202, response.content
    requested = response.json()
    assert (requested["status"], requested["content_hash"], requested["counts"]) == (
        "building",
        "",
        {},
    )
    # Queued after the commit, and nothing was built in the request.
    assert queued["snapshot"] == [requested["id"]]
    assert not (Path(settings.DATASETS_DIR) / "snapshots").exists()

    tasks.snapshot_build_task(requested["id"])
    built = admin.get(f"/api/loop/snapshots/{requested['id']}/").json()
    assert built["status"] == "ready"
    assert built["counts"]["train"] + built["counts"]["eval"] == 12
    assert built["build_s"] is not None
    snapshot = DatasetSnapshot.objects.get()
    assert (Path(snapshot.folder) / "train.jsonl").is_file()
    assert snapshot_rebuild(snapshot=snapshot).content_hash == built["content_hash"]
    # The same recipe again is the stored snapshot, and no second build is queued.
    with django_capture_on_commit_callbacks(execute=True):
        again = admin.post("/api/loop/snapshots/", body, format="json")
    assert (again.status_code, again.json()["id"]) == (200, requested["id"])
    assert queued["snapshot"] == [requested["id"]]


def test_a_repeated_request_while_building_makes_no_second_snapshot(
    client_as, record_preferences, queued, django_capture_on_commit_callbacks
) -> None:
    record_preferences(4)
    admin = client_as(Role.ADMIN)
    body = {"recipe": {"kinds": ["preference"], "until": "2100-01-01T00:00:00Z"}}
    with django_capture_on_commit_callbacks(execute=True):
        first = admin.post("/api/loop/snapshots/", body, format="json")
        second = admin.post("/api/loop/snapshots/", body, format="json")
    assert (first.status_code, second.status_code) == (202, 202)
    assert first.json()["id"] == second.json()["id"]
    assert DatasetSnapshot.objects.count() == 1
    assert queued["snapshot"] == [first.json()["id"]]


def test_a_build_killed_midway_and_delivered_again_finishes_one_snapshot(
    record_preferences, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_preferences(12)
    snapshot, _ = snapshot_request(recipe=RECIPE)
    finish = snapshots._snapshot_finish

    def killed(*args: Any, **kwargs: Any) -> None:
        raise Killed

    # Killed after writing the files, before filling the row in.
    monkeypatch.setattr(snapshots, "_snapshot_finish", killed)
    with pytest.raises(Killed):
        tasks.snapshot_build_task(snapshot.pk)
    snapshot.refresh_from_db()
    assert snapshot.status == SnapshotStatus.BUILDING

    monkeypatch.setattr(snapshots, "_snapshot_finish", finish)
    tasks.snapshot_build_task(snapshot.pk)
    tasks.snapshot_build_task(snapshot.pk)
    [built] = DatasetSnapshot.objects.all()
    assert (built.pk, built.status) == (snapshot.pk, SnapshotStatus.READY)
    assert built.counts["train"] + built.counts["eval"] == 12
    assert snapshot_rebuild(snapshot=built).content_hash == built.content_hash
    assert (Path(built.folder) / "train.jsonl").is_file()


def test_a_run_started_with_a_recipe_waits_for_its_snapshot(
    small_eval, record_preferences, queued, django_capture_on_commit_callbacks
) -> None:
    record_preferences(8)
    line = ModelLine.objects.get(slug="debater")
    with django_capture_on_commit_callbacks(execute=True):
        run = training_run_start(line=line, recipe="dpo", config=FAST, dataset_recipe=RECIPE)
    # Returned without building: the snapshot is queued, the run is not.
    assert run.status == RunStatus.WAITING
    assert run.snapshot.status == SnapshotStatus.BUILDING
    assert (queued["snapshot"], queued["run"]) == ([run.snapshot_id], [])
    # A run delivered early is left waiting.
    training_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert (run.status, run.attempts) == (RunStatus.WAITING, 0)

    # The build releases the run once, however often it is delivered.
    with django_capture_on_commit_callbacks(execute=True):
        tasks.snapshot_build_task(run.snapshot_id)
        tasks.snapshot_build_task(run.snapshot_id)
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED
    assert run.snapshot.status == SnapshotStatus.READY
    assert "snapshot_s" in run.timings
    assert queued["run"] == [run.pk]


def test_a_run_on_a_built_snapshot_is_queued_at_once(
    small_eval, record_preferences, queued, django_capture_on_commit_callbacks
) -> None:
    record_preferences(8)
    snapshot, _ = snapshot_request(recipe=RECIPE)
    snapshot_build(snapshot_id=snapshot.pk)
    with django_capture_on_commit_callbacks(execute=True):
        run = training_run_start(
            line=ModelLine.objects.get(slug="debater"), recipe="dpo", config=FAST, snapshot=snapshot
        )
    assert run.status == RunStatus.QUEUED
    assert queued["run"] == [run.pk]


def test_a_failed_build_fails_its_waiting_run_and_a_new_request_retries_it(
    small_eval, record_preferences, monkeypatch: pytest.MonkeyPatch, client_as
) -> None:
    record_preferences(8)
    line = ModelLine.objects.get(slug="debater")
    run = training_run_start(line=line, recipe="dpo", config=FAST, dataset_recipe=RECIPE)

    def broken(recipe: Any) -> list[Any]:
        raise RuntimeError("the pool is unreadable")

    monkeypatch.setattr(snapshots, "_candidates", broken)
    tasks.snapshot_build_task(run.snapshot_id)
    run.refresh_from_db()
    assert run.snapshot.status == SnapshotStatus.FAILED
    assert "the pool is unreadable" in run.snapshot.error
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("The snapshot could not be built: RuntimeError")
    # The run page shows why.
    shown = client_as(Role.ADMIN).get(f"/api/loop/runs/{run.pk}/").json()
    assert (shown["status"], shown["error"]) == ("failed", run.error)

    monkeypatch.undo()
    again, created = snapshot_request(recipe=run.snapshot.recipe)
    assert (again.pk, created, again.status) == (run.snapshot_id, False, SnapshotStatus.BUILDING)
    snapshot_build(snapshot_id=again.pk)
    again.refresh_from_db()
    assert again.status == SnapshotStatus.READY


def test_a_snapshot_without_training_rows_fails_the_run_waiting_for_it(small_eval) -> None:
    run = training_run_start(
        line=ModelLine.objects.get(slug="debater"), recipe="dpo", config=FAST, dataset_recipe=RECIPE
    )
    tasks.snapshot_build_task(run.snapshot_id)
    run = TrainingRun.objects.get(pk=run.pk)
    assert (run.status, run.error) == (RunStatus.FAILED, "The snapshot has no training rows.")
