"""What principle voting counts for quotas per rater group (diversity.scopes): per voting
round, the people who voted in it. A voter counts once however many proposals they vote on:
a round's outcome weighs people, and a voter stopped half-way would skew it."""

from collections.abc import Mapping
from typing import Any

from annotation.principles.models import Vote, VotingRound
from config.errors import StateConflict
from diversity.quotas import quota_routing
from diversity.scopes import QuotaScope


def round_units(round_id: int) -> Mapping[int, int]:
    voters = (
        Vote.objects.filter(proposal__round_id=round_id, voter_user__isnull=False)
        .values_list("voter_user_id", flat=True)
        .distinct()
    )
    return {user_id: 1 for user_id in voters}


def _may_manage(user: Any) -> bool:
    return bool(user.has_perm("principles.manage_votinground"))


ROUND_QUOTAS = QuotaScope(
    unit="voters",
    exists=lambda pk: VotingRound.objects.filter(pk=pk).exists(),
    may_manage=_may_manage,
    # A round has no planned number of voters: shares need the plan's own total.
    capacity=lambda _pk: None,
    units=round_units,
)


def voter_admitted_check(*, voting_round: VotingRound, user: Any) -> None:
    """Refuse a person's first vote in a round whose quota for one of their groups is met;
    someone who already voted there goes on (they are counted already). Called under the
    round's lock (services.votes.vote_cast), which the plan's lock joins."""
    quotas = quota_routing(
        activity="principles", user=user, object_ids=[voting_round.pk], lock=True
    )
    if voting_round.pk not in quotas.blocked:
        return
    if not Vote.objects.filter(proposal__round=voting_round, voter_user=user).exists():
        raise StateConflict(
            "This round has as many voters from your background group as it asked for."
        )
