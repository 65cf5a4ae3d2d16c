"""A training run over several processes (one per GPU on a GPU node) goes through `accelerate
launch`: here two CPU processes train data parallel over gloo, progress reaches the run, and
the run records the processes it used."""

import signal
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from loop.models import RunStatus
from loop.services.runs import training_run_execute, training_run_start
from registry.models import ModelLine
from tests.loop.builds import run_snapshot_build

pytestmark = pytest.mark.django_db

FAST = {"max_steps": 4, "learning_rate": 0.003, "save_steps": 2}
RECIPE = {"kinds": ["preference"], "eval_fraction": 0.25}


def test_a_run_over_two_processes_trains_registers_and_records_them(
    small_eval: Any, record_preferences: Any, settings: Any
) -> None:
    settings.TRAIN_PROCESSES = 2
    record_preferences(16)
    line = ModelLine.objects.get(slug="debater")
    run = training_run_start(line=line, recipe="dpo", config=FAST, dataset_recipe=RECIPE)
    run_snapshot_build(run)

    training_run_execute(run_id=run.pk)

    run.refresh_from_db()
    assert run.status == RunStatus.DONE, run.error
    assert run.devices == 2
    assert [h[0] for h in run.history] == [1, 2, 3, 4]
    assert run.version is not None
    assert run.version.metrics["training"]["processes"] == 2
    assert (Path(run.version.uri) / "config.json").is_file()


def test_a_redelivered_run_stops_the_dead_attempts_processes_and_reports_a_failed_launch(
    small_eval: Any, record_preferences: Any, settings: Any, tmp_path: Path
) -> None:
    settings.TRAIN_PROCESSES = 2
    settings.TRAIN_ACCELERATE_CONFIG = str(tmp_path / "missing.yaml")
    record_preferences(8)
    line = ModelLine.objects.get(slug="debater")
    run = training_run_start(line=line, recipe="dpo", config=FAST, dataset_recipe=RECIPE)
    run_snapshot_build(run)
    # What a killed worker leaves behind: its launch's process group, still running.
    folder = Path(settings.MODELS_DIR) / "runs" / run.folder_name
    folder.mkdir(parents=True)
    leftover = subprocess.Popen(["sleep", "300"], start_new_session=True)
    (folder / "launch.pid").write_text(str(leftover.pid))
    # Its parent is gone: init would reap it once killed; a thread plays init here.
    reaper = threading.Thread(target=leftover.wait)
    reaper.start()

    training_run_execute(run_id=run.pk)

    reaper.join(timeout=10)
    assert leftover.returncode == -signal.SIGKILL
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error.startswith("RuntimeError: accelerate launch over 2 processes exited with code")
    assert "missing.yaml" in run.error
    assert run.version is None
