import json as jsonlib
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from annotation.hazards.selectors.imported import imported_sets_report


class Command(BaseCommand):
    help = (
        "Agreement of imported annotation sets: items, raters, raw agreement, Cohen's kappa and "
        "the label distribution per set."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args: Any, json: bool, **options: Any) -> None:
        report = imported_sets_report()
        if json:
            self.stdout.write(_dumps(report))
            return
        for row in report:
            self.stdout.write(
                f"{row['dataset']}: {row['items']} items, {row['raters']} raters, "
                f"raw agreement {_fmt(row['raw_agreement'])}, "
                f"Cohen's kappa {_fmt(row['cohen_kappa'])}"
            )
            for label, count in row["label_distribution"].items():
                self.stdout.write(f"  {label}: {count}")


def _dumps(report: list[dict[str, Any]]) -> str:
    return jsonlib.dumps({"sets": report}, indent=2)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
