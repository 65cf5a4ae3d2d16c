"""Live progress of studies, to `study:<id>` (one study's page) and `studies` (the list)."""

from annotation.studies.models import Study
from realtime.events import event_send

STUDIES_GROUP = "studies"


def study_group(study_id: int) -> str:
    return f"study:{study_id}"


def study_event_send(study: Study, event_type: str) -> None:
    """Announce the study's state after the commit (listeners refetch the study)."""
    step = study.steps[study.step_index] if study.step_index < len(study.steps) else ""
    payload = {
        "id": study.pk,
        "kind": study.kind,
        "status": study.status,
        "step_index": study.step_index,
        "steps_total": len(study.steps),
        "step": step,
        "message": study.message,
    }
    event_send(study_group(study.pk), event_type, payload)
    event_send(STUDIES_GROUP, event_type, payload)
