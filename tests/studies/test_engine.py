"""The study engine with a stand-in kind: parameters, steps, waiting on runs, failure, cancel."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.roles import Role
from annotation.studies import kinds, tasks
from annotation.studies.kinds.base import Report, ReportTable, StepResult, Waiting
from annotation.studies.models import Study, StudyStatus
from annotation.studies.services.params import params_describe, params_parse
from annotation.studies.services.steps import studies_resume, study_step_execute
from annotation.studies.services.studies import study_cancel, study_create
from loop.models import DatasetSnapshot, RunStatus, TrainingRun
from registry.services import code_version

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class EchoParams:
    rounds: int = field(default=2, metadata={"help": "How many steps."})
    levels: tuple[float, ...] = field(default=(0.5,), metadata={"help": "Some numbers."})
    mode: Literal["plain", "loud"] = "plain"
    note: str | None = None

    def __post_init__(self) -> None:
        if self.rounds < 1:
            raise ValidationError({"rounds": "Give at least one round."})


class Echo:
    """Each step records itself; a step named in `waits` waits for the run in `state["run"]`;
    `fail` names a step that raises."""

    name = "echo"
    title = "Echo"
    description = "Steps that record themselves."
    params_class = EchoParams

    def __init__(self) -> None:
        self.waits: set[str] = set()
        self.fail = ""
        self.calls: list[str] = []

    def steps(self, params: EchoParams) -> list[str]:
        return [f"step {i}" for i in range(params.rounds)]

    def model_steps(self, params: EchoParams) -> set[str]:
        return {"step 1"}

    def step_run(self, study: Study, params: EchoParams, step: str) -> StepResult:
        self.calls.append(step)
        if step == self.fail:
            raise RuntimeError("the data is not there")
        if step in self.waits and "run" in study.state:
            run = TrainingRun.objects.get(pk=study.state["run"])
            if run.status != RunStatus.DONE:
                return StepResult(waiting=Waiting(runs=(run.pk,), reason="training"))
        return StepResult(state={step: params.mode}, message=f"did {step}")

    def report(self, study: Study, params: EchoParams) -> Report:
        return Report(
            summary=f"{len(study.state)} steps",
            tables=[ReportTable(title="Steps", columns=["step"], rows=[[s] for s in study.steps])],
        )


@pytest.fixture
def echo(monkeypatch: pytest.MonkeyPatch) -> Echo:
    kind = Echo()
    monkeypatch.setattr(kinds, "kinds_all", lambda: {"echo": kind})
    return kind


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[int, int], float]]:
    """The step tasks sent (after commit), as (task name, args, countdown)."""
    calls: list[tuple[str, tuple[int, int], float]] = []
    for task in (tasks.study_step_task, tasks.study_model_step_task):

        def record(args: tuple[int, int], countdown: float = 0.0, name: str = task.name) -> None:
            calls.append((name.rsplit(".", 1)[1], args, countdown))

        monkeypatch.setattr(task, "apply_async", record)
    return calls


def run_once(study: Study) -> Study:
    study.refresh_from_db()
    study_step_execute(study_id=study.pk, dispatch=study.dispatch)
    study.refresh_from_db()
    return study


def test_parameters_are_checked_by_field(echo: Echo) -> None:
    cases: list[tuple[dict[str, Any], dict[str, list[str]]]] = [
        (
            {"colour": "red"},
            {"colour": ["Not a parameter of this kind; it has rounds, levels, mode, note."]},
        ),
        ({"rounds": "two"}, {"rounds": ["Give a whole number."]}),
        ({"rounds": True}, {"rounds": ["Give a whole number."]}),
        ({"levels": [0.5, "high"]}, {"levels": ["Item 2: Give a number."]}),
        ({"levels": 0.5}, {"levels": ["Give a list."]}),
        ({"mode": "quiet"}, {"mode": ["Choose one of plain, loud."]}),
        ({"rounds": 0}, {"rounds": ["Give at least one round."]}),
    ]
    for data, errors in cases:
        with pytest.raises(ValidationError) as caught:
            params_parse(EchoParams, data)
        assert caught.value.message_dict == errors, data
    parsed = params_parse(EchoParams, {"levels": [1, 0.25], "note": None})
    assert parsed == EchoParams(levels=(1.0, 0.25))


def test_parameters_are_described_for_forms() -> None:
    described = {p["name"]: p for p in params_describe(EchoParams)}
    assert described["levels"] == {
        "name": "levels",
        "type": "list",
        "items": "number",
        "choices": None,
        "nullable": False,
        "required": False,
        "default": [0.5],
        "help": "Some numbers.",
    }
    assert described["mode"]["choices"] == ["plain", "loud"]
    assert described["note"]["nullable"]
    assert described["note"]["type"] == "string"


def test_a_study_steps_through_and_stores_its_report(
    echo: Echo, sent: list[Any], make_user: Callable[..., Any], django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        study = study_create(kind="echo", params={"rounds": 3}, actor=make_user(Role.RESEARCHER))
    assert study.params == {"rounds": 3, "levels": [0.5], "mode": "plain", "note": None}
    assert study.steps == ["step 0", "step 1", "step 2"]
    assert study.code_version == code_version()
    assert sent == [("study_step_task", (study.pk, 1), 0.0)]

    with django_capture_on_commit_callbacks(execute=True):
        study = run_once(study)
    assert (study.step_index, study.status, study.message) == (1, StudyStatus.RUNNING, "did step 0")
    # The kind's model step goes to the task that settings route to the gpu queue.
    assert sent[-1] == ("study_model_step_task", (study.pk, 2), 0.0)

    # A stale delivery (an older dispatch number) does nothing.
    study_step_execute(study_id=study.pk, dispatch=1)
    assert echo.calls == ["step 0"]

    run_once(study)
    study = run_once(study)
    assert study.status == StudyStatus.DONE
    assert study.finished_at is not None
    assert study.state == {"step 0": "plain", "step 1": "plain", "step 2": "plain"}
    assert study.report is not None
    assert study.report["summary"] == "3 steps"
    assert study.report["tables"][0]["rows"] == [["step 0"], ["step 1"], ["step 2"]]
    # A finished study ignores any late delivery.
    study_step_execute(study_id=study.pk, dispatch=study.dispatch)
    assert echo.calls == ["step 0", "step 1", "step 2"]


def _run(versions: list[Any], status: str) -> TrainingRun:
    snapshot = DatasetSnapshot.objects.create(recipe_hash="h", recipe={}, format="sft")
    return TrainingRun.objects.create(
        line=versions[0].line,
        recipe="sft",
        base_version=versions[0],
        snapshot=snapshot,
        status=status,
        error="CUDA out of memory" if status == RunStatus.FAILED else "",
    )


def test_a_waiting_step_runs_again_once_its_runs_are_done(
    echo: Echo, sent: list[Any], published_lines: list[Any], django_capture_on_commit_callbacks
) -> None:
    echo.waits = {"step 0"}
    run = _run(published_lines, RunStatus.RUNNING)
    study = study_create(kind="echo", params={}, actor=None)
    Study.objects.filter(pk=study.pk).update(state={"run": run.pk})

    with django_capture_on_commit_callbacks(execute=True):
        study = run_once(study)
    assert study.status == StudyStatus.WAITING
    assert study.waiting == {"runs": [run.pk], "reason": "training", "poll_s": 2.0}
    assert sent[-1] == ("study_step_task", (study.pk, study.dispatch), 2.0)

    # Still running: the task looks and sends itself again, later each time, without running
    # the step.
    for countdown in (3.0, 4.5):
        with django_capture_on_commit_callbacks(execute=True):
            study = run_once(study)
        assert study.status == StudyStatus.WAITING
        assert echo.calls == ["step 0"]
        assert sent[-1] == ("study_step_task", (study.pk, study.dispatch), countdown)

    TrainingRun.objects.filter(pk=run.pk).update(status=RunStatus.DONE)
    study = run_once(study)
    assert echo.calls == ["step 0", "step 0"]
    assert (study.status, study.step_index, study.waiting) == (StudyStatus.RUNNING, 1, {})


def test_a_cancelled_study_takes_no_new_run(
    echo: Echo, published_lines: list[Any], make_user: Callable[..., Any]
) -> None:
    from annotation.studies.services.work import StudyStepError, trained_version

    researcher = make_user(Role.RESEARCHER)
    study = study_create(kind="echo", params={}, actor=researcher)
    snapshot = DatasetSnapshot.objects.create(
        recipe_hash="ready", recipe={}, format="sft", status="ready", counts={"train": 1}
    )
    study_cancel(study=study, actor=researcher)
    with pytest.raises(StudyStepError, match="The study is cancelled"):
        trained_version(
            study, key="k", recipe="sft", base=published_lines[0], snapshot=snapshot, config={}
        )
    assert not TrainingRun.objects.exists()


def test_a_failed_run_fails_the_study_with_its_error(
    echo: Echo, published_lines: list[Any]
) -> None:
    echo.waits = {"step 0"}
    run = _run(published_lines, RunStatus.RUNNING)
    study = study_create(kind="echo", params={}, actor=None)
    Study.objects.filter(pk=study.pk).update(state={"run": run.pk})
    study = run_once(study)
    TrainingRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FAILED, error="CUDA out of memory"
    )

    study = run_once(study)
    assert study.status == StudyStatus.FAILED
    assert study.error == f"Training run #{run.pk} failed: CUDA out of memory"


def test_a_step_that_raises_fails_the_study(echo: Echo) -> None:
    echo.fail = "step 0"
    study = run_once(study_create(kind="echo", params={}, actor=None))
    assert study.status == StudyStatus.FAILED
    assert study.error == "Step step 0: RuntimeError: the data is not there"


def test_cancelling_stops_the_study_and_its_active_runs(
    echo: Echo, published_lines: list[Any], make_user: Callable[..., Any]
) -> None:
    researcher = make_user(Role.RESEARCHER)
    study = study_create(kind="echo", params={}, actor=researcher)
    run = _run(published_lines, RunStatus.QUEUED)
    study.runs.add(run)

    study = study_cancel(study=study, actor=researcher)
    assert study.status == StudyStatus.CANCELLED
    run.refresh_from_db()
    assert run.status == RunStatus.CANCELLED
    assert run.cancel_reason == f"Study #{study.pk} was cancelled."
    # Its queued step finds it cancelled and does nothing.
    run_once(study)
    assert echo.calls == []
    with pytest.raises(ValidationError):
        study_cancel(study=study, actor=researcher)


def test_a_step_task_lost_before_the_broker_is_sent_again_once_overdue(
    echo: Echo,
    sent: list[Any],
    settings: Any,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    """The process that commits a dispatch can die before it sends the task: nothing on the
    broker carries the study on. The periodic sweep sends the current step again once it is
    overdue and unclaimed; the lost number, should it ever arrive, does nothing."""
    settings.STUDY_STALL_S = 60
    lost = study_create(kind="echo", params={"rounds": 2}, actor=None)  # its send never ran
    claimed = study_create(kind="echo", params={"rounds": 2}, actor=None)
    recent = study_create(kind="echo", params={"rounds": 2}, actor=None)
    finished = study_create(kind="echo", params={"rounds": 2}, actor=None)
    long_ago = timezone.now() - timedelta(seconds=61)
    Study.objects.exclude(pk=recent.pk).update(dispatch_due_at=long_ago)
    Study.objects.filter(pk=claimed.pk).update(
        status=StudyStatus.RUNNING, claimed_dispatch=claimed.dispatch
    )
    Study.objects.filter(pk=finished.pk).update(status=StudyStatus.DONE)

    with django_capture_on_commit_callbacks(execute=True):
        assert studies_resume() == [lost.pk]
    lost_dispatch = lost.dispatch
    lost.refresh_from_db()
    assert lost.dispatch == lost_dispatch + 1
    assert lost.dispatch_due_at is not None
    assert lost.dispatch_due_at > long_ago
    assert sent == [("study_step_task", (lost.pk, lost.dispatch), 0.0)]
    assert studies_resume() == []  # due again only after another STUDY_STALL_S

    study_step_execute(study_id=lost.pk, dispatch=lost_dispatch)
    assert echo.calls == []
    resent = lost.dispatch
    study = run_once(lost)
    assert (echo.calls, study.step_index, study.claimed_dispatch) == (["step 0"], 1, resent)


def test_the_sweep_for_lost_study_tasks_runs_each_minute() -> None:
    from config.celery import app

    entry = app.conf.beat_schedule["study-resume"]
    assert (entry["task"], entry["schedule"]) == (tasks.studies_resume_task.name, 60.0)
