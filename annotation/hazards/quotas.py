"""What hazard labelling counts for quotas per rater group (diversity.scopes): per campaign,
each rater's labels of non-gold responses, an unexpired open assignment holding its place."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q

from annotation.hazards.models import Assignment, Campaign, Response, ResponseStatus
from annotation.hazards.services.assignment import open_cutoff
from diversity.scopes import QuotaScope


def _held(prefix: str = "") -> Q:
    return Q(**{f"{prefix}state": Assignment.State.LABELLED}) | Q(
        **{f"{prefix}state": Assignment.State.OPEN, f"{prefix}created_at__gte": open_cutoff()}
    )


def campaign_units(campaign_id: int) -> Mapping[int, int]:
    rows = (
        Assignment.objects.filter(
            _held(),
            response__prompt__campaign_id=campaign_id,
            response__gold_harmful__isnull=True,
        )
        .values("rater_id")
        .annotate(n=Count("pk"))
        .values_list("rater_id", "n")
    )
    return dict(rows)


def campaign_capacity(campaign_id: int) -> int | None:
    """Label places of the campaign: finished non-gold responses x labels per item."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        return None
    responses = Response.objects.filter(
        prompt__campaign=campaign, status=ResponseStatus.DONE, gold_harmful__isnull=True
    ).count()
    return responses * campaign.labels_per_item


def _may_manage(user: Any) -> bool:
    return bool(user.has_perm("hazards.run_campaign"))


CAMPAIGN_QUOTAS = QuotaScope(
    unit="labels",
    exists=lambda pk: Campaign.objects.filter(pk=pk).exists(),
    may_manage=_may_manage,
    capacity=campaign_capacity,
    units=campaign_units,
)
