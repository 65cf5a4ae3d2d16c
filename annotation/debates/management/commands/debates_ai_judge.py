from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from annotation.debates.models import Origin
from annotation.debates.services.ai_judges import ai_judgements_queue
from registry.selectors import published_version


class Command(BaseCommand):
    help = "Queue the published judge version on finished debates it has not judged (gpu queue)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--origin", choices=[o.value for o in Origin])
        parser.add_argument("--limit", type=int, help="At most this many debates.")

    def handle(self, *args: Any, **options: Any) -> None:
        if published_version(line="judge") is None:
            raise CommandError("The judge line has no published version: publish one first.")
        with transaction.atomic():
            count = ai_judgements_queue(origin=options["origin"], limit=options["limit"])
        self.stdout.write(f"Queued {count} debates for the AI judge.")
