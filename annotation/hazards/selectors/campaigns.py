"""Campaign and response lists, and the realtime group a campaign's events go to."""

from typing import Any

from django.db.models import Count, Q, QuerySet

from annotation.hazards.models import Campaign, Response


def campaign_group(campaign_id: int) -> str:
    """The realtime group of a campaign's events (generation, labels); see campaign_visible_to."""
    return f"campaign:{campaign_id}"


def campaign_visible_to(user: Any, key: str) -> bool:
    """Realtime authorizer for "campaign:<id>": researchers and raters who may label."""
    if not key.isdigit() or not Campaign.objects.filter(pk=int(key)).exists():
        return False
    return bool(
        user.has_perm("hazards.view_campaign") or user.has_perm("accounts.take_rating_work")
    )


def campaigns_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("target_version__line", "taxonomy").annotate(
        prompt_count=Count("prompts", distinct=True),
        response_count=Count("prompts__responses", distinct=True),
    )


def responses_of(*, campaign: Campaign) -> QuerySet[Response]:
    return (
        Response.objects.filter(prompt__campaign=campaign)
        .select_related("prompt", "model_version__line")
        .annotate(
            human_labels=Count("labels", filter=Q(labels__rater__isnull=False)),
            ai_labels=Count("labels", filter=Q(labels__model_version__isnull=False)),
        )
        .order_by("id")
    )
