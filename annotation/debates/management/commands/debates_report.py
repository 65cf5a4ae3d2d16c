import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from annotation.debates.selectors import analytics_report


class Command(BaseCommand):
    help = "Print judge accuracy per condition (n, correct, accuracy) for imported and native data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = [
            {k: row[k] for k in ("origin", "condition", "judge", "n", "correct", "accuracy")}
            for row in analytics_report()["accuracy"]
        ]
        if options["json"]:
            self.stdout.write(json.dumps({"accuracy": rows}, indent=2))
            return
        for row in rows:
            self.stdout.write(
                f"{row['origin']:<9} {row['condition']:<20} {row['judge']:<12} "
                f"n={row['n']:<4} correct={row['correct']:<4} accuracy={row['accuracy']:.1%}"
            )
