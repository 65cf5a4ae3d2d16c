import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from sklearn.metrics import adjusted_rand_score

from annotation.principles.models import PolisConversation
from annotation.principles.selectors import polis_groups


class Command(BaseCommand):
    help = "The platform's opinion group for each participant of an imported Polis conversation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("conversation", help="The slug given at import.")
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help="Print only a JSON object mapping Polis participant id to group (null: left out).",
        )

    def handle(self, *args: Any, conversation: str, as_json: bool, **options: Any) -> None:
        found = PolisConversation.objects.filter(slug=conversation).first()
        if found is None:
            raise CommandError(
                f"No imported conversation {conversation!r}: run principles_import_polis first."
            )
        groups = polis_groups(conversation=found)
        if as_json:
            self.stdout.write(
                json.dumps({str(pid): group for pid, group in groups.items()}, sort_keys=True)
            )
            return
        theirs = dict(found.participants.values_list("polis_id", "polis_group"))
        pairs = [
            (theirs[pid], group)
            for pid, group in groups.items()
            if group is not None and theirs.get(pid) is not None
        ]
        ari = adjusted_rand_score(*zip(*pairs, strict=True)) if pairs else float("nan")
        self.stdout.write(
            f"{found.slug}: {len(set(g for _, g in pairs))} groups over {len(pairs)} participants "
            f"grouped by both; adjusted Rand index against Polis's groups {ari:.3f}."
        )
