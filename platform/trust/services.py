"""Writes: a submission's dwell time with its signal, and the periodic trust computation."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.utils import timezone

from activities.installed import activities_installed
from signalpool.models import Signal
from trust.components import TrustComponents, trust_score
from trust.models import RaterTrust, SubmissionTiming


def submission_timing_record(
    *, signal: Signal, user: User, activity: str, dwell_ms: int | None
) -> SubmissionTiming | None:
    """Store how long `user` had the item in view before submitting `signal`, flagged when
    faster than the floor of its kind (settings.RATER_MIN_DWELL_MS). A flag, not a refusal:
    people do read fast sometimes, and the trust score weighs how often. Nothing is stored
    without a dwell (a script through the API).

    Called in the submission's transaction. A retried submission returns its signal again:
    the first timing stays (the retry's dwell measures the retry, not the reading).
    """
    if dwell_ms is None:
        return None
    floor_ms = settings.RATER_MIN_DWELL_MS.get(signal.kind, 0)
    timing, _ = SubmissionTiming.objects.get_or_create(
        signal=signal,
        defaults={
            "user": user,
            "activity": activity,
            "kind": signal.kind,
            "dwell_ms": dwell_ms,
            "floor_ms": floor_ms,
            "too_fast": dwell_ms < floor_ms,
        },
    )
    return timing


def _speed(activity: str) -> dict[int, tuple[int, int]]:
    """User id -> (timed submissions, too fast ones) in the activity."""
    rows = (
        SubmissionTiming.objects.filter(activity=activity)
        .values("user_id")
        .annotate(timed=Count("pk"), fast=Count("pk", filter=Q(too_fast=True)))
    )
    return {row["user_id"]: (row["timed"], row["fast"]) for row in rows}


def _latest(activity: str) -> dict[int, RaterTrust]:
    rows = RaterTrust.objects.filter(activity=activity).order_by("user_id", "-computed_at")
    return {row.user_id: row for row in rows.distinct("user_id")}


def _rounded(value: float | None) -> float | None:
    """Six places: a last-bit wobble of an estimate (Dawid-Skene) is not a new figure."""
    return None if value is None else round(value, 6)


_COMPARED = (
    "score",
    "gold_accuracy",
    "gold_items",
    "agreement",
    "agreement_items",
    "fast_share",
    "timed_submissions",
    "fast_submissions",
)


def trust_compute() -> int:
    """Compute every rater's trust in every activity that measures its raters; store a row
    where the figures changed since the rater's latest one. Returns how many were stored.

    Runs in a periodic task (trust.tasks), never in a request: Dawid-Skene over every label
    is the slow part, so it reads outside any transaction and writes once, in one statement.
    Idempotent: a second run over the same data stores nothing.
    """
    now = timezone.now()
    stored: list[RaterTrust] = []
    for activity in activities_installed():
        provider = activity.trust_components_provider()
        if provider is None:
            continue
        measured: dict[int, TrustComponents] = defaultdict(TrustComponents, provider())
        speed = _speed(activity.name)
        latest = _latest(activity.name)
        for user_id in sorted(set(measured) | set(speed)):
            components = measured[user_id]
            timed, fast = speed.get(user_id, (0, 0))
            fast_share = _rounded(fast / timed if timed else None)
            row = RaterTrust(
                user_id=user_id,
                activity=activity.name,
                score=round(
                    trust_score(
                        gold_accuracy=components.gold_accuracy,
                        agreement=components.agreement,
                        fast_share=fast_share,
                    ),
                    6,
                ),
                gold_accuracy=_rounded(components.gold_accuracy),
                gold_items=components.gold_items,
                agreement=_rounded(components.agreement),
                agreement_items=components.agreement_items,
                fast_share=fast_share,
                timed_submissions=timed,
                fast_submissions=fast,
                computed_at=now,
            )
            before = latest.get(user_id)
            if before is None or any(
                getattr(before, name) != getattr(row, name) for name in _COMPARED
            ):
                stored.append(row)
    RaterTrust.objects.bulk_create(stored)
    return len(stored)
