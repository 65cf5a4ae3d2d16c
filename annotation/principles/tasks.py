from celery import shared_task

from annotation.principles.proposer import ai_votes_cast, proposal_draft
from annotation.principles.services.rounds import round_close


@shared_task(acks_late=True)
def round_close_task(round_id: int) -> None:
    round_close(round_id=round_id)


@shared_task(acks_late=True)
def proposal_draft_task(round_id: int) -> None:
    proposal_draft(round_id=round_id)


@shared_task(acks_late=True)
def ai_votes_cast_task(round_id: int) -> None:
    ai_votes_cast(round_id=round_id)
