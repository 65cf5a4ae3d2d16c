"""The oversight study (ACCO Tables 1-2, extrapolation over versions) at its smallest size with
the tiny model, run in this process through the engine and the debates activity's services; its
report against a direct count of the judgements stored on its debates, and its re-run when a
judge or debater version is published."""

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accounts.roles import Role
from annotation.debates.importers import question_set_import
from annotation.debates.models import Debate, DebateStatus, JudgeKind, Judgement
from annotation.debates.services.assignments import assignment_next
from annotation.debates.services.judgements import judgement_commit
from annotation.debates.services.turns import debate_turns_run
from annotation.proportions import wilson_interval
from annotation.studies.models import FINISHED_STUDY_STATUSES, Study, StudyStatus
from annotation.studies.services.steps import study_step_execute
from annotation.studies.services.studies import study_create
from loop.services.publishing import version_publish
from registry.models import ModelLine, ModelVersion
from registry.services import model_version_register
from training.tiny import build_tiny_model

pytestmark = pytest.mark.django_db

PASSAGE = "The lamp needed winding every four hours, and only Mara knew how, so she stayed."


def study_drive(study: Study, *, stop: Callable[[Study], bool] = lambda _s: False) -> Study:
    """Run a study in this process as the workers would: the speeches of its debates, then its
    current step, until it ends or `stop` says so. (In a test transaction nothing queued after
    a commit is sent, so nothing runs twice.)"""
    for _ in range(50):
        study.refresh_from_db()
        if study.status in FINISHED_STUDY_STATUSES or stop(study):
            return study
        for debate_id in Debate.objects.filter(
            pk__in=study.state.get("debates", []), status=DebateStatus.RUNNING
        ).values_list("pk", flat=True):
            debate_turns_run(debate_id=debate_id)
        study_step_execute(study_id=study.pk, dispatch=study.dispatch)
    pytest.fail(f"study #{study.pk} did not end: {study.message}")


@pytest.fixture
def question_set(db: None) -> Any:
    lines = [
        json.dumps(
            {
                "key": f"q{i}",
                "question": f"Why did Mara stay ({i})?",
                "passage": PASSAGE,
                "options": ["Only she could wind the lamp", "She feared boats", "A storm"],
                "correct": 0,
            }
        )
        for i in range(3)
    ]
    imported, _ = question_set_import(
        content="\n".join(lines).encode(), file_format="jsonl", name="mara", source="test"
    )
    return imported


@pytest.fixture
def second_versions(study_lines: list[Any], tiny_models_dir: Path) -> dict[str, ModelVersion]:
    """debater:2 and judge:2, drafts with other weights than the published version 1."""
    other = build_tiny_model(tiny_models_dir / "tiny-llama-seed1", seed=1)
    return {
        slug: model_version_register(
            line=ModelLine.objects.get(slug=slug), base="tiny", uri=str(other)
        )
        for slug in ("debater", "judge")
    }


def ref(version: ModelVersion | None) -> str:
    assert version is not None
    return f"{version.line.slug}:{version.number}"


