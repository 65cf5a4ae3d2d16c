"""Rater trust in debate judging: a judge's dwell is stored with their judgement's signal, and
their components are gold accuracy (every question has a known answer) and agreement with the
answer most other judges of the same debate favoured."""

from typing import Any

import pytest

from accounts.roles import Role
from annotation.debates.models import Assignment, Protocol
from annotation.debates.services.debates import debate_create
from annotation.debates.services.judgements import judgement_commit
from annotation.debates.trust import judge_trust_components
from signalpool.models import Signal
from trust.models import SubmissionTiming

pytestmark = pytest.mark.django_db


def _judged(question: Any, verdicts: dict[Any, list[float]], **extra: Any) -> None:
    """A baseline debate of `question`, committed by each judge with their probabilities."""
    debate = debate_create(question=question, protocol=Protocol.BASELINE, debaters=[])
    for judge, probabilities in verdicts.items():
        assignment = Assignment.objects.create(debate=debate, judge=judge, question=question)
        judgement_commit(assignment=assignment, probabilities=probabilities, **extra)


def test_a_judges_dwell_is_stored_with_the_judgement_signal(questions, make_user, settings) -> None:
    settings.RATER_MIN_DWELL_MS = {**settings.RATER_MIN_DWELL_MS, "judgement": 20000}
    judge = make_user(Role.RATER)

    _judged(questions[0], {judge: [0.8, 0.2]}, dwell_ms=4000)

    timing = SubmissionTiming.objects.get()
    assert timing.signal == Signal.objects.get(kind="judgement", source_user=judge)
    assert (timing.activity, timing.dwell_ms, timing.floor_ms, timing.too_fast) == (
        "debates",
        4000,
        20000,
        True,
    )


def test_components_are_gold_accuracy_and_agreement_with_the_other_judges(
    questions, make_user
) -> None:
    right, wrong, third, fourth = (make_user(Role.RATER) for _ in range(4))
    # Option 0 is right everywhere. Debate 1: three of four favour it; debate 2: all do.
    first = {right: [0.9, 0.1], wrong: [0.3, 0.7], third: [0.6, 0.4], fourth: [0.7, 0.3]}
    _judged(questions[0], first)
    _judged(questions[1], {judge: [0.7, 0.3] for judge in first})

    components = judge_trust_components()

    assert (components[right.pk].gold_items, components[right.pk].gold_accuracy) == (2, 1.0)
    assert (components[wrong.pk].gold_items, components[wrong.pk].gold_accuracy) == (2, 0.5)
    # Each compared with the other three judges' majority: `wrong` disagreed once.
    assert (components[right.pk].agreement_items, components[right.pk].agreement) == (2, 1.0)
    assert (components[wrong.pk].agreement_items, components[wrong.pk].agreement) == (2, 0.5)
