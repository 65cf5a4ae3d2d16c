"""Votes on proposals, by people and by the published judge model, each recorded as a signal
with the constitution version in force."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.principles.models import Choice, Proposal, Vote, VotingRound
from annotation.principles.quotas import voter_admitted_check
from annotation.principles.selectors import constitution_current_number, proposal_tally
from annotation.principles.services.proposals import PROPOSAL_ITEM
from annotation.principles.services.rounds import round_accepting_check, tally_group
from realtime.events import event_send
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from signalpool.services import signal_record
from trust.services import submission_timing_record


@transaction.atomic
def vote_cast(
    *,
    proposal: Proposal,
    choice: str,
    user: User | None = None,
    model: ModelVersion | None = None,
    option_scores: list[dict[str, object]] | None = None,
    dwell_ms: int | None = None,
) -> Vote:
    """One vote per voter per proposal; casting again changes it until the round closes.

    An AI voter passes the scores it chose by (proposer.ai_votes_cast); the signal keeps them.
    A person's `dwell_ms` (how long the proposal was in view) is stored with the signal.
    """
    if (user is None) == (model is None):
        raise ValidationError({"voter": "Give exactly one voter: a person or a model version."})
    if choice not in Choice.values:
        raise ValidationError({"choice": f"Choose one of {', '.join(Choice.values)}."})
    # Locking the round serialises votes against its closing, so no vote lands after the tally.
    voting_round = VotingRound.objects.select_for_update().get(pk=proposal.round_id)
    round_accepting_check(voting_round=voting_round)
    if user is not None:
        voter_admitted_check(voting_round=voting_round, user=user)
    voter: dict[str, Any] = {"voter_user": user} if user else {"voter_model": model}
    vote = Vote.objects.select_for_update().filter(proposal=proposal, **voter).first()
    if vote is not None and vote.choice == choice:
        return vote
    previous: Signal | None = None
    if vote is None:
        vote = Vote.objects.create(proposal=proposal, choice=choice, **voter)
    else:
        previous = Signal.objects.filter(
            idempotency_key=f"principles.vote:{proposal.pk}:{vote.revision}",
            source_user=user,
            source_model=model,
        ).first()
        vote.choice = choice
        vote.revision += 1
        vote.save(update_fields=["choice", "revision", "updated_at"])
    signal, _ = signal_record(
        kind=SignalKind.VOTE,
        item_type=PROPOSAL_ITEM,
        item_id=proposal.pk,
        payload={"choice": choice} | ({"option_scores": option_scores} if option_scores else {}),
        idempotency_key=f"principles.vote:{proposal.pk}:{vote.revision}",
        source_user=user,
        source_model=model,
        constitution_version=constitution_current_number(),
        corrects=previous,
    )
    if user is not None:
        submission_timing_record(signal=signal, user=user, activity="principles", dwell_ms=dwell_ms)
    event_send(
        tally_group(proposal),
        "round.tally",
        {
            "round": proposal.round_id,
            "proposal": proposal.pk,
            **proposal_tally(proposal_id=proposal.pk),
        },
    )
    return vote


def ai_votes_request(*, voting_round: VotingRound) -> None:
    """Ask the published judge model to vote on the round's proposals (on the gpu queue)."""
    from annotation.principles.tasks import ai_votes_cast_task

    round_accepting_check(voting_round=voting_round)
    round_id = voting_round.pk
    transaction.on_commit(lambda: ai_votes_cast_task.delay(round_id))
