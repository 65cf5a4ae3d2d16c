from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotation.debates.importers import DebateImportError, question_set_import


class Command(BaseCommand):
    help = "Import a JSONL or CSV question file as one question set (same file twice: no change)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", required=True, help="Dataset the questions come from.")
        parser.add_argument("--split", default="")
        parser.add_argument("--name", default="", help="Defaults to the file name.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path} does not exist: give the path of a .jsonl or .csv file.")
        file_format = path.suffix.lstrip(".").lower()
        try:
            question_set, created = question_set_import(
                content=path.read_bytes(),
                file_format=file_format,
                name=options["name"] or path.name,
                source=options["source"],
                split=options["split"],
            )
        except DebateImportError as exc:
            raise CommandError(f"Nothing imported from {path}: {exc}") from exc
        count = question_set.questions.count()
        verb = "Imported" if created else "Already imported"
        self.stdout.write(f"{verb}: set #{question_set.pk} with {count} questions.")
