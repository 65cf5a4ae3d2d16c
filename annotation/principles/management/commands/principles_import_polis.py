from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotation.principles.polis import polis_import


class Command(BaseCommand):
    help = "Import one Polis conversation export folder (comments.csv, votes.csv, ...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--slug", default="", help="Conversation name; the folder's name if unset."
        )

    def handle(self, *args: Any, directory: Path, slug: str, **options: Any) -> None:
        try:
            conversation = polis_import(directory=directory, slug=slug)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            f"Imported {conversation.slug}: {conversation.participants.count()} participants, "
            f"{conversation.comments.count()} comments."
        )
