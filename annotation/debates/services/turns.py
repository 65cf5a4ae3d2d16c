"""Speeches: AI debaters' written (and streamed to watchers) by the gpu worker, and people's."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.debates.models import Debate, Debater, DebateStatus, Turn, TurnKind
from annotation.debates.quotes import quotes_check
from annotation.debates.selectors import speaker_next
from annotation.debates.services.debates import debate_continue, debate_group, debate_ready_mark
from annotation.debates.transcripts import debater_prompt
from llm.text import storable
from realtime.events import event_send, event_send_now
from realtime.relay import DeltaRelay
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


def _words_limited(text: str, limit: int) -> str:
    """The text cleaned for storage (llm.text) and cut to `limit` words."""
    text = storable(text)
    words = text.split()
    return text.strip() if len(words) <= limit else " ".join(words[:limit])


def debate_turns_run(*, debate_id: int) -> None:
    """Write every AI speech that is due, one after another (idempotent).

    Nothing partial is stored: a speech is saved whole once generated, and the unique
    (debate, round, debater) constraint turns a redelivered task's duplicate into a no-op.
    Stops at a human debater's turn; their submission queues this again.
    """
    while True:
        debate = Debate.objects.select_related("question").filter(pk=debate_id).first()
        if debate is None or debate.status == DebateStatus.READY:
            return
        speaker = speaker_next(debate=debate)
        if speaker is None:
            _debate_ready_once(debate_id=debate_id)
            return
        round_, debater = speaker
        if debater.model_version is None:
            return
        text = _speech_generate(debate, debater, round_)
        turn_record(debate_id=debate.pk, debater_id=debater.pk, round_=round_, text=text)


def _speech_generate(debate: Debate, debater: Debater, round_: int) -> str:
    """The debater's model writes its speech, streamed to the debate's watchers as it comes."""
    from llm.backends.base import BackendError, GenerationParams
    from llm.services import backend_for_version

    assert debater.model_version is not None
    group = debate_group(debate.pk)
    place = {"debate": debate.pk, "round": round_, "slot": debater.slot}
    relay = DeltaRelay(group, "debate.turn.delta", lambda _index: place)
    event_send_now(group, "debate.turn.started", place)
    # Words are ~1.3 tokens; the text is cut to the word limit afterwards.
    params = GenerationParams(max_new_tokens=min(int(debate.word_limit * 1.4) + 8, 1024))
    try:
        [completion] = backend_for_version(debater.model_version).generate(
            [debater_prompt(debate, debater, round_)], params, on_delta=relay
        )
        text = completion.text
    except BackendError as exc:
        text = f"(The debater could not speak: {exc})"
    relay.flush()
    return text


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
    event_send(
        debate_group(debate.pk), "debate.turn.completed", {"debate": debate.pk, "turn": turn.pk}
    )
    if speaker_next(debate=debate) is None:
        debate_ready_mark(debate=debate)  # queues AI judging
    elif debater.model_version is None:
        # A person spoke and an AI may be next; AI speeches are followed by the running task.
        debate_continue(debate=debate)
    return turn


@transaction.atomic
def _debate_ready_once(*, debate_id: int) -> None:
    debate = Debate.objects.select_for_update().get(pk=debate_id)
    if debate.status != DebateStatus.READY:
        debate_ready_mark(debate=debate)


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
