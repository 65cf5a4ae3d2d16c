"""Comments on proposals, recorded as signals with the constitution version in force."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.principles.models import Comment, Proposal, VotingRound
from annotation.principles.selectors import constitution_current_number
from annotation.principles.services.proposals import PROPOSAL_ITEM
from annotation.principles.services.rounds import round_accepting_check
from signalpool.kinds import SignalKind
from signalpool.services import signal_record
from trust.services import submission_timing_record


@transaction.atomic
def comment_add(
    *, proposal: Proposal, user: User, text: str, dwell_ms: int | None = None
) -> Comment:
    """A person's comment and its signal, with how long they had the proposal in view."""
    round_accepting_check(
        voting_round=VotingRound.objects.select_for_update().get(pk=proposal.round_id)
    )
    if not text.strip():
        raise ValidationError({"text": "A comment cannot be empty."})
    comment = Comment.objects.create(proposal=proposal, author=user, text=text)
    signal, _ = signal_record(
        kind=SignalKind.COMMENT,
        item_type=PROPOSAL_ITEM,
        item_id=proposal.pk,
        payload={"text": text},
        idempotency_key=f"principles.comment:{comment.pk}",
        source_user=user,
        constitution_version=constitution_current_number(),
    )
    submission_timing_record(signal=signal, user=user, activity="principles", dwell_ms=dwell_ms)
    return comment
