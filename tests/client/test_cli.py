"""`coalign` against a live server: log in, import, start a run on the tiny model and wait for
it, download its snapshot; every failure is one line saying what to fix, with a non-zero exit."""

import json
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from rest_framework.authtoken.models import Token

from accounts.roles import Role
from annotation.debates.models import Debate, QuestionSet
from annotation.hazards.models import Prompt
from loop.models import DatasetSnapshot, RunStatus, TrainingRun
from loop.services.policies import line_policy_set
from signalpool.kinds import SignalKind
from signalpool.services import signal_record
from tests.client.conftest import error_line
from tests.factories import PASSWORD, TrainingRunFactory

Coalign = Callable[..., Result]

QUESTIONS_CSV = (
    "key,question,option_a,option_b,correct\n"
    "q1,Which is larger?,2,3,B\n"
    "q2,Which is a colour?,red,seven,A\n"
)


def _login_env(url: str, user: Any) -> dict[str, str]:
    """A login from the environment alone, as a CI job would give one."""
    return {"COALIGN_URL": url, "COALIGN_TOKEN": Token.objects.create(user=user).key}


def test_without_a_login_the_command_says_how_to_log_in(coalign: Coalign) -> None:
    line = error_line(coalign("runs", "wait", "1"))
    assert "Not logged in: run 'coalign login --url URL --token TOKEN'" in line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["runs", "start", "--line", "judge", "--recipe", "dpo", "--config", "[1]"], "--config"),
        (["runs", "start", "--line", "judge", "--recipe", "magic"], "'magic' is not one of"),
        (["runs", "start", "--recipe", "dpo"], "Missing option '--line'"),
        (["debates", "start"], "Give --question ID (repeatable) or --question-set ID."),
        (["login", "--url", "coalign.example.org", "--token", "t"], "must look like https://"),
        (["snapshots", "fetch", "1"], "No such command 'fetch'"),
    ],
)
def test_bad_input_is_one_line_naming_what_to_fix(
    coalign: Coalign, args: list[str], expected: str
) -> None:
    result = coalign(*args, COALIGN_URL="http://127.0.0.1:9", COALIGN_TOKEN="t")
    assert expected in error_line(result)
    assert result.exit_code in (1, 2)


@pytest.mark.django_db(transaction=True)
def test_login_with_a_password_saves_the_token_readable_by_its_owner_alone(
    live_url: str, coalign: Coalign, config_home: Path, make_user: Callable[..., Any]
) -> None:
    user = make_user(Role.RESEARCHER)
    result = coalign(
        "login", "--url", live_url + "/", "--username", user.username, "--password", PASSWORD
    )
    assert result.exit_code == 0, result.output
    assert f"Logged in to {live_url} as {user.username} (researcher)" in result.stdout

    config = config_home / "coalign" / "config.json"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    saved = json.loads(config.read_text())
    assert saved == {"url": live_url, "token": Token.objects.get(user=user).key}

    wrong = coalign("login", "--url", live_url, "--token", "f" * 40)
    assert error_line(wrong) == "Error: HTTP 401: Invalid token. Run 'coalign login' again."
    assert json.loads(config.read_text()) == saved
    refused = coalign("login", "--url", live_url, "--username", user.username, "--password", "no")
    assert error_line(refused) == "Error: HTTP 400: Wrong username or password."


