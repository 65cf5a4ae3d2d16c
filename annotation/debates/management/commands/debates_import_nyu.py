from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotation.debates.importers import DebateImportError, nyu_import


class Command(BaseCommand):
    help = "Import the NYU debate rooms (Michael et al. 2023) from DIR/transcripts_included.jsonl."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--gold",
            action="store_true",
            help="Mark the rooms gold debates, mixed into judges' work at DEBATE_GOLD_RATE.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = nyu_import(directory=options["directory"], gold=options["gold"])
        except DebateImportError as exc:
            raise CommandError(f"Nothing imported: {exc}") from exc
        self.stdout.write(f"Imported {report.created} rooms; {report.skipped} were already here.")
