"""Celery entry points (default queue); both are idempotent, so acks_late redelivers safely."""

from celery import shared_task

from webhooks.services.delivery import (
    ATTEMPT_LIMIT_S,
    webhook_deliver,
    webhook_deliveries_resume,
)


# The soft limit interrupts an attempt that trickles past ATTEMPT_LIMIT_S; it is logged as a
# failed attempt and retried like any other.
@shared_task(acks_late=True, ignore_result=True, soft_time_limit=ATTEMPT_LIMIT_S + 5)
def webhook_delivery_task(delivery_id: int, attempt: int) -> None:
    # The attempt number makes a redelivered or duplicated task a no-op once it was made.
    webhook_deliver(delivery_id=delivery_id, attempt=attempt)


@shared_task(acks_late=True, ignore_result=True)
def webhook_deliveries_resume_task() -> None:
    webhook_deliveries_resume()
