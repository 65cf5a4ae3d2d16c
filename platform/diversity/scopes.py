"""What an activity tells the quota module about the objects it hands out work for.

An activity gives one `QuotaScope` per kind of object it groups work by (hazards: campaigns,
debates: question sets, principles: voting rounds) through
`activities.interface.Activity.quota_scopes`, keyed by the name plans are stored under.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from activities.installed import contributions_merged


@dataclass(frozen=True)
class QuotaScope:
    # What one submission is, for people reading the fill ("labels", "judgements", "voters").
    unit: str
    # Whether the object exists.
    exists: Callable[[int], bool]
    # Who may set the object's quotas and read its fill.
    may_manage: Callable[[Any], bool]
    # The submissions the object is planned to take, when the activity knows it (shares are of
    # this); None for open-ended objects such as voting rounds.
    capacity: Callable[[int], int | None]
    # User id -> submissions made or reserved (an unexpired open assignment holds its place,
    # so a group cannot be handed more than its cap by raters who have not yet answered).
    units: Callable[[int], Mapping[int, int]]


def quota_scopes() -> dict[str, QuotaScope]:
    return contributions_merged("Quota scope", lambda activity: activity.quota_scopes())


def quota_scope(activity: str) -> QuotaScope:
    scope = quota_scopes().get(activity)
    if scope is None:
        raise ValidationError({"activity": f"No activity takes quotas under {activity!r}."})
    return scope
