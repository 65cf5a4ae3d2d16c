"""Debates, turns, assignments and judgements through the services, on the real database."""

import random

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import (
    Assignment,
    AssignmentStatus,
    Debate,
    DebateStatus,
    JudgeKind,
    Judgement,
    Protocol,
    SpeakingOrder,
    TurnKind,
)
from annotation.debates.prompts import CURRENT_PROMPT_VERSION
from annotation.debates.quotes import quotes_check
from annotation.debates.selectors import analytics_report
from annotation.debates.services.ai_judges import ai_judgements_run
from annotation.debates.services.assignments import assignment_next, assignment_skip
from annotation.debates.services.debates import DebaterSpec, debate_create, debate_round_request
from annotation.debates.services.judgements import judgement_commit
from annotation.debates.services.turns import debate_turns_run, turn_record, turn_submit
from annotation.debates.transcripts import debater_prompt, judge_prompt
from signalpool.models import Signal

pytestmark = pytest.mark.django_db


def _take(user) -> Assignment:
    """The judge's next assignment, which the test expects to exist."""
    assignment = assignment_next(user=user)
    assert assignment is not None
    return assignment


def _ai_debate(question, version, **kwargs):
    return debate_create(
        question=question,
        protocol=Protocol.DEBATE,
        debaters=[DebaterSpec(model_version=version), DebaterSpec(model_version=version)],
        **kwargs,
    )


def test_sides_are_drawn_at_random_and_stored(questions, published_lines) -> None:
    debater = published_lines[0]
    seen = set()
    for seed in range(12):
        debate = _ai_debate(questions[0], debater, rng=random.Random(seed))
        answers = tuple(d.answer_index for d in debate.debaters.order_by("slot"))
        assert sorted(answers) == [0, 1]  # one helpful (0 is correct) and one sneaky
        seen.add(answers)
    assert seen == {(0, 1), (1, 0)}
    consultancies = {
        debate_create(
            question=questions[0],
            protocol=Protocol.CONSULTANCY,
            debaters=[DebaterSpec(model_version=debater)],
            rng=random.Random(seed),
        )
        .debaters.get()
        .answer_index
        for seed in range(12)
    }
    assert consultancies == {0, 1}
    baseline = debate_create(question=questions[0], protocol=Protocol.BASELINE, debaters=[])
    assert baseline.status == DebateStatus.READY
    assert not baseline.debaters.exists()


def test_bad_debate_settings_are_refused(questions, published_lines) -> None:
    with pytest.raises(ValidationError) as caught:
        debate_create(
            question=questions[0],
            protocol=Protocol.DEBATE,
            debaters=[DebaterSpec(model_version=published_lines[0], strategy="shout")],
            rounds=0,
        )
    assert set(caught.value.message_dict) == {"debaters", "rounds"}


def test_the_model_writes_every_turn_in_order_with_signals(questions, published_lines) -> None:
    debate = _ai_debate(
        questions[0], published_lines[0], rounds=2, word_limit=12, speaking_order="sequential"
    )
    debate_turns_run(debate_id=debate.pk)
    debate.refresh_from_db()
    assert debate.status == DebateStatus.READY
    turns = list(debate.turns.order_by("position"))
    assert [(t.round, t.debater.slot) for t in turns] == [(0, "A"), (0, "B"), (1, "A"), (1, "B")]
    assert all(
        len(t.text.split()) <= 12 and t.prompt_version == CURRENT_PROMPT_VERSION for t in turns
    )
    assert Signal.objects.filter(kind="debate_turn", source_model=published_lines[0]).count() == 4
    # Running it again (a redelivered task) writes nothing twice.
    debate_turns_run(debate_id=debate.pk)
    assert debate.turns.count() == 4


