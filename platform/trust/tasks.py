from celery import shared_task

from trust.services import trust_compute


@shared_task(acks_late=True, ignore_result=True)
def trust_compute_task() -> None:
    trust_compute()
