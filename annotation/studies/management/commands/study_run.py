import json
import time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotation.studies.kinds import kinds_all
from annotation.studies.models import FINISHED_STUDY_STATUSES, Study, StudyStatus
from annotation.studies.services.studies import study_create

POLL_S = 1.0


def _one_line(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()
        )
    return " ".join(exc.messages)


class Command(BaseCommand):
    help = (
        "Start a research study; the workers run it (make worker-default and make worker-gpu). "
        "GET /api/studies/kinds/ lists each kind's parameters."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        kinds = kinds_all()
        parser.add_argument(
            "kind",
            choices=list(kinds),
            help="; ".join(f"{name}: {kind.title}" for name, kind in kinds.items()),
        )
        parser.add_argument(
            "--params",
            default="{}",
            help="The parameters as a JSON object, e.g. '{\"noise_levels\": [0, 0.5, 1]}'; "
            "those left out take their defaults.",
        )
        parser.add_argument(
            "--wait", action="store_true", help="Follow the study until it ends; print its summary."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            params = json.loads(options["params"])
        except json.JSONDecodeError as exc:
            raise CommandError(f"--params is not JSON ({exc}); give an object.") from exc
        try:
            study = study_create(kind=options["kind"], params=params, actor=None)
        except ValidationError as exc:
            raise CommandError(f"Fix the parameters: {_one_line(exc)}") from exc
        self.stdout.write(f"Study #{study.pk} ({study.kind}) queued: {len(study.steps)} steps.")
        if options["wait"]:
            self._follow(study)

    def _follow(self, study: Study) -> None:
        shown = ""
        while study.status not in FINISHED_STUDY_STATUSES:
            time.sleep(POLL_S)
            study.refresh_from_db()
            line = f"[{study.step_index + 1}/{len(study.steps)}] {study.message}"
            if line != shown:
                self.stdout.write(line)
                shown = line
        if study.status != StudyStatus.DONE:
            raise CommandError(f"Study #{study.pk} {study.status}: {study.error}")
        assert study.report is not None
        self.stdout.write(study.report["summary"])
        self.stdout.write(f"Report: /api/studies/{study.pk}/download/ (JSON; add ?file_format=csv)")
