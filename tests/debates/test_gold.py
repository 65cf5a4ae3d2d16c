"""Gold debates: researchers mark them (audited, researchers only), NYU rooms import as gold,
judges get them at DEBATE_GOLD_RATE, and the trust score's gold part counts them."""

import random
from pathlib import Path
from typing import Any

import pytest

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Assignment, Debate, DebateStatus, Protocol
from annotation.debates.services.assignments import assignment_next, assignment_skip
from annotation.debates.services.debates import debate_create
from annotation.debates.services.gold import debate_gold_set
from annotation.debates.services.judgements import judgement_commit
from annotation.debates.trust import GOLD_DEBATES, KNOWN_TRUTH, judge_trust_components
from audit.models import AuditAction, AuditEntry
from tests.factories import DebateFactory, QuestionFactory, QuestionSetFactory

pytestmark = pytest.mark.django_db


def test_a_researcher_marks_a_debate_gold_and_a_rater_may_not(client_as) -> None:
    debate = DebateFactory.create()
    url = f"/api/debates/{debate.pk}/gold/"

    assert client_as(Role.RATER).put(url).status_code == 403
    researcher = client_as(Role.RESEARCHER)
    marked = researcher.put(url)

    assert marked.status_code == 200, marked.content
    assert marked.json() == {"id": debate.pk, "gold": True}
    entry = AuditEntry.objects.get(action=AuditAction.GOLD_SET)
    assert (entry.object_type, entry.object_id) == ("debate", str(debate.pk))
    assert entry.details["correct_index"] == 0
    listed = researcher.get("/api/debates/").json()["results"]
    assert [(row["id"], row["gold"]) for row in listed] == [(debate.pk, True)]

    assert researcher.delete(url).json() == {"id": debate.pk, "gold": False}
    assert AuditEntry.objects.filter(action=AuditAction.GOLD_CLEAR).count() == 1
    assert client_as(Role.RATER).delete(url).status_code == 403


def test_nyu_rooms_import_as_gold(nyu_dir: Path) -> None:
    nyu_import(directory=nyu_dir, limit=3, gold=True)
    assert Debate.objects.filter(gold=True).count() == 3

    # A later import without the flag adds ordinary rooms and leaves the gold ones gold.
    nyu_import(directory=nyu_dir, limit=5)

    assert Debate.objects.filter(gold=True).count() == 3
    assert Debate.objects.filter(gold=False).count() == 2


def test_gold_debates_are_mixed_in_at_the_configured_rate(make_user, settings) -> None:
    settings.DEBATE_GOLD_RATE = 0.25
    question_set = QuestionSetFactory.create()
    for gold in [True] * 60 + [False] * 120:
        DebateFactory.create(
            question=QuestionFactory.create(question_set=question_set),
            gold=gold,
            status=DebateStatus.READY,
        )
    judge = make_user(Role.RATER)
    random.seed(15)

    golds = []
    for _ in range(100):
        assignment = assignment_next(user=judge)
        assert assignment is not None
        golds.append(assignment.debate.gold)
        assignment_skip(assignment=assignment, reason="testing the mix")

    # 25 expected; a binomial(100, 0.25) lies within 16..34 with probability above 0.97.
    assert 16 <= sum(golds) <= 34


def test_without_a_draw_gold_debates_come_only_when_nothing_else_is_left(
    make_user, settings
) -> None:
    settings.DEBATE_GOLD_RATE = 0.0
    gold = DebateFactory.create(gold=True, status=DebateStatus.READY, judges_wanted=1)
    ordinary = DebateFactory.create(judges_wanted=1)
    first, second = make_user(Role.RATER), make_user(Role.RATER)

    taken = assignment_next(user=first)
    assert taken is not None
    assert taken.debate == ordinary
    assignment_skip(assignment=taken, reason="x")
    assert assignment_next(user=first).debate == gold  # type: ignore[union-attr]
    # A gold debate measures every judge: a second one gets it beyond judges_wanted.
    Assignment.objects.filter(judge=first).update(status="committed")
    assert assignment_next(user=second).debate == gold  # type: ignore[union-attr]


def _judged(question: Any, judge: Any, probabilities: list[float], *, gold: bool) -> None:
    debate = debate_create(question=question, protocol=Protocol.BASELINE, debaters=[])
    Debate.objects.filter(pk=debate.pk).update(gold=gold)
    assignment = Assignment.objects.create(debate=debate, judge=judge, question=question)
    judgement_commit(assignment=assignment, probabilities=probabilities)


def test_the_gold_component_counts_gold_debates_where_the_judge_judged_any(
    make_user,
) -> None:
    questions = QuestionFactory.create_batch(4)
    measured, unmeasured = make_user(Role.RATER), make_user(Role.RATER)
    # Option 0 is right: right on both ordinary debates, one of two gold debates wrong.
    _judged(questions[0], measured, [0.9, 0.1], gold=False)
    _judged(questions[1], measured, [0.8, 0.2], gold=False)
    _judged(questions[2], measured, [0.7, 0.3], gold=True)
    _judged(questions[3], measured, [0.2, 0.8], gold=True)
    _judged(questions[0], unmeasured, [0.3, 0.7], gold=False)

    components = judge_trust_components()

    gold_part = components[measured.pk]
    assert (gold_part.gold_items, gold_part.gold_accuracy, gold_part.gold_basis) == (
        2,
        0.5,
        GOLD_DEBATES,
    )
    other = components[unmeasured.pk]
    assert (other.gold_items, other.gold_accuracy, other.gold_basis) == (1, 0.0, KNOWN_TRUTH)


def test_marking_gold_keeps_the_judgements_already_given(make_user) -> None:
    question = QuestionFactory.create()
    judge = make_user(Role.RATER)
    _judged(question, judge, [0.9, 0.1], gold=False)
    debate = Debate.objects.get()

    debate_gold_set(debate=debate, gold=True, actor=make_user(Role.RESEARCHER))

    assert debate.judgements.count() == 1
    assert judge_trust_components()[judge.pk].gold_basis == GOLD_DEBATES
