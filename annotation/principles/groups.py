"""Support per rater group in a closed round (diversity.results): for each proposal, the share
of the group's agree votes among its agree and disagree votes (a pass takes no side)."""

from typing import Any

from annotation.principles.models import Choice, Vote, VotingRound
from annotation.proportions import wilson_interval
from diversity.models import GroupField
from diversity.results import Observation, group_results


def round_support_by_group(*, voting_round: VotingRound, field: GroupField) -> dict[str, Any]:
    votes = (
        Vote.objects.filter(proposal__round=voting_round, voter_user__isnull=False)
        .exclude(choice=Choice.PASS)
        .order_by("proposal_id")
        .values_list("proposal_id", "voter_user_id", "choice")
    )
    measures: dict[str, list[Observation]] = {}
    for proposal_id, user_id, choice in votes:
        measures.setdefault(f"proposal {proposal_id}", []).append((user_id, choice == Choice.AGREE))
    return group_results(field=field, measures=measures, interval=wilson_interval)
