"""The groups of raters a pluralistic study compares, and the pooled group of all of them."""

from collections import defaultdict

from django.db.models import Q

from accounts.models import RaterProfile
from annotation.principles.models import VotingRound
from annotation.studies.kinds.pluralistic.params import PluralisticParams
from annotation.studies.models import Study

POOLED = "pooled"


def rater_groups(params: PluralisticParams) -> dict[str, list[str]]:
    """Group name -> its members' rater keys (user:<id>), the largest group first.

    Opinion groups are the round's stored outcome, so they never change; background groups are
    read from the profiles of raters who consented, blank values left out.
    """
    members: dict[str, list[str]] = defaultdict(list)
    if params.groups_from == "opinion_groups":
        assert params.round is not None  # checked with the parameters
        voting_round = VotingRound.objects.get(pk=params.round)
        for voter in voting_round.outcome.get("groups", {}).get("voters", []):
            if voter["group"] is not None:
                members[f"group {voter['group']}"].append(f"user:{voter['user']}")
    else:
        profiles = RaterProfile.objects.filter(consent_given=True).exclude(
            Q((params.background, ""))
        )
        for user_id, value in profiles.values_list("user_id", params.background):
            members[f"{params.background}:{value}"].append(f"user:{user_id}")
    return dict(sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def model_names(study: Study) -> list[str]:
    """The groups that got a model, largest first, then the pooled one."""
    return [n for n in [*study.state["groups"], POOLED] if f"version {n}" in study.state]