def test_simultaneous_debaters_do_not_see_this_rounds_other_speech(
    questions, published_lines
) -> None:
    debate = _ai_debate(
        questions[0],
        published_lines[0],
        rounds=2,
        word_limit=4,
        speaking_order=SpeakingOrder.SIMULTANEOUS,
    )
    debate_turns_run(debate_id=debate.pk)
    a, b = debate.debaters.order_by("slot")
    first_a = debate.turns.get(round=0, debater=a)
    assert "Round 1, Debater A" not in debater_prompt(debate, b, 0)
    assert "Round 1, Debater A" in debater_prompt(debate, b, 1)
    sequential = _ai_debate(questions[1], published_lines[0], rounds=1)
    sequential.turns.create(
        position=0, round=0, debater=sequential.debaters.get(slot="A"), text=first_a.text
    )
    assert "Round 1, Debater A" in debater_prompt(sequential, sequential.debaters.get(slot="B"), 0)


def test_quotes_are_checked_against_the_passage() -> None:
    passage = "The lamp ``needed winding'' every four hours, and no one else knew how."
    text = "See <quote>needed winding every four hours</quote> and <quote>she hated boats</quote>."
    assert quotes_check(text, passage=passage) == [
        {"text": "needed winding every four hours", "verified": True},
        {"text": "she hated boats", "verified": False},
    ]


@pytest.mark.parametrize(
    ("quote", "verified"),
    [
        ("e kn", False),  # a fragment of "one else knew"
        ("n", False),
        ("knew", False),  # one whole word is not evidence
        ("else knew", False),
        ("one else knew", True),
        ("ONE  else, knew", True),
        ("no one els", False),
        ("hours and no one", True),
    ],
)
def test_a_quote_must_be_whole_words_of_a_minimum_length(quote: str, verified: bool) -> None:
    passage = "The lamp ``needed winding'' every four hours, and no one else knew how."
    assert quotes_check(f"<quote>{quote}</quote>", passage=passage) == [
        {"text": quote.strip(), "verified": verified}
    ]


def test_quote_tags_with_inner_spaces_and_capitals_are_found() -> None:
    passage = "The lamp needed winding every four hours."
    text = "< quote >needed winding every</ quote > and <QUOTE >four hours .</QUOTE>"
    assert quotes_check(text, passage=passage) == [
        {"text": "needed winding every", "verified": True},
        {"text": "four hours .", "verified": False},
    ]
    assert quotes_check(text, passage="") == [
        {"text": "needed winding every", "verified": None},
        {"text": "four hours .", "verified": None},
    ]


def test_assignment_rule_k_judges_new_questions_only_and_not_ones_own(
    questions, published_lines, make_user
) -> None:
    human = make_user(Role.RATER)
    debate = debate_create(
        question=questions[0],
        protocol=Protocol.DEBATE,
        debaters=[DebaterSpec(user=human), DebaterSpec(model_version=published_lines[0])],
        judges_wanted=2,
    )
    again = _ai_debate(questions[0], published_lines[0])  # same question, another debate
    judges = [make_user(Role.RATER) for _ in range(3)]
    first = assignment_next(user=judges[0])
    assert first is not None
    assert first.debate == debate
    assert assignment_next(user=judges[0]) == first  # an open assignment is returned again
    judgement_commit_ready(first)
    judgement_commit(assignment=first, probabilities=[0.7, 0.3])
    # The same question is never given to the same judge again, even in another debate.
    assert assignment_next(user=judges[0]) is None
    assert _take(judges[1]).debate == debate
    # k = 2 judges: the third goes to the other debate of that question.
    assert _take(judges[2]).debate == again
    # A debater read the passage: they judge neither their own debate nor, elsewhere, its
    # question.
    assert assignment_next(user=human) is None


