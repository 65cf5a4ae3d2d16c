"""Which response a rater gets next (k raters per item, gold items mixed in, backgrounds
spread, quotas per rater group kept), and skipping one."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from annotation.hazards.models import (
    ASSIGNMENT_TTL,
    Assignment,
    Campaign,
    Response,
)
from annotation.hazards.selectors.work import responses_open_to
from diversity.quotas import quota_routing

# Every GOLD_EVERY-th item a rater gets is a gold item they have not seen, while any are left.
GOLD_EVERY = 5


def open_cutoff() -> Any:
    """Open assignments created before this have expired and hold no slot."""
    return timezone.now() - ASSIGNMENT_TTL


def _background(user: User) -> set[str]:
    from accounts.models import RaterProfile

    profile = RaterProfile.objects.filter(user=user, consent_given=True).first()
    if profile is None:
        return set()
    marks = {f"region:{profile.region}"} if profile.region else set()
    if profile.expertise:
        marks.add(f"expertise:{profile.expertise.lower()}")
    return marks


@transaction.atomic
def assignment_next(*, rater: User, campaign: Campaign | None = None) -> Response | None:
    """The next response for `rater` to label, reserved for them; None when nothing is left.

    A rater never gets a response twice. Each response goes to at most `labels_per_item`
    raters (open assignments count until they expire); among the least-labelled responses the
    ones whose raters share least of this rater's background (region, expertise) come first.
    Every GOLD_EVERY-th item is a gold item the rater has not seen, and so is every item
    once nothing else is left. Candidates come from selectors.work.responses_open_to, which
    the rater home counts.
    """
    mine = Assignment.objects.filter(rater=rater)
    current = (
        mine.filter(state=Assignment.State.OPEN, created_at__gte=open_cutoff())
        .filter(Q(response__prompt__campaign=campaign) if campaign else Q())
        .select_related("response")
        .first()
    )
    if current is not None:
        return current.response
    # Locked plans: two raters of one group cannot both take the last place under its cap.
    quotas = quota_routing(
        activity="hazards",
        user=rater,
        object_ids=[campaign.pk] if campaign else None,
        lock=True,
    )
    done = mine.exclude(state=Assignment.State.OPEN).count()
    candidates = responses_open_to(rater=rater, campaign=campaign).exclude(
        prompt__campaign_id__in=quotas.blocked
    )
    if done % GOLD_EVERY == GOLD_EVERY - 1:
        gold = candidates.filter(gold_harmful__isnull=False).order_by("?").first()
        if gold is not None:
            return _assign(gold, rater)
    pool = (
        candidates.filter(gold_harmful__isnull=True)
        .annotate(taken=F("slots_taken"))
        .select_related("prompt__campaign")
        .order_by(*quotas.preferred_first("prompt__campaign_id"), "taken", "id")
    )
    background = _background(rater)
    shortlist = list(pool[:200])
    if background and shortlist:
        from accounts.models import RaterProfile

        raters_of: dict[int, list[int]] = {}
        for response_id, user_id in Assignment.objects.filter(response__in=shortlist).values_list(
            "response_id", "rater_id"
        ):
            raters_of.setdefault(response_id, []).append(user_id)
        profiles = {
            p.user_id: p
            for p in RaterProfile.objects.filter(
                user_id__in={u for us in raters_of.values() for u in us}, consent_given=True
            )
        }

        def overlap(response: Response) -> int:
            shared = 0
            for user_id in raters_of.get(response.pk, []):
                profile = profiles.get(user_id)
                if profile is not None:
                    marks = {f"region:{profile.region}", f"expertise:{profile.expertise.lower()}"}
                    shared += len(background & marks)
            return shared

        wanted = {r.pk: -quotas.preference.get(r.prompt.campaign_id, 0) for r in shortlist}
        shortlist.sort(key=lambda r: (wanted[r.pk], r.taken, overlap(r), r.pk))
    for response in shortlist:
        # Re-count under the row lock: another rater may have taken the last slot meanwhile.
        locked = Response.objects.select_for_update().get(pk=response.pk)
        slots = (
            Assignment.objects.filter(response=locked)
            .filter(
                Q(state=Assignment.State.LABELLED)
                | Q(state=Assignment.State.OPEN, created_at__gte=open_cutoff())
            )
            .count()
        )
        if slots < response.prompt.campaign.labels_per_item:
            return _assign(locked, rater)
    # Nothing unlabelled is left: the gold items the rater has not seen are still work (they
    # measure the rater), and the rater home counts them.
    gold = candidates.filter(gold_harmful__isnull=False).order_by("?").first()
    return _assign(gold, rater) if gold is not None else None


def slot_free(response: Response, *, besides: Assignment) -> bool:
    """Whether the response, locked here as assignment_next locks it, has a slot left for the
    holder of `besides` (labelled and unexpired open assignments of others take slots)."""
    locked = Response.objects.select_for_update().select_related("prompt__campaign")
    response = locked.get(pk=response.pk)
    taken = (
        Assignment.objects.filter(response=response)
        .exclude(pk=besides.pk)
        .filter(
            Q(state=Assignment.State.LABELLED)
            | Q(state=Assignment.State.OPEN, created_at__gte=open_cutoff())
        )
        .count()
    )
    return taken < response.prompt.campaign.labels_per_item


def _assign(response: Response, rater: User) -> Response:
    Assignment.objects.get_or_create(response=response, rater=rater)
    return response


def assignment_held(rater: User, response: Response) -> Assignment:
    """The rater's assignment of the response, locked; refused when there is none."""
    assignment = (
        Assignment.objects.select_for_update().filter(response=response, rater=rater).first()
    )
    if assignment is None:
        raise ValidationError({"response": "This item was not assigned to you."})
    return assignment


@transaction.atomic
def assignment_skip(*, rater: User, response: Response, reason: str) -> Assignment:
    assignment = assignment_held(rater, response)
    if assignment.state == Assignment.State.LABELLED:
        raise ValidationError({"response": "You already labelled this item."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why you skip this item."})
    assignment.state = Assignment.State.SKIPPED
    assignment.skip_reason = reason.strip()
    assignment.save(update_fields=["state", "skip_reason", "updated_at"])
    return assignment
