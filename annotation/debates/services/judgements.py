"""Judgements: a person's verdict committed on their assignment, and storing any verdict with
its signal. Only after committing does a judge learn the truth, sent to them alone."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.debates.models import (
    Assignment,
    AssignmentStatus,
    Debate,
    JudgeKind,
    Judgement,
    Protocol,
    TurnKind,
)
from annotation.debates.prompts import CURRENT_PROMPT_VERSION
from annotation.debates.scoring import MIN_PROBABILITY, log_score
from annotation.debates.selectors import holds_a_place, open_cutoff
from realtime.events import event_send
from signalpool.kinds import SignalKind
from signalpool.services import signal_record
from trust.services import submission_timing_record


def _probabilities_check(probabilities: list[float], options: int) -> None:
    if len(probabilities) != options:
        raise ValidationError({"probabilities": f"Give one probability per answer ({options})."})
    if any(p < MIN_PROBABILITY - 1e-9 or p > 1 - MIN_PROBABILITY + 1e-9 for p in probabilities):
        raise ValidationError({"probabilities": "Each probability must be between 1% and 99%."})
    if abs(sum(probabilities) - 1.0) > 1e-6:
        raise ValidationError({"probabilities": "Probabilities must add up to 1."})


@transaction.atomic
def judgement_commit(
    *,
    assignment: Assignment,
    probabilities: list[float],
    rationale: str = "",
    dwell_ms: int | None = None,
) -> Judgement:
    """Commit a human judge's verdict; only then may they learn the truth (sent to them alone).

    Committing the same verdict again returns the stored one; a different one is refused.
    `dwell_ms`, how long the judge had the debate in view, is stored with the signal
    (trust.services.submission_timing_record).
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
    judgement = judgement_store(
        debate=debate,
        probabilities=probabilities,
        rationale=rationale,
        source={"source_user": locked.judge},
        fields={"kind": JudgeKind.HUMAN, "judge": locked.judge},
        dwell_ms=dwell_ms,
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


def judgement_store(
    *,
    debate: Debate,
    probabilities: list[float],
    rationale: str,
    source: dict[str, Any],
    fields: dict[str, Any],
    option_scores: list[dict[str, object]] | None = None,
    dwell_ms: int | None = None,
) -> Judgement:
    """The judgement and its signal (the loop turns it into pairs: debates/loop_inputs.py),
    with a person's dwell time stored with the signal."""
    correct_index = debate.question.correct_index
    judgement = Judgement.objects.create(
        debate=debate,
        probabilities=probabilities,
        rationale=rationale,
        rounds_seen=debate.turns.filter(kind=TurnKind.SPEECH).values("round").distinct().count(),
        correct=probabilities[correct_index] > 0.5,
        score=log_score(probabilities, correct_index),
        # The AI judge reads every debate with the current judge prompt (transcripts.judge_prompt).
        prompt_version=CURRENT_PROMPT_VERSION if fields["kind"] == JudgeKind.AI else None,
        **fields,
    )
    signal, _ = signal_record(
        kind=SignalKind.JUDGEMENT,
        item_type="debates.debate",
        item_id=debate.pk,
        payload={"probabilities": probabilities, "rationale": rationale}
        | ({"option_scores": option_scores} if option_scores else {}),
        idempotency_key=f"debates.judgement:{debate.pk}",
        **source,
    )
    if "source_user" in source:
        submission_timing_record(
            signal=signal, user=source["source_user"], activity="debates", dwell_ms=dwell_ms
        )
    return judgement
