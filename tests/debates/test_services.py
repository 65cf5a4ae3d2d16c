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
from annotation.debates.quotes import quotes_check
from annotation.debates.selectors import analytics_report
from annotation.debates.services import (
    DebaterSpec,
    ai_judgements_run,
    assignment_next,
    assignment_skip,
    debate_create,
    debate_round_request,
    debate_turns_run,
    debater_prompt,
    judge_output_parse,
    judge_prompt,
    judgement_commit,
    turn_record,
    turn_submit,
)
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
    assert all(len(t.text.split()) <= 12 and t.prompt_version == 1 for t in turns)
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
    # A debater never judges their own debate (nor, here, its question elsewhere).
    assert _take(human).debate == again


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


def test_a_commit_is_scored_signalled_and_yields_preference_pairs(
    questions, published_lines, make_user
) -> None:
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
    pair = Signal.objects.get(kind="preference", source_user=judge)
    winner = debate.debaters.get(answer_index=0)
    assert pair.payload["chosen"] == debate.turns.get(debater=winner).text


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


def test_ai_judge_replies_are_read_as_probabilities() -> None:
    assert judge_output_parse(" 80 because", 2) == ([0.8, pytest.approx(0.2)], True)
    assert judge_output_parse("100", 2) == ([0.99, pytest.approx(0.01)], True)
    assert judge_output_parse("no idea", 2) == ([0.5, 0.5], False)


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
