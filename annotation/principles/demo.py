"""Demo content for `make run`: constitution version 1 and an open round with a few proposals."""

import datetime as dt

from django.contrib.auth.models import User
from django.utils import timezone

from annotation.principles.models import ProposalAction, VotingRound
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_draft_request, proposal_submit
from annotation.principles.services.rounds import round_open
from registry.selectors import published_version

DEMO_ROUND = "Demo round: first amendments"


def principles_demo_load() -> None:
    """Idempotent: the round is created once, by title; proposals only with it."""
    constitution_seed()
    if VotingRound.objects.filter(title=DEMO_ROUND).exists():
        return
    researcher = User.objects.filter(username="researcher").first()
    rater = User.objects.filter(username="rater1").first()
    if researcher is None or rater is None:
        return
    now = timezone.now()
    voting_round = round_open(
        user=researcher,
        title=DEMO_ROUND,
        opens_at=now,
        closes_at=now + dt.timedelta(days=7),
        min_participants=2,
    )
    proposal_submit(
        voting_round=voting_round,
        action=ProposalAction.AMEND,
        principle_key="ai-respect-privacy",
        title="Respect for privacy",
        text="AI should collect, keep and reveal personal information only with informed "
        "consent, only as far as the task needs, and should forget it when asked.",
        audience="ai",
        rationale="People should be able to withdraw what they shared.",
        author_user=rater,
    )
    proposal_submit(
        voting_round=voting_round,
        action=ProposalAction.ADD,
        principle_key="explain-refusals",
        title="Explain refusals",
        text="When AI declines a request it should say why and suggest a safe alternative.",
        audience="ai",
        rationale="Unexplained refusals erode mutual trust.",
        author_user=researcher,
    )
    # The AI-authored proposal comes from the published proposer model on the gpu worker; the
    # untrained demo model writes random bytes, which raters should not be asked to vote on.
    proposer = published_version(line="proposer")
    if proposer is not None and not proposer.untrained_demo:
        proposal_draft_request(voting_round=voting_round)
