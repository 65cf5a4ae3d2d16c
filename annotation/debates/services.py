"""Writes for debates: creating them, writing turns, assigning judges, committing judgements.

Truth-revealing events (outcomes, scores) go only to the committing judge's own "user:{id}"
group; the "debate:{id}" group carries transcript text and nothing else.
"""

import random
import re
import time
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from annotation.debates.models import (
    Assignment,
    AssignmentStatus,
    Debate,
    Debater,
    DebateStatus,
    JudgeKind,
    Judgement,
    Protocol,
    Question,
    SpeakingOrder,
    Turn,
    TurnKind,
)
from annotation.debates.prompts import (
    CURRENT_PROMPT_VERSION,
    PROMPT_VERSIONS,
    STRATEGIES,
    option_letter,
)
from annotation.debates.quotes import quotes_check
from annotation.debates.scoring import MIN_PROBABILITY, log_score
from annotation.debates.selectors import debates_open_to, holds_a_place, open_cutoff, speaker_next
from llm.serving import serving_version
from realtime.events import event_send, event_send_now
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


@dataclass(frozen=True)
class DebaterSpec:
    """A debater to seat: a model version with a prompt strategy, or a person."""

    model_version: ModelVersion | None = None
    strategy: str = "standard"
    user: User | None = None


def _group(debate_id: int) -> str:
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
    max_rounds = max_rounds if max_rounds is not None else rounds
    if protocol != Protocol.BASELINE and not 1 <= rounds <= max_rounds <= 10:
        errors["rounds"] = "Rounds must be at least 1 and at most max_rounds (10 at most)."
    if errors:
        raise ValidationError(errors)
    wrong = [i for i in range(len(question.options)) if i != question.correct_index]
    if protocol == Protocol.DEBATE:
        answers = [question.correct_index, rng.choice(wrong)]
        rng.shuffle(answers)
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
    _debate_continue(debate)
    return debate


def _debate_continue(debate: Debate) -> None:
    """After commit, queue AI turns when one is due, or AI judging when the debate is done.

    Both generate with a model, so they go to the gpu queue (one task at a time per worker).
    """
    from annotation.debates.tasks import ai_judgements_run_task, debate_turns_run_task

    if debate.status == DebateStatus.READY:
        transaction.on_commit(lambda: ai_judgements_run_task.apply_async((debate.pk,), queue="gpu"))
        return
    speaker = speaker_next(debate=debate)
    if speaker is not None and speaker[1].model_version_id is not None:
        transaction.on_commit(lambda: debate_turns_run_task.apply_async((debate.pk,), queue="gpu"))


def _transcript(debate: Debate, *, before_round: int | None) -> str:
    """The speeches a debater or judge sees, with each quote marked verified or not.

    before_round: only earlier rounds (simultaneous speaking: the opponent's speech of this
    round is not visible yet); None for everything written so far.
    """
    turns = debate.turns.filter(kind=TurnKind.SPEECH).select_related("debater")
    if before_round is not None:
        turns = turns.filter(round__lt=before_round)
    lines = []
    for turn in turns:
        assert turn.debater is not None
        text = turn.text
        for quote in turn.quotes:
            if quote["verified"] is None:
                continue  # no passage to check against: left as the debater wrote it
            mark = "verified" if quote["verified"] else "unverified"
            text = text.replace(
                f"<quote>{quote['text']}</quote>", f"<{mark}>{quote['text']}</{mark}>"
            )
        lines.append(f"Round {turn.round + 1}, Debater {turn.debater.slot}: {text}")
    return "\n\n".join(lines)