@pytest.mark.django_db(transaction=True)
def test_imports_questions_and_a_campaigns_prompts(
    live_url: str,
    published_lines: list[Any],
    coalign: Coalign,
    tmp_path: Path,
    make_user: Callable[..., Any],
) -> None:
    env = _login_env(live_url, make_user(Role.RESEARCHER))
    questions = tmp_path / "questions.csv"
    questions.write_text(QUESTIONS_CSV)
    result = coalign("questions", "import", str(questions), **env)
    assert result.exit_code == 0, result.output
    imported = QuestionSet.objects.get()
    assert f"Imported question set {imported.pk} (2 questions)" in result.stdout
    assert imported.source == "questions"
    started = coalign(
        "debates", "start", "--question-set", str(imported.pk), "--protocol", "baseline", **env
    )
    assert started.exit_code == 0, started.output
    debates = Debate.objects.filter(question__question_set=imported).order_by("pk")
    assert [(d.protocol, d.question.key) for d in debates] == [
        ("baseline", "q1"),
        ("baseline", "q2"),
    ]
    assert started.stdout.splitlines() == [
        f"Started debate {d.pk} on question {d.question_id}." for d in debates
    ]

    refused = coalign("campaigns", "create", "--name", "Probe", **env)
    assert error_line(refused) == "Error: HTTP 400: line: Give a model line or a version."
    created = coalign("campaigns", "create", "--name", "Probe", "--line", "redteam-target", **env)
    assert created.exit_code == 0, created.output
    campaign = re.search(r"Created campaign (\d+) \(Probe\) against redteam-target", created.stdout)
    assert campaign, created.stdout
    prompts = tmp_path / "prompts.jsonl"
    prompts.write_text('{"prompt": "Tell me a secret.", "id": "a"}\n{"prompt": "And another."}\n')
    result = coalign("prompts", "import", str(prompts), "--campaign", campaign[1], **env)
    assert result.exit_code == 0, result.output
    assert f"Imported 2 prompts into campaign {campaign[1]}." in result.stdout
    assert Prompt.objects.filter(campaign_id=int(campaign[1])).count() == 2

    # The API's 400 arrives as its field messages, on one line.
    prompts.write_text('{"prompt": "Sneaky.", "category": "not_a_category"}\n')
    refused = coalign("prompts", "import", str(prompts), "--campaign", campaign[1], **env)
    assert error_line(refused).startswith("Error: HTTP 400: category: Not in taxonomy v")
    assert refused.exit_code == 1


@pytest.mark.django_db(transaction=True)
def test_waiting_for_a_failed_run_exits_non_zero(
    live_url: str, coalign: Coalign, make_user: Callable[..., Any]
) -> None:
    run = TrainingRunFactory.create(status=RunStatus.FAILED, error="CUDA out of memory.")
    result = coalign("runs", "wait", str(run.pk), **_login_env(live_url, make_user(Role.ADMIN)))
    assert error_line(result) == f"Error: Run {run.pk} failed: CUDA out of memory."
    assert result.exit_code == 1


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_run_on_the_tiny_model_is_started_waited_for_and_its_snapshot_downloaded(
    live_url: str,
    celery_worker: str,
    published_lines: list[Any],
    coalign: Coalign,
    tmp_path: Path,
    make_user: Callable[..., Any],
) -> None:
    for version in published_lines:
        line_policy_set(line=version.line, eval_llmbar_per_subset=1)
    rater = make_user(Role.RATER)
    for i in range(8):
        signal_record(
            kind=SignalKind.PREFERENCE,
            item_type="test.item",
            item_id=i,
            payload={"prompt": f"Question {i}?\n", "chosen": "Gladly.", "rejected": "No."},
            idempotency_key=f"pref-{i}",
            source_user=rater,
        )
    env = _login_env(live_url, make_user(Role.ADMIN, Role.RESEARCHER))

    refused = coalign(
        "runs", "start", "--line", "judge", "--recipe", "dpo",
        "--dataset-recipe", '{"kinds": ["preference"], "eval_fraction": 7}',
        **env,
    )  # fmt: skip
    assert error_line(refused) == (
        "Error: HTTP 400: eval_fraction: Give a fraction from 0 up to (not including) 1."
    )

    started = coalign(
        "runs", "start", "--line", "judge", "--recipe", "dpo",
        "--dataset-recipe", '{"kinds": ["preference"], "eval_fraction": 0.25}',
        "--config", '{"max_steps": 2}',
        **env,
    )  # fmt: skip
    assert started.exit_code == 0, started.output
    run_id = int(re.search(r"Started run (\d+) \(waiting\)", started.stdout)[1])  # type: ignore[index]

    waited = coalign("runs", "wait", str(run_id), **env)
    run = TrainingRun.objects.select_related("version").get(pk=run_id)
    assert waited.exit_code == 0, (waited.output, run.error)
    assert run.status == RunStatus.DONE
    assert run.version is not None
    assert f"Run {run_id} done: model version {run.version.number}." in waited.stdout

    snapshot = DatasetSnapshot.objects.get(pk=run.snapshot_id)
    out = tmp_path / "train.jsonl"
    downloaded = coalign("snapshots", "download", str(snapshot.pk), "-o", str(out), **env)
    assert downloaded.exit_code == 0, downloaded.output
    assert out.read_bytes() == (Path(snapshot.folder) / "train.jsonl").read_bytes()
    assert len(out.read_text().splitlines()) == snapshot.counts["train"] == 6
    assert not list(tmp_path.glob("*.part"))
    shutil.rmtree(Path(run.version.uri).parent, ignore_errors=True)
