from celery import shared_task

from annotation.debates.selectors import analytics_key, analytics_report, analytics_version
from annotation.debates.services.ai_judges import ai_judgements_run
from annotation.debates.services.turns import debate_turns_run
from annotation.results_cache import cached_store


@shared_task(acks_late=True)
def debate_turns_run_task(debate_id: int) -> None:
    debate_turns_run(debate_id=debate_id)


@shared_task(acks_late=True)
def ai_judgements_run_task(debate_id: int) -> None:
    ai_judgements_run(debate_id=debate_id)


@shared_task(acks_late=True)
def debate_analytics_compute_task(origin: str | None) -> None:
    """Computes the analytics report (bootstrap included) and stores it for the page.

    The version is read before the data, so judgements arriving meanwhile make the stored
    result stale and the next read queues another run.
    """
    version = analytics_version(origin=origin)
    cached_store(key=analytics_key(origin), version=version, result=analytics_report(origin=origin))
