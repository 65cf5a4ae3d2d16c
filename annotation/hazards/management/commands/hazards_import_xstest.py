from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotation.hazards import importers
from annotation.hazards.services.imports import xstest_import


class Command(BaseCommand):
    help = (
        "Import XSTest from DIR (xstest_prompts.csv and "
        "xstest_v2_completions_mistralinstruct.csv): prompts, completions, both annotators' "
        "labels. Running it again adds nothing twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args: Any, directory: Path, **options: Any) -> None:
        try:
            rows = importers.xstest_parse(directory)
        except importers.ImportFormatError as exc:
            raise CommandError(f"cannot import {directory}: {exc.errors[0]}") from exc
        campaign, count = xstest_import(rows=rows)
        self.stdout.write(f"Imported {count} new XSTest completions into campaign {campaign.pk}.")
