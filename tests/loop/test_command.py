"""`manage.py loop_train`: queues a run; bad input exits non-zero with one line."""

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from loop.models import TrainingRun, Trigger
from tests.conftest import ROOT, child_env

pytestmark = pytest.mark.django_db


def test_the_command_queues_a_run(small_eval, record_preferences) -> None:
    record_preferences(8)
    call_command(
        "loop_train",
        "--line",
        "debater",
        "--recipe",
        "dpo",
        "--dataset-recipe",
        '{"kinds": ["preference"]}',
        "--config",
        '{"max_steps": 2}',
    )
    run = TrainingRun.objects.get()
    assert (run.trigger, run.config, run.base_version) == (
        Trigger.COMMAND,
        {"max_steps": 2},
        small_eval[0],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--line", "debater", "--recipe", "dpo", "--config", "{"], "must be JSON"),
        (["--line", "debater", "--recipe", "dpo"], "snapshot: Give a snapshot or a dataset recipe"),
        (["--line", "debater", "--recipe", "dpo", "--base", "7"], "has no version 7"),
    ],
)
def test_bad_input_is_refused(small_eval, args, message) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("loop_train", *args)
    assert not TrainingRun.objects.exists()


def test_the_process_exits_non_zero_with_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "loop_train", "--line", "nobody", "--recipe", "dpo"],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "No model line 'nobody'" in lines[0]
