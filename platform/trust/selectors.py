"""Reads: the latest trust rows, and trust as a snapshot's recipe uses it."""

from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet

from activities.installed import activities_installed
from trust.models import RaterTrust, SubmissionTiming


def trust_latest(*, activity: str | None = None, user: User | None = None) -> QuerySet[RaterTrust]:
    """Each (rater, activity)'s latest row, lowest score first (the raters to look at)."""
    rows = RaterTrust.objects.all()
    if activity:
        rows = rows.filter(activity=activity)
    if user is not None:
        rows = rows.filter(user=user)
    latest = rows.order_by("user_id", "activity", "-computed_at").distinct("user_id", "activity")
    return (
        RaterTrust.objects.filter(pk__in=latest.values("pk"))
        .select_related("user")
        .order_by("score", "user__username", "activity")
    )


def trust_by_kind(until: str | None) -> dict[str, dict[str, float]]:
    """Signal kind -> rater key (Signal.rater, "user:12") -> trust, for recipes' `min_trust`
    and `weight_by_trust`: the trust in the activity that gives the kind, as the latest
    computation before `until` found it (so rebuilding a closed window gives the same rows).
    """
    rows = RaterTrust.objects.all()
    if until:
        rows = rows.filter(computed_at__lt=until)
    latest = rows.order_by("user_id", "activity", "-computed_at").distinct("user_id", "activity")
    by_activity: dict[str, dict[str, float]] = {}
    for row in latest:
        by_activity.setdefault(row.activity, {})[f"user:{row.user_id}"] = row.score
    return {
        conversion.kind: by_activity.get(activity.name, {})
        for activity in activities_installed()
        for conversion in activity.conversions()
    }


def trust_of_user_export(user: User) -> dict[str, Any]:
    """What the platform keeps of a person's reading times and trust (their export)."""
    return {
        "submission_timings": [
            {
                "signal": t.signal_id,
                "activity": t.activity,
                "kind": t.kind,
                "dwell_ms": t.dwell_ms,
                "floor_ms": t.floor_ms,
                "too_fast": t.too_fast,
                "created_at": t.created_at.isoformat(),
            }
            for t in SubmissionTiming.objects.filter(user=user).order_by("id").iterator()
        ],
        "scores": [
            {
                "activity": r.activity,
                "score": r.score,
                "gold_accuracy": r.gold_accuracy,
                "agreement": r.agreement,
                "fast_share": r.fast_share,
                "computed_at": r.computed_at.isoformat(),
            }
            for r in RaterTrust.objects.filter(user=user).order_by("activity", "computed_at")
        ],
    }
