from celery import shared_task

from annotation.debates.services import ai_judgements_run, debate_turns_run


@shared_task(acks_late=True)
def debate_turns_run_task(debate_id: int) -> None:
    debate_turns_run(debate_id=debate_id)


@shared_task(acks_late=True)
def ai_judgements_run_task(debate_id: int) -> None:
    ai_judgements_run(debate_id=debate_id)
