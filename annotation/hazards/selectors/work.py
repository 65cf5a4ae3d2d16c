"""The hazard work a rater's home lists."""

from django.contrib.auth.models import User
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.work import WorkItem
from annotation.hazards.models import ASSIGNMENT_TTL, Assignment, Response, ResponseStatus


def labelling_work(user: User) -> list[WorkItem]:
    """Work-list entries for the rater home: per campaign, the responses this rater could get
    (finished, not yet handed to them, still short of k labels, or gold).

    Counted in the database, one row per campaign: the rater home must not read every finished
    response to show a number.
    """
    if not user.has_perm("accounts.take_rating_work"):
        return []
    slots_taken = (
        Assignment.objects.filter(response=OuterRef("pk"))
        .filter(
            Q(state=Assignment.State.LABELLED)
            | Q(state=Assignment.State.OPEN, created_at__gte=timezone.now() - ASSIGNMENT_TTL)
        )
        .order_by()
        .values("response")
        .annotate(n=Count("pk"))
        .values("n")
    )
    open_per_campaign = (
        Response.objects.filter(status=ResponseStatus.DONE)
        .exclude(assignments__rater=user)
        .alias(taken=Coalesce(Subquery(slots_taken), 0))
        .filter(Q(gold_harmful__isnull=False) | Q(taken__lt=F("prompt__campaign__labels_per_item")))
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