def test_oversight_reports_judge_accuracy_per_debater_pair_and_judge(
    question_set, second_versions, make_user
) -> None:
    params = {
        "question_set": question_set.pk,
        "questions": 1,
        "debaters": ["debater:1", "debater:2"],
        "judges": ["judge:1", "judge:2"],
        "word_limit": 4,
        "human_judges": 1,
        "wait_for_humans": True,
    }
    study = study_drive(
        study_create(kind="oversight", params=params, actor=None),
        stop=lambda s: (
            s.steps[s.step_index] == "human judgements" and s.status == StudyStatus.WAITING
        ),
    )
    debates = list(Debate.objects.filter(pk__in=study.state["debates"]).order_by("pk"))
    # Every ordered (helpful, sneaky) pair debated the question once: the helpful version holds
    # the correct answer, the sneaky one a wrong answer, whichever slot each was drawn.
    sides = []
    for debate in debates:
        assert debate.status == DebateStatus.READY
        assert debate.turns.count() == 2
        by_answer = {d.answer_index == 0: ref(d.model_version) for d in debate.debaters.all()}
        sides.append((by_answer[True], by_answer[False]))
    assert Counter(sides) == Counter((h, s) for h in params["debaters"] for s in params["debaters"])
    # Both judge versions judged every debate, the draft judge:2 too.
    for judge in params["judges"]:
        line, number = judge.split(":")
        judged = Judgement.objects.filter(
            debate__in=debates, model_version__line__slug=line, model_version__number=number
        )
        assert judged.count() == 4

    # The study waits for its human judges; four people each judge one debate.
    for _ in debates:
        person = make_user(Role.RATER)
        assignment = assignment_next(user=person)
        assert assignment is not None
        judgement_commit(assignment=assignment, probabilities=[0.6, 0.2, 0.2])
    study = study_drive(study)
    assert study.status == StudyStatus.DONE, study.error
    assert study.report is not None

    # The report's cells against a direct count of the stored judgements.
    expected: dict[tuple[str, str, str], list[bool]] = {}
    for judgement in Judgement.objects.filter(debate__in=debates).select_related(
        "model_version__line"
    ):
        helpful, sneaky = sides[debates.index(judgement.debate)]
        judge = "human" if judgement.kind == JudgeKind.HUMAN else ref(judgement.model_version)
        expected.setdefault((helpful, sneaky, judge), []).append(judgement.correct)
    cells = {(c["helpful"], c["sneaky"], c["judge"]): c for c in study.report["data"]["cells"]}
    assert set(cells) == set(expected)
    assert len(cells) == 4 * 3  # four pairs, two judge versions and the people
    for key, outcomes in expected.items():
        cell = cells[key]
        assert (cell["n"], cell["correct"]) == (len(outcomes), sum(outcomes))
        assert (cell["ci_low"], cell["ci_high"]) == pytest.approx(
            wilson_interval(sum(outcomes), len(outcomes))
        )
    # People put 0.6 on the correct answer: every human judgement is correct.
    assert all(cells[(h, s, "human")]["accuracy"] == 1.0 for h, s in set(sides))
    series = study.report["plots"][0]["series"]
    assert [p["x"] for p in series[0]["points"]] == ["judge:1", "judge:2", "human"]


def test_a_published_version_reruns_the_newest_study_of_a_chain(
    question_set, second_versions, make_user, django_capture_on_commit_callbacks
) -> None:
    params = {
        "question_set": question_set.pk,
        "questions": 1,
        "debaters": ["debater:1"],
        "judges": ["judge:1", "judge:2"],
        "rerun_on_publish": True,
    }
    first = study_create(kind="oversight", params=params, actor=None)
    # A study that did not ask for re-runs is left alone.
    study_create(kind="oversight", params={**params, "rerun_on_publish": False}, actor=None)
    admin = make_user(Role.ADMIN)

    def publish(version: ModelVersion) -> list[Study]:
        before = set(Study.objects.values_list("pk", flat=True))
        with django_capture_on_commit_callbacks() as callbacks:
            version_publish(version=version, actor=admin, override_reason="A new judge to track.")
        for callback in callbacks:
            callback()
        return list(Study.objects.exclude(pk__in=before).order_by("pk"))

    # judge:2 is among the study's judges already: nothing to re-run.
    assert publish(second_versions["judge"]) == []
    judge3 = model_version_register(
        line=ModelLine.objects.get(slug="judge"), base="tiny", uri=second_versions["judge"].uri
    )
    [rerun] = publish(judge3)
    assert rerun.params["judges"] == ["judge:1", "judge:2", "judge:3"]
    assert rerun.params["debaters"] == ["debater:1"]
    assert rerun.params["rerun_of"] == first.pk
    assert rerun.steps == ["debate", "judge"]
    # Publishing it again (a rollback to it, say) starts nothing more.
    assert publish(judge3) == []
    # A new debater version re-runs the newest study of the chain only.
    [again] = publish(second_versions["debater"])
    assert again.params["rerun_of"] == rerun.pk
    assert again.params["debaters"] == ["debater:1", "debater:2"]
    assert again.params["judges"] == ["judge:1", "judge:2", "judge:3"]
