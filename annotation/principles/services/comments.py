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


@transaction.atomic
def comment_add(*, proposal: Proposal, user: User, text: str) -> Comment:
    round_accepting_check(
        voting_round=VotingRound.objects.select_for_update().get(pk=proposal.round_id)
    )
    if not text.strip():
        raise ValidationError({"text": "A comment cannot be empty."})
    comment = Comment.objects.create(proposal=proposal, author=user, text=text)
    signal_record(
        kind=SignalKind.COMMENT,
        item_type=PROPOSAL_ITEM,
        item_id=proposal.pk,
        payload={"text": text},
        idempotency_key=f"principles.comment:{comment.pk}",
        source_user=user,
        constitution_version=constitution_current_number(),
    )
    return comment
