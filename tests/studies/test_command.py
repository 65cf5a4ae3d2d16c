"""`study_run`: the kinds in --help, one line naming what to fix, a queued study."""

import io
import json
import subprocess
import sys
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from annotation.studies.management.commands.study_run import Command
from annotation.studies.models import Study
from tests.conftest import ROOT, child_env

pytestmark = pytest.mark.django_db


def test_help_lists_the_kinds() -> None:
    text = Command().create_parser("manage.py", "study_run").format_help()
    for kind in ("label_noise", "weak_to_strong"):
        assert kind in text
    assert "Label-noise sensitivity" in text


def test_bad_json_or_parameters_say_what_to_fix_in_one_line(published_lines: list[Any]) -> None:
    with pytest.raises(CommandError, match=r"^--params is not JSON \(.*\); give an object\.$"):
        call_command("study_run", "label_noise", "--params", "{noise: 1}")
    with pytest.raises(CommandError) as caught:
        call_command(
            "study_run", "label_noise", "--params", json.dumps({"noise_levels": [2], "steps": 1})
        )
    assert str(caught.value) == (
        "Fix the parameters: steps: Not a parameter of this kind; it has versions, "
        "noise_levels, items, test_items, max_chars, seed, max_steps, learning_rate, max_length."
    )
    with pytest.raises(CommandError, match=r"^Fix the parameters: noise_levels: Give one or more"):
        call_command("study_run", "label_noise", "--params", json.dumps({"noise_levels": [2]}))
    assert not Study.objects.exists()


def test_a_bad_call_exits_non_zero_with_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "study_run", "weak_to_strong", "--params", '{"pairs": 1}'],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "CommandError: Fix the parameters: pairs: Give at least 4 pairs."
    ]


def test_a_study_is_queued_with_its_defaults(published_lines: list[Any]) -> None:
    out = io.StringIO()
    call_command("study_run", "label_noise", "--params", '{"noise_levels": [0.5]}', stdout=out)
    study = Study.objects.get()
    assert out.getvalue() == f"Study #{study.pk} (label_noise) queued: 4 steps.\n"
    assert study.params["noise_levels"] == [0.5]
    assert study.params["items"] == 16
    assert study.steps == [
        "import",
        "baseline judge:1",
        "train judge:1 noise 0.5",
        "score judge:1 noise 0.5",
    ]
