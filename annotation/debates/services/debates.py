"""Debates: creating one, asking for one more round, and queueing the model work that is due.

Truth-revealing events (outcomes, scores) go only to the committing judge's own "user:{id}"
group; the "debate:{id}" group carries transcript text and nothing else.
"""

import random
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.debates.models import (
    Assignment,
    AssignmentStatus,
    Debate,
    Debater,
    DebateStatus,
    Protocol,
    Question,
    SpeakingOrder,
)
from annotation.debates.prompts import CURRENT_PROMPT_VERSION, STRATEGIES
from annotation.debates.selectors import speaker_next
from realtime.events import event_send
from registry.models import ModelVersion


@dataclass(frozen=True)
class DebaterSpec:
    """A debater to seat: a model version with a prompt strategy, or a person."""

    model_version: ModelVersion | None = None
    strategy: str = "standard"
    user: User | None = None
    # In a debate, True seats this debater on the correct answer and False on a wrong one (a
    # study pits a chosen helpful debater against a chosen sneaky one); None draws, as usual.
    honest: bool | None = None


def debate_group(debate_id: int) -> str:
    """The realtime group of a debate's watchers: transcript text only, never the truth."""
    return f"debate:{debate_id}"


@transaction.atomic
def debate_create(
    *,
    question: Question,
    protocol: str,
    debaters: list[DebaterSpec],
    rounds: int = 2,
    max_rounds: int | None = None,
    interactive: bool = False,
    word_limit: int = 150,
    speaking_order: str = SpeakingOrder.SEQUENTIAL,
    judges_wanted: int = 3,
    user: User | None = None,
    rng: random.Random | None = None,
) -> Debate:
    """Seat the debaters on randomly drawn answers and queue the AI turns on the gpu queue.

    Debate: one debater on the correct answer and one on a wrong one, sides drawn at random.
    Consultancy: one debater, on the correct or a wrong answer with equal chance.
    """
    rng = rng or random.Random()
    wanted = {Protocol.DEBATE: 2, Protocol.CONSULTANCY: 1, Protocol.BASELINE: 0}[Protocol(protocol)]
    errors: dict[str, str] = {}
    if len(debaters) != wanted:
        errors["debaters"] = f"A {protocol} has {wanted} debater(s); {len(debaters)} given."
    for spec in debaters:
        if (spec.model_version is None) == (spec.user is None):
            errors["debaters"] = "Each debater is either a model version or a person."
        elif spec.strategy not in STRATEGIES:
            errors["debaters"] = f"Unknown prompt strategy {spec.strategy!r}."
    honesty = [spec.honest for spec in debaters]
    if any(h is not None for h in honesty) and (
        protocol != Protocol.DEBATE or set(honesty) != {True, False}
    ):
        errors["debaters"] = "Only a debate's two debaters take sides: one honest, one not."
    max_rounds = max_rounds if max_rounds is not None else rounds
    if protocol != Protocol.BASELINE and not 1 <= rounds <= max_rounds <= 10:
        errors["rounds"] = "Rounds must be at least 1 and at most max_rounds (10 at most)."
    if errors:
        raise ValidationError(errors)
    wrong = [i for i in range(len(question.options)) if i != question.correct_index]
    if protocol == Protocol.DEBATE:
        answers = [question.correct_index, rng.choice(wrong)]
        rng.shuffle(answers)
        if debaters[0].honest is not None and (
            debaters[0].honest != (answers[0] == question.correct_index)
        ):
            # The slots stay drawn; the honest debater takes the correct answer's.
            debaters = debaters[::-1]
    elif protocol == Protocol.CONSULTANCY:
        answers = [rng.choice([question.correct_index, rng.choice(wrong)])]
    else:
        answers, rounds, max_rounds = [], 0, 0
    debate = Debate.objects.create(
        question=question,
        protocol=protocol,
        rounds=rounds,
        max_rounds=max_rounds,
        interactive=interactive,
        word_limit=word_limit,
        speaking_order=speaking_order,
        judges_wanted=judges_wanted,
        prompt_version=CURRENT_PROMPT_VERSION,
        created_by=user,
        status=DebateStatus.RUNNING if answers else DebateStatus.READY,
    )
    for slot, spec, answer in zip("AB", debaters, answers, strict=False):
        Debater.objects.create(
            debate=debate,
            slot=slot,
            answer_index=answer,
            model_version=spec.model_version,
            strategy=spec.strategy if spec.model_version else "",
            user=spec.user,
        )
    debate_continue(debate=debate)
    return debate


def debate_continue(*, debate: Debate) -> None:
    """After commit, queue AI turns when one is due, or AI judging when the debate is done.

    Both generate with a model, so settings.CELERY_TASK_ROUTES sends them to the gpu queue.
    """
    from annotation.debates.tasks import ai_judgements_run_task, debate_turns_run_task

    if debate.status == DebateStatus.READY:
        transaction.on_commit(lambda: ai_judgements_run_task.delay(debate.pk))
        return
    speaker = speaker_next(debate=debate)
    if speaker is not None and speaker[1].model_version_id is not None:
        transaction.on_commit(lambda: debate_turns_run_task.delay(debate.pk))


def debate_ready_mark(*, debate: Debate) -> None:
    """Every speech is written: tell the watchers and queue AI judging. The caller holds the
    debate's row lock."""
    debate.status = DebateStatus.READY
    debate.save(update_fields=["status"])
    event_send(debate_group(debate.pk), "debate.ready", {"debate": debate.pk})
    debate_continue(debate=debate)


@transaction.atomic
def debate_round_request(*, assignment: Assignment) -> Debate:
    """An interactive debate's judge asks for one more round before committing."""
    debate = Debate.objects.select_for_update().get(pk=assignment.debate_id)
    if assignment.status != AssignmentStatus.OPEN:
        raise ValidationError({"detail": "You already finished with this debate."})
    if not debate.interactive or debate.protocol == Protocol.BASELINE:
        raise ValidationError({"detail": "This debate does not take requests for more rounds."})
    if debate.status != DebateStatus.READY:
        raise ValidationError({"detail": "Wait until the current round is written."})
    if debate.rounds >= debate.max_rounds:
        raise ValidationError({"detail": f"This debate has its maximum of {debate.max_rounds}."})
    debate.rounds += 1
    debate.status = DebateStatus.RUNNING
    debate.save(update_fields=["rounds", "status"])
    event_send(debate_group(debate.pk), "debate.round.added", {"debate": debate.pk})
    debate_continue(debate=debate)
    return debate
