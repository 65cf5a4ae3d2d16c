"""Celery entry points; services send them to the gpu queue (generation and AI labelling)."""

from celery import shared_task

from annotation.hazards import services


@shared_task(acks_late=True)
def response_generate_task(response_id: int) -> None:
    services.response_generate(response_id=response_id)


@shared_task(acks_late=True)
def attack_generate_task(campaign_id: int, category: str, count: int, key: str) -> None:
    services.attack_generate(campaign_id=campaign_id, category=category, count=count, key=key)


@shared_task(acks_late=True)
def ai_labels_task(campaign_id: int, version_id: int) -> None:
    services.ai_labels_run(campaign_id=campaign_id, version_id=version_id)
