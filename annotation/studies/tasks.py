"""Celery entry points: one task per study step (services/steps.py). Settings route the model
task to the gpu queue; the other runs on the default queue."""

from celery import shared_task

from annotation.studies.services.steps import studies_resume, study_step_execute


@shared_task(acks_late=True)
def study_step_task(study_id: int, dispatch: int) -> None:
    study_step_execute(study_id=study_id, dispatch=dispatch)


@shared_task(acks_late=True)
def study_model_step_task(study_id: int, dispatch: int) -> None:
    """A step that loads a model itself (the kind names it in `model_steps`)."""
    study_step_execute(study_id=study_id, dispatch=dispatch)


@shared_task
def studies_resume_task() -> list[int]:
    """Periodic (settings.CELERY_BEAT_SCHEDULE): studies whose step task was lost."""
    return studies_resume()
