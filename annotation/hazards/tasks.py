"""Celery entry points; services send them to the gpu queue (generation and AI labelling)."""

from celery import shared_task

from annotation.hazards.services.ai_labels import ai_labels_run
from annotation.hazards.services.attacker import attack_generate
from annotation.hazards.services.generation import responses_generate
from webhooks.models import EventType
from webhooks.services.emit import webhook_emit_on_commit


@shared_task(acks_late=True)
def responses_generate_task(response_ids: list[int]) -> None:
    responses_generate(response_ids=response_ids)


@shared_task(acks_late=True)
def attack_generate_task(campaign_id: int, category: str, count: int, key: str) -> None:
    attack_generate(campaign_id=campaign_id, category=category, count=count, key=key)


@shared_task(acks_late=True)
def ai_labels_task(campaign_id: int, version_id: int) -> None:
    ai_labels_run(campaign_id=campaign_id, version_id=version_id)


@shared_task(acks_late=True)
def campaign_analytics_compute_task(campaign_id: int) -> None:
    """Computes a campaign's analytics (Dawid-Skene and agreement) and stores them for the
    page; the version is read first, so labels arriving meanwhile leave the result stale."""
    from annotation.hazards.models import Campaign
    from annotation.hazards.selectors.analytics import (
        campaign_analytics,
        campaign_analytics_key,
        campaign_analytics_version,
    )
    from annotation.results_cache import cached_store

    campaign = Campaign.objects.filter(pk=campaign_id).select_related("taxonomy").first()
    if campaign is None:
        return
    version = campaign_analytics_version(campaign=campaign)
    report = campaign_analytics(campaign=campaign)
    cached_store(key=campaign_analytics_key(campaign_id), version=version, result=report)
    # Counts only: the per-rater tables stay on the analytics page. Keyed by the data version,
    # so a redelivered task announces the same aggregate once.
    webhook_emit_on_commit(
        event_type=EventType.LABEL_AGGREGATED,
        payload={
            "campaign": campaign.pk,
            "taxonomy_version": campaign.taxonomy.number,
            "labelled_items": report["labelled_items"],
            "harmful_items": sum(item["ds_harmful"] for item in report["items"]),
            "human_labels": report["human_labels"],
            "ai_labels": report["ai_labels"],
        },
        key=f"hazards.aggregate:{campaign.pk}:{version}",
    )