def debater_prompt(debate: Debate, debater: Debater, round_: int) -> str:
    prompts = PROMPT_VERSIONS[debate.prompt_version]
    question = debate.question
    my_answer = question.options[debater.answer_index]
    others = "; ".join(o for i, o in enumerate(question.options) if i != debater.answer_index)
    system = (
        prompts.debater_system if debate.protocol == Protocol.DEBATE else prompts.consultant_system
    ).format(slot=debater.slot, word_limit=debate.word_limit, strategy=STRATEGIES[debater.strategy])
    simultaneous = debate.speaking_order == SpeakingOrder.SIMULTANEOUS
    fields = {"question": question.text, "my_answer": my_answer, "other_answers": others}
    return prompts.debater_turn.format(
        system=system,
        passage=question.passage,
        confirm=prompts.confirm.format(**fields),
        transcript=_transcript(debate, before_round=round_ if simultaneous else None),
        request=prompts.argument_request[min(round_, 1)].format(**fields),
        advice=prompts.thinking_advice[min(round_, 2)],
        **fields,
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _words_limited(text: str, limit: int) -> str:
    """The text cut to `limit` words, without control characters (PostgreSQL refuses NUL)."""
    words = _CONTROL.sub("", text).split()
    return _CONTROL.sub("", text).strip() if len(words) <= limit else " ".join(words[:limit])


class _TurnRelay:
    """Streams a turn's text to the debate's watchers, batching deltas within `interval_s`."""

    def __init__(self, debate_id: int, round_: int, slot: str, interval_s: float = 0.05) -> None:
        self.debate_id, self.round, self.slot, self.interval_s = debate_id, round_, slot, interval_s
        self.pending: list[str] = []
        self.last_sent = 0.0

    def __call__(self, _index: int, text: str) -> None:
        self.pending.append(text)
        if time.monotonic() - self.last_sent >= self.interval_s:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            payload = {
                "debate": self.debate_id,
                "round": self.round,
                "slot": self.slot,
                "text": "".join(self.pending),
            }
            event_send_now(_group(self.debate_id), "debate.turn.delta", payload)
            self.pending.clear()
        self.last_sent = time.monotonic()


def debate_turns_run(*, debate_id: int) -> None:
    """Write every AI speech that is due, one after another (idempotent).

    Nothing partial is stored: a speech is saved whole once generated, and the unique
    (debate, round, debater) constraint turns a redelivered task's duplicate into a no-op.
    Stops at a human debater's turn; their submission queues this again.
    """
    from llm.backends.base import BackendError, GenerationParams
    from llm.services import backend_for_version

    while True:
        debate = Debate.objects.select_related("question").filter(pk=debate_id).first()
        if debate is None or debate.status == DebateStatus.READY:
            return
        speaker = speaker_next(debate=debate)
        if speaker is None:
            _debate_mark_ready(debate_id=debate_id)
            return
        round_, debater = speaker
        if debater.model_version is None:
            return
        prompt = debater_prompt(debate, debater, round_)
        relay = _TurnRelay(debate.pk, round_, debater.slot)
        event_send_now(
            _group(debate.pk),
            "debate.turn.started",
            {"debate": debate.pk, "round": round_, "slot": debater.slot},
        )
        # Words are ~1.3 tokens; the text is cut to the word limit afterwards.
        params = GenerationParams(max_new_tokens=min(int(debate.word_limit * 1.4) + 8, 1024))
        try:
            [completion] = backend_for_version(debater.model_version).generate(
                [prompt], params, on_delta=relay
            )
            text = completion.text
        except BackendError as exc:
            text = f"(The debater could not speak: {exc})"
        relay.flush()
        turn_record(debate_id=debate.pk, debater_id=debater.pk, round_=round_, text=text)


@transaction.atomic
def turn_record(*, debate_id: int, debater_id: int, round_: int, text: str) -> Turn | None:
    """Store one speech (once), its signal, and tell watchers; None if it was already stored."""
    debate = Debate.objects.select_for_update().select_related("question").get(pk=debate_id)
    debater = Debater.objects.select_related("model_version").get(pk=debater_id, debate=debate)
    if Turn.objects.filter(debate=debate, round=round_, debater=debater).exists():
        return None
    text = _words_limited(text, debate.word_limit)
    position = debate.turns.count()
    turn = Turn.objects.create(
        debate=debate,
        position=position,
        round=round_,
        kind=TurnKind.SPEECH,
        debater=debater,
        speaker_name=f"Debater {debater.slot}",
        text=text,
        quotes=quotes_check(text, passage=debate.question.passage),
        model_version=debater.model_version,
        prompt_version=debate.prompt_version if debater.model_version else None,
    )
    source: dict[str, Any] = (
        {"source_model": debater.model_version}
        if debater.model_version
        else {"source_user": debater.user}
    )
    signal_record(
        kind=SignalKind.DEBATE_TURN,
        item_type="debates.turn",
        item_id=turn.pk,
        payload={"speaker": f"Debater {debater.slot}", "round": round_, "text": text},
        idempotency_key=f"debates.turn:{debate.pk}:{round_}:{debater.slot}",
        **source,
    )
    event_send(_group(debate.pk), "debate.turn.completed", {"debate": debate.pk, "turn": turn.pk})
    if speaker_next(debate=debate) is None:
        debate.status = DebateStatus.READY
        debate.save(update_fields=["status"])
        event_send(_group(debate.pk), "debate.ready", {"debate": debate.pk})
        _debate_continue(debate)  # queues AI judging
    elif debater.model_version is None:
        # A person spoke and an AI may be next; AI speeches are followed by the running task.
        _debate_continue(debate)
    return turn


@transaction.atomic
def _debate_mark_ready(*, debate_id: int) -> None:
    debate = Debate.objects.select_for_update().get(pk=debate_id)
    if debate.status != DebateStatus.READY:
        debate.status = DebateStatus.READY
        debate.save(update_fields=["status"])
        event_send(_group(debate.pk), "debate.ready", {"debate": debate.pk})
        _debate_continue(debate)


@transaction.atomic
def turn_submit(*, debate: Debate, user: User, text: str) -> Turn:
    """A human debater's speech, accepted only when it is their turn and within the limit."""
    # The debate row serialises this check with the AI task's writes.
    debate = Debate.objects.select_for_update().get(pk=debate.pk)
    speaker = speaker_next(debate=debate)
    if speaker is None or speaker[1].user_id != user.pk:
        raise ValidationError({"text": "It is not your turn to speak in this debate."})
    if len(text.split()) > debate.word_limit:
        raise ValidationError({"text": f"Keep to {debate.word_limit} words."})
    if not text.strip():
        raise ValidationError({"text": "Write your argument."})
    turn = turn_record(debate_id=debate.pk, debater_id=speaker[1].pk, round_=speaker[0], text=text)
    if turn is None:
        raise ValidationError({"text": "This speech was already written."})
    return turn


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
    event_send(_group(debate.pk), "debate.round.added", {"debate": debate.pk})
    _debate_continue(debate)
    return debate


@transaction.atomic
def assignment_next(*, user: User) -> Assignment | None:
    """The judge's open assignment, or a new one by the assignment rule; None when none is left."""
    current = Assignment.objects.filter(
        judge=user, status=AssignmentStatus.OPEN, created_at__gte=open_cutoff()
    ).first()
    if current is not None:
        return current
    for debate in debates_open_to(user=user)[:20]:
        # Lock the debate so two judges racing for its last place cannot both get it.
        locked = Debate.objects.select_for_update(skip_locked=True).filter(pk=debate.pk).first()
        if locked is None:
            continue
        if locked.assignments.filter(holds_a_place()).count() >= locked.judges_wanted:
            continue
        try:
            with transaction.atomic():
                return Assignment.objects.create(
                    debate=locked, judge=user, question_id=locked.question_id
                )
        except IntegrityError:
            continue
    return None


@transaction.atomic
def assignment_skip(*, assignment: Assignment, reason: str) -> Assignment:
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if not reason.strip():
        raise ValidationError({"reason": "Say why you skip this debate."})
    if locked.status != AssignmentStatus.OPEN:
        raise ValidationError({"reason": "This assignment is already finished."})
    locked.status = AssignmentStatus.SKIPPED
    locked.skip_reason = reason.strip()
    locked.save(update_fields=["status", "skip_reason"])
    return locked


def _probabilities_check(probabilities: list[float], options: int) -> None:
    if len(probabilities) != options:
        raise ValidationError({"probabilities": f"Give one probability per answer ({options})."})
    if any(p < MIN_PROBABILITY - 1e-9 or p > 1 - MIN_PROBABILITY + 1e-9 for p in probabilities):
        raise ValidationError({"probabilities": "Each probability must be between 1% and 99%."})
    if abs(sum(probabilities) - 1.0) > 1e-6:
        raise ValidationError({"probabilities": "Probabilities must add up to 1."})


@transaction.atomic
def judgement_commit(
    *, assignment: Assignment, probabilities: list[float], rationale: str = ""
) -> Judgement:
    """Commit a human judge's verdict; only then may they learn the truth (sent to them alone).

    Committing the same verdict again returns the stored one; a different one is refused.
    """
    locked = (
        Assignment.objects.select_for_update()
        .select_related("debate__question")
        .get(pk=assignment.pk)
    )
    debate = locked.debate
    if locked.status == AssignmentStatus.COMMITTED:
        stored = Judgement.objects.get(debate=debate, judge_id=locked.judge_id)
        if stored.probabilities == probabilities and stored.rationale == rationale:
            return stored
        raise ValidationError({"probabilities": "You already committed a different verdict."})
    if locked.status != AssignmentStatus.OPEN:
        raise ValidationError({"detail": "You skipped this debate."})
    if locked.created_at < open_cutoff() and not _place_free(locked):
        # The expired assignment's place went to another judge: a verdict now would be k+1.
        raise ValidationError(
            {"detail": "Your assignment of this debate expired and other judges took it."}
        )
    if (
        debate.protocol != Protocol.BASELINE
        and not debate.turns.filter(kind=TurnKind.SPEECH).exists()
    ):
        raise ValidationError({"detail": "Wait for the first speech before judging."})
    _probabilities_check(probabilities, len(debate.question.options))
    judgement = _judgement_store(
        debate=debate,
        probabilities=probabilities,
        rationale=rationale,
        source={"source_user": locked.judge},
        fields={"kind": JudgeKind.HUMAN, "judge": locked.judge},
    )
    locked.status = AssignmentStatus.COMMITTED
    locked.save(update_fields=["status"])
    event_send(
        f"user:{locked.judge_id}",
        "debate.judgement.committed",
        {
            "debate": debate.pk,
            "assignment": locked.pk,
            "correct_index": debate.question.correct_index,
            "correct": judgement.correct,
            "score": judgement.score,
        },
    )
    return judgement


def _place_free(assignment: Assignment) -> bool:
    """Whether the debate, locked as assignment_next locks it, still has a place for the holder
    of an expired assignment."""
    debate = Debate.objects.select_for_update().get(pk=assignment.debate_id)
    others = debate.assignments.exclude(pk=assignment.pk).filter(holds_a_place()).count()
    return others < debate.judges_wanted


def _judgement_store(
    *,
    debate: Debate,
    probabilities: list[float],
    rationale: str,
    source: dict[str, Any],
    fields: dict[str, Any],
    option_scores: list[dict[str, object]] | None = None,
) -> Judgement:
    """The judgement and its signal (the loop turns it into pairs: debates/loop_inputs.py)."""
    correct_index = debate.question.correct_index
    judgement = Judgement.objects.create(
        debate=debate,
        probabilities=probabilities,
        rationale=rationale,
        rounds_seen=debate.turns.filter(kind=TurnKind.SPEECH).values("round").distinct().count(),
        correct=probabilities[correct_index] > 0.5,
        score=log_score(probabilities, correct_index),
        # The AI judge reads every debate with the current judge prompt (judge_prompt).
        prompt_version=CURRENT_PROMPT_VERSION if fields["kind"] == JudgeKind.AI else None,
        **fields,
    )
    signal_record(
        kind=SignalKind.JUDGEMENT,
        item_type="debates.debate",
        item_id=debate.pk,
        payload={"probabilities": probabilities, "rationale": rationale}
        | ({"option_scores": option_scores} if option_scores else {}),
        idempotency_key=f"debates.judgement:{debate.pk}",
        **source,
    )
    return judgement


def judge_prompt(debate: Debate) -> str:
    """What the AI judge reads; each answer's letter is scored as its continuation."""
    prompts = PROMPT_VERSIONS[CURRENT_PROMPT_VERSION]
    question = debate.question
    options = "\n".join(f"{option_letter(i)}: {o}" for i, o in enumerate(question.options))
    return prompts.judge.format(
        question=question.text,
        options=options,
        transcript=_transcript(debate, before_round=None) or "(no arguments: answer alone)",
    )


def ai_judgements_queue(*, origin: str | None = None, limit: int | None = None) -> int:
    """Queue the published judge version on finished debates it has not judged; returns how
    many. Native debates are queued when they finish; this catches up imported ones."""
    from annotation.debates.tasks import ai_judgements_run_task

    version = serving_version(line="judge")
    if version is None:
        return 0
    debates = Debate.objects.filter(status=DebateStatus.READY).exclude(
        judgements__model_version=version
    )
    if origin:
        debates = debates.filter(origin=origin)
    ids = list(debates.order_by("pk").values_list("pk", flat=True)[:limit])
    for debate_id in ids:
        transaction.on_commit(
            partial(ai_judgements_run_task.apply_async, (debate_id,), queue="gpu")
        )
    return len(ids)


def ai_judgements_run(*, debate_id: int) -> Judgement | None:
    """The published judge version judges a finished debate once (idempotent).

    Its probabilities are its verdict over the answers' letters (llm.services.options_score),
    stored with the option scores. A debate the model cannot score stays unjudged, and
    `debates_ai_judge` queues it again.
    """
    from llm.backends.base import BackendError
    from llm.services import options_score

    debate = Debate.objects.select_related("question").filter(pk=debate_id).first()
    version = serving_version(line="judge")
    if debate is None or version is None or debate.status != DebateStatus.READY:
        return None
    if Judgement.objects.filter(debate=debate, model_version=version).exists():
        return None
    letters = [option_letter(i) for i in range(len(debate.question.options))]
    try:
        [verdict] = options_score(
            version=version, prompts=[judge_prompt(debate)], options=[f" {x}" for x in letters]
        )
    except BackendError:
        return None
    probabilities = verdict.probabilities
    return _ai_judgement_store(
        debate_id=debate.pk,
        version=version,
        probabilities=probabilities,
        option_scores=verdict.record(),
        rationale="Scored each answer's letter: "
        + ", ".join(f"{x} {p:.2f}" for x, p in zip(letters, probabilities, strict=True))
        + ".",
    )


@transaction.atomic
def _ai_judgement_store(
    *,
    debate_id: int,
    version: ModelVersion,
    probabilities: list[float],
    option_scores: list[dict[str, object]],
    rationale: str,
) -> Judgement | None:
    debate = Debate.objects.select_for_update().select_related("question").get(pk=debate_id)
    if Judgement.objects.filter(debate=debate, model_version=version).exists():
        return None
    return _judgement_store(
        debate=debate,
        probabilities=probabilities,
        rationale=rationale,
        source={"source_model": version},
        fields={"kind": JudgeKind.AI, "model_version": version},
        option_scores=option_scores,
    )
