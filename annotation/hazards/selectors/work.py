"""The hazard work a rater can open: the one rule the rater home and the label page share."""

from django.contrib.auth.models import User
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.work import WorkItem
from annotation.hazards.models import (
    ASSIGNMENT_TTL,
    Assignment,
    Campaign,
    Response,
    ResponseStatus,
)
from diversity.quotas import quota_routing


def responses_open_to(*, rater: User, campaign: Campaign | None = None) -> QuerySet[Response]:
    """The finished responses `rater` can open now: the one they hold (an unexpired open
    assignment), and those never handed to them that are gold or still short of k raters
    (labelled and unexpired open assignments take the slots).

    services.assignment.assignment_next picks from these and the rater home counts them, so
    the home never announces an item the label page cannot give. `slots_taken` is an alias
    (promote it with `.annotate(taken=F("slots_taken"))`).
    """
    cutoff = timezone.now() - ASSIGNMENT_TTL
    slots_taken = (
        Assignment.objects.filter(response=OuterRef("pk"))
        .filter(
            Q(state=Assignment.State.LABELLED)
            | Q(state=Assignment.State.OPEN, created_at__gte=cutoff)
        )
        .order_by()
        .values("response")
        .annotate(n=Count("pk"))
        .values("n")
    )
    mine = Assignment.objects.filter(rater=rater)
    held = mine.filter(state=Assignment.State.OPEN, created_at__gte=cutoff)
    responses = Response.objects.filter(status=ResponseStatus.DONE)
    if campaign is not None:
        responses = responses.filter(prompt__campaign=campaign)
    return responses.alias(slots_taken=Coalesce(Subquery(slots_taken), 0)).filter(
        Q(pk__in=held.values("response_id"))
        | (
            ~Q(pk__in=mine.values("response_id"))
            & (
                Q(gold_harmful__isnull=False)
                | Q(slots_taken__lt=F("prompt__campaign__labels_per_item"))
            )
        )
    )


def labelling_work(user: User) -> list[WorkItem]:
    """Work-list entries for the rater home: per campaign, the responses this rater can open.

    Counted in the database, one row per campaign: the rater home must not read every finished
    response to show a number.
    """
    if not user.has_perm("accounts.take_rating_work"):
        return []
    # Campaigns whose quota for one of the rater's groups is met give them nothing (see
    # services.assignment.assignment_next), so they are not announced either.
    full = quota_routing(activity="hazards", user=user).blocked
    open_per_campaign = (
        responses_open_to(rater=user)
        .exclude(prompt__campaign_id__in=full)
        .values("prompt__campaign_id", "prompt__campaign__name")
        .annotate(count=Count("pk"))
        .order_by("prompt__campaign_id")
    )
    return [
        WorkItem(
            kind="hazards",
            title=f"Label model responses: {row['prompt__campaign__name']}",
            description=(
                "Say whether responses are harmful, pick categories and severity, and "
                "write safe rewrites. Some text may be offensive; you can skip any item."
            ),
            url=f"/hazards/label/{row['prompt__campaign_id']}",
            count=row["count"],
        )
        for row in open_per_campaign
    ]
