from celery import shared_task

from llm.services import generation_run


@shared_task(acks_late=True)
def generation_run_task(generation_id: int) -> None:
    generation_run(generation_id=generation_id)