def test_an_abandoned_assignment_expires_and_a_late_verdict_never_makes_k_plus_one(
    questions, make_user
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from annotation.debates.models import ASSIGNMENT_TTL

    debate = debate_create(
        question=questions[0], protocol=Protocol.BASELINE, debaters=[], judges_wanted=1
    )
    gone, late_alone = make_user(Role.RATER), make_user(Role.RATER)
    abandoned = _take(gone)
    assert assignment_next(user=make_user(Role.RATER)) is None  # the one place is held
    expired = timezone.now() - ASSIGNMENT_TTL - timedelta(seconds=1)
    Assignment.objects.filter(pk=abandoned.pk).update(created_at=expired)
    assert assignment_next(user=gone) is None  # expired, and the question counts as seen
    replacement = _take(make_user(Role.RATER))
    assert replacement.debate == debate
    judgement_commit(assignment=replacement, probabilities=[0.6, 0.4])
    with pytest.raises(ValidationError, match="expired"):
        judgement_commit(assignment=abandoned, probabilities=[0.6, 0.4])
    assert debate.judgements.count() == 1

    # Expired, but nobody took the place: the late verdict still counts.
    other = debate_create(
        question=questions[1], protocol=Protocol.BASELINE, debaters=[], judges_wanted=1
    )
    slow = _take(late_alone)
    assert slow.debate == other
    Assignment.objects.filter(pk=slow.pk).update(created_at=expired)
    judgement_commit(assignment=slow, probabilities=[0.6, 0.4])
    assert other.judgements.count() == 1


def judgement_commit_ready(assignment) -> None:
    """Give the debate a first speech so it can be judged."""
    debater = assignment.debate.debaters.order_by("slot").first()
    assignment.debate.turns.create(position=0, round=0, debater=debater, text="Opening.")


def test_skipping_needs_a_reason(questions, make_user) -> None:
    debate_create(question=questions[0], protocol=Protocol.BASELINE, debaters=[])
    judge = make_user(Role.RATER)
    assignment = _take(judge)
    with pytest.raises(ValidationError):
        assignment_skip(assignment=assignment, reason="  ")
    skipped = assignment_skip(assignment=assignment, reason="I know this story")
    assert skipped.status == AssignmentStatus.SKIPPED
    assert assignment_next(user=judge) is None  # the question counts as seen


def test_a_commit_is_scored_and_signalled(questions, published_lines, make_user) -> None:
    debate = _ai_debate(questions[0], published_lines[0], rounds=1, word_limit=8)
    debate_turns_run(debate_id=debate.pk)
    judge = make_user(Role.RATER)
    assignment = _take(judge)
    for bad in ([0.5], [0.6, 0.6], [1.0, 0.0]):
        with pytest.raises(ValidationError):
            judgement_commit(assignment=assignment, probabilities=bad)
    assert not Judgement.objects.exists()
    judgement = judgement_commit(assignment=assignment, probabilities=[0.75, 0.25], rationale="A")
    assert judgement.correct
    assert judgement.score == pytest.approx(-0.415, abs=1e-3)
    assert judgement_commit(assignment=assignment, probabilities=[0.75, 0.25], rationale="A") == (
        judgement
    )
    with pytest.raises(ValidationError):
        judgement_commit(assignment=assignment, probabilities=[0.25, 0.75], rationale="A")
    signal = Signal.objects.get(kind="judgement", source_user=judge)
    assert signal.payload["probabilities"] == [0.75, 0.25]
    # The loop builds pairs from the judgement itself (tests/debates/test_loop_inputs.py).
    assert not Signal.objects.filter(kind="preference").exists()


def test_interactive_judges_may_ask_for_rounds_up_to_the_maximum(
    questions, published_lines, make_user
) -> None:
    debate = _ai_debate(
        questions[0], published_lines[0], rounds=1, max_rounds=2, interactive=True, word_limit=6
    )
    debate_turns_run(debate_id=debate.pk)
    assignment = _take(make_user(Role.RATER))
    debate_round_request(assignment=assignment)
    debate_turns_run(debate_id=debate.pk)
    debate.refresh_from_db()
    assert debate.rounds == 2
    assert debate.turns.filter(kind=TurnKind.SPEECH).count() == 4
    with pytest.raises(ValidationError, match="maximum"):
        debate_round_request(assignment=assignment)


def test_human_debaters_speak_in_turn_within_the_limit(questions, make_user) -> None:
    a, b = make_user(Role.RATER), make_user(Role.RATER)
    debate = debate_create(
        question=questions[0],
        protocol=Protocol.DEBATE,
        debaters=[DebaterSpec(user=a), DebaterSpec(user=b)],
        rounds=1,
        word_limit=5,
    )
    first = a if debate.debaters.get(slot="A").user == a else b
    second = b if first == a else a
    with pytest.raises(ValidationError, match="not your turn"):
        turn_submit(debate=debate, user=second, text="Me first.")
    with pytest.raises(ValidationError, match="5 words"):
        turn_submit(debate=debate, user=first, text="one two three four five six")
    turn_submit(debate=debate, user=first, text="<quote>no one else knew how</quote>")
    turn_submit(debate=debate, user=second, text="Boats.")
    debate.refresh_from_db()
    assert debate.status == DebateStatus.READY
    assert debate.turns.get(position=0).quotes[0]["verified"] is True


def test_the_published_judge_judges_once(questions, published_lines) -> None:
    debate = _ai_debate(questions[0], published_lines[0], rounds=1, word_limit=6)
    debate_turns_run(debate_id=debate.pk)
    judgement = ai_judgements_run(debate_id=debate.pk)
    assert judgement is not None
    assert judgement.kind == JudgeKind.AI
    assert judgement.model_version == published_lines[1]  # the judge line's version 1
    assert ai_judgements_run(debate_id=debate.pk) is None
    assert Signal.objects.filter(kind="judgement", source_model=judgement.model_version).exists()


def test_the_ai_judge_scores_the_answers_letters_instead_of_parsing_a_reply(
    questions, published_lines
) -> None:
    # The untrained tiny judge writes no number; it used to get a silent 50/50 ("chose A").
    judgements = []
    for question in questions[:2]:
        debate = _ai_debate(question, published_lines[0], rounds=1, word_limit=6)
        debate_turns_run(debate_id=debate.pk)
        judgement = ai_judgements_run(debate_id=debate.pk)
        assert judgement is not None
        judgements.append(judgement)

    for judgement in judgements:
        assert sum(judgement.probabilities) == pytest.approx(1.0)
        assert judgement.prompt_version == CURRENT_PROMPT_VERSION
        signal = Signal.objects.get(kind="judgement", item_id=str(judgement.debate_id))
        scores = signal.payload["option_scores"]
        assert [s["option"] for s in scores] == [" A", " B"]
        assert [s["probability"] for s in scores] == pytest.approx(judgement.probabilities)
        assert all(s["tokens"] == 2 and s["logprob"] < 0 for s in scores)
    assert judgements[0].probabilities != judgements[1].probabilities
    assert all(j.probabilities != [0.5, 0.5] for j in judgements)


def test_a_judge_that_cannot_score_leaves_the_debate_unjudged(questions, published_lines) -> None:
    debate = _ai_debate(questions[0], published_lines[0], rounds=1, word_limit=6)
    debate_turns_run(debate_id=debate.pk)
    judge = published_lines[1]
    judge.uri = "/nonexistent/judge-model"
    judge.save(update_fields=["uri"])

    assert ai_judgements_run(debate_id=debate.pk) is None
    assert not Judgement.objects.filter(debate=debate).exists()


def test_imported_debates_are_queued_for_the_ai_judge_once(
    nyu_dir, published_lines, django_capture_on_commit_callbacks, capsys
) -> None:
    nyu_import(directory=nyu_dir, limit=3)
    with django_capture_on_commit_callbacks() as queued:
        call_command("debates_ai_judge", "--origin", "imported", "--limit", "2")
    assert len(queued) == 2
    assert "Queued 2 debates" in capsys.readouterr().out
    judged = Debate.objects.order_by("pk").first()
    assert judged is not None
    judgement = ai_judgements_run(debate_id=judged.pk)
    assert judgement is not None
    assert judgement.kind == JudgeKind.AI
    # Unchecked quotes (no story in this copy) are not marked unverified to the judge.
    assert "<unverified>" not in judge_prompt(judged)
    with django_capture_on_commit_callbacks() as queued:
        call_command("debates_ai_judge", "--origin", "imported")
    assert len(queued) == 2  # the judged one is left out
    report = analytics_report(origin="imported")
    assert report["agreement"][0]["pairs"] == 1


def test_a_speech_of_control_characters_is_stored_empty_with_its_signal(
    questions, published_lines
) -> None:
    debate = _ai_debate(questions[0], published_lines[0], rounds=1)
    debater = debate.debaters.get(slot="A")
    turn = turn_record(debate_id=debate.pk, debater_id=debater.pk, round_=0, text="\x00\x01 ")
    assert turn is not None
    assert turn.text == ""
    assert Signal.objects.get(kind="debate_turn", item_id=str(turn.pk)).payload["text"] == ""
