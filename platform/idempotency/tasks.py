from celery import shared_task

from idempotency.services import keys_forget


@shared_task(acks_late=True, ignore_result=True)
def keys_forget_task() -> None:
    keys_forget()
