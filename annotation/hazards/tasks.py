"""Celery entry points; services send them to the gpu queue (generation and AI labelling)."""

from celery import shared_task

from annotation.hazards import services


@shared_task(acks_late=True)
def responses_generate_task(response_ids: list[int]) -> None:
    services.responses_generate(response_ids=response_ids)


@shared_task(acks_late=True)
def attack_generate_task(campaign_id: int, category: str, count: int, key: str) -> None:
    services.attack_generate(campaign_id=campaign_id, category=category, count=count, key=key)


@shared_task(acks_late=True)
def ai_labels_task(campaign_id: int, version_id: int) -> None:
    services.ai_labels_run(campaign_id=campaign_id, version_id=version_id)


@shared_task(acks_late=True)
def campaign_analytics_compute_task(campaign_id: int) -> None:
    """Computes a campaign's analytics (Dawid-Skene and agreement) and stores them for the
    page; the version is read first, so labels arriving meanwhile leave the result stale."""
    from annotation.hazards import selectors
    from annotation.hazards.models import Campaign
    from annotation.results_cache import cached_store

    campaign = Campaign.objects.filter(pk=campaign_id).select_related("taxonomy").first()
    if campaign is None:
        return
    version = selectors.campaign_analytics_version(campaign=campaign)
    cached_store(
        key=selectors.campaign_analytics_key(campaign_id),
        version=version,
        result=selectors.campaign_analytics(campaign=campaign),
    )
