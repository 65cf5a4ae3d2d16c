from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from signalpool.hh_rlhf import hh_rlhf_import


class Command(BaseCommand):
    help = (
        "Record the shipped HH-RLHF harmless-base pairs (data/hh_rlhf) as imported preference "
        "signals. Running it again adds nothing twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=None, help="Only the first N pairs.")

    def handle(self, *args: Any, limit: int | None, **options: Any) -> None:
        created = hh_rlhf_import(limit=limit)
        self.stdout.write(f"Recorded {created} new HH-RLHF preference signals.")
