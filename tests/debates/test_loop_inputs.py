"""Debate judgements feed the loop: per round, the winning speech is chosen over the losing
one after a prompt holding the story, question, options and the winner's assigned side; judges
agree per debate, not per round."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from annotation.debates.models import Debate, Debater, Protocol, Question, Turn
from signalpool.kinds import SignalKind
from signalpool.services import signal_record
from tests.debates.conftest import STORY
from tests.loop.builds import snapshot_create


@pytest.fixture(autouse=True)
def datasets_dir(settings: Any, tmp_path: Path) -> None:
    settings.DATASETS_DIR = tmp_path


def debate_of(question: Question, protocol: str = Protocol.DEBATE, rounds: int = 2) -> Debate:
    """A finished debate: A argues the first option, B the second, one speech each round."""
    debate = Debate.objects.create(
        question=question, protocol=protocol, rounds=rounds, max_rounds=2
    )
    slots = ["A", "B"] if protocol == Protocol.DEBATE else ["A"]
    position = 0
    for index, slot in enumerate(slots):
        Debater.objects.create(debate=debate, slot=slot, answer_index=index)
    for round_ in range(rounds):
        for debater in debate.debaters.all():
            Turn.objects.create(
                debate=debate,
                position=position,
                round=round_,
                debater=debater,
                text=f"{debater.slot} speaks in round {round_ + 1}",
            )
            position += 1
    return debate


def judge(user: User, debate: Debate, p_first: float) -> None:
    signal_record(
        kind=SignalKind.JUDGEMENT,
        source_user=user,
        item_type="debates.debate",
        item_id=debate.pk,
        payload={"probabilities": [p_first, 1 - p_first], "rationale": ""},
        idempotency_key=f"debates.judgement:{debate.pk}",
    )


def rows(recipe: dict[str, Any]) -> list[dict[str, Any]]:
    full = {"kinds": ["judgement"], "eval_fraction": 0.0, "dedupe": False, **recipe}
    snapshot, _ = snapshot_create(recipe=full)
    path = Path(snapshot.folder) / "train.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_a_judgement_becomes_pairs_with_the_debaters_context(questions, make_user) -> None:
    debate = debate_of(questions[0])
    judge(make_user(), debate, 0.8)

    first, second = sorted(rows({}), key=lambda r: r["prompt"])

    question = questions[0]
    for row in (first, second):
        assert STORY in row["prompt"]
        assert question.text in row["prompt"]
        assert all(option in row["prompt"] for option in question.options)
        assert f"assigned to argue that the answer is A: {question.options[0]}" in row["prompt"]
    assert (first["chosen"], first["rejected"]) == ("A speaks in round 1", "B speaks in round 1")
    # The second round's prompt carries the first round, which both speeches answered.
    assert "B speaks in round 1" in second["prompt"]
    assert second["chosen"] == "A speaks in round 2"


def test_judges_agree_per_debate_not_per_round(questions, make_user) -> None:
    unanimous, split = debate_of(questions[0]), debate_of(questions[1])
    judges = [make_user() for _ in range(3)]
    for user in judges[:2]:
        judge(user, unanimous, 0.9)
    for user, p in zip(judges, [0.9, 0.8, 0.2], strict=True):
        judge(user, split, p)

    agreed = rows({"min_agreement": 0.9})
    reliable = rows({"min_reliability": 0.6})

    # Two rounds of a unanimous debate are one agreement of 1.0, not a 50/50 tie.
    assert {r["item"] for r in agreed} == {f"debates.debate:{unanimous.pk}"}
    assert len(agreed) == 4
    # The judge in the minority is measured as unreliable; everyone else is kept.
    assert len(reliable) == 2 * 2 + 2 * 2
    assert all(r["chosen"].startswith("A") for r in reliable)


def test_rounds_written_after_a_verdict_are_not_credited_to_it(questions, make_user) -> None:
    debate = debate_of(questions[0], rounds=1)
    judge(make_user(), debate, 0.8)
    for position, debater in enumerate(debate.debaters.all(), start=2):
        Turn.objects.create(
            debate=debate, position=position, round=1, debater=debater, text="later"
        )

    assert [r["chosen"] for r in rows({})] == ["A speaks in round 1"]


def test_no_pairs_without_an_opponent_and_old_derived_pairs_are_ignored(
    questions, make_user
) -> None:
    consultancy = debate_of(questions[0], protocol=Protocol.CONSULTANCY)
    user = make_user()
    judge(user, consultancy, 0.7)
    signal_record(
        kind=SignalKind.PREFERENCE,
        source_user=user,
        item_type="debates.debate",
        item_id=consultancy.pk,
        payload={"prompt": "Argue persuasively about: x", "chosen": "a", "rejected": "b"},
        idempotency_key="debates.preference:old",
    )

    assert rows({}) == []
    assert rows({"kinds": ["preference"]}) == []
