from celery import shared_task

from loop.services import periodic_trigger, training_run_execute


@shared_task(acks_late=True, queue="gpu")
def training_run_task(run_id: int) -> None:
    training_run_execute(run_id=run_id)


@shared_task(acks_late=True)
def periodic_trigger_task() -> None:
    periodic_trigger()
