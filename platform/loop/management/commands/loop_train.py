"""Start a training run for a model line from the command line (the admin trigger's twin)."""

import json
import time
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from loop.models import (
    FINISHED_RUN_STATUSES,
    DatasetSnapshot,
    Recipe,
    RunStatus,
    TrainingRun,
    Trigger,
)
from loop.services.run_config import CONFORMITY_SNAPSHOT, SCHEDULE
from loop.services.runs import RunConflict, training_run_start
from registry.models import ModelLine, ModelVersion


class Command(BaseCommand):
    help = "Queue a training run on the gpu queue; --wait follows it to the end."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--line", required=True, help="Model line slug, e.g. debater.")
        parser.add_argument("--recipe", required=True, choices=Recipe.values)
        parser.add_argument("--base", type=int, help="Base version number (default: published).")
        parser.add_argument("--snapshot", type=int, help="Id of an existing dataset snapshot.")
        parser.add_argument(
            "--dataset-recipe", help='JSON dataset recipe, e.g. {"kinds": ["preference"]}.'
        )
        parser.add_argument(
            "--config", default="{}", help='JSON recipe settings, e.g. {"max_steps": 50}.'
        )
        parser.add_argument(
            "--conformity-snapshot",
            type=int,
            help="alternating: id of the preference snapshot of conformity pairs.",
        )
        parser.add_argument(
            "--schedule",
            help="alternating: per round the share of conformity pairs, e.g. 0.5,1.0.",
        )
        parser.add_argument("--auto-publish", action="store_true")
        parser.add_argument("--wait", action="store_true", help="Wait until the run ends.")

    def handle(self, *args: Any, **options: Any) -> None:
        line = ModelLine.objects.filter(slug=options["line"]).first()
        if line is None:
            raise CommandError(f"No model line {options['line']!r}: see /api/registry/lines/.")
        base = None
        if options["base"] is not None:
            base = ModelVersion.objects.filter(line=line, number=options["base"]).first()
            if base is None:
                raise CommandError(f"Line {line.slug} has no version {options['base']}.")
        snapshot = None
        if options["snapshot"] is not None:
            snapshot = DatasetSnapshot.objects.filter(pk=options["snapshot"]).first()
            if snapshot is None:
                raise CommandError(f"No snapshot {options['snapshot']}.")
        try:
            config = json.loads(options["config"])
            dataset_recipe = (
                json.loads(options["dataset_recipe"]) if options["dataset_recipe"] else None
            )
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"--config and --dataset-recipe must be JSON objects ({exc})."
            ) from exc
        if not isinstance(config, dict):
            raise CommandError("--config must be a JSON object.")
        if options["conformity_snapshot"] is not None:
            config[CONFORMITY_SNAPSHOT] = options["conformity_snapshot"]
        if options["schedule"]:
            try:
                config[SCHEDULE] = [float(s) for s in options["schedule"].split(",")]
            except ValueError as exc:
                raise CommandError(
                    "--schedule: give shares separated by commas, e.g. 0.5,1.0."
                ) from exc
        try:
            run = training_run_start(
                line=line,
                recipe=options["recipe"],
                config=config,
                base_version=base,
                snapshot=snapshot,
                dataset_recipe=dataset_recipe,
                trigger=Trigger.COMMAND,
                auto_publish=options["auto_publish"],
            )
        except ValidationError as exc:
            problems = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()
            )
            raise CommandError(f"Invalid run: {problems}") from exc
        except RunConflict as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Queued run {run.pk} ({run.recipe} on {line.slug}).")
        if not options["wait"]:
            return
        while run.status not in FINISHED_RUN_STATUSES:
            time.sleep(1)
            run = TrainingRun.objects.get(pk=run.pk)
        if run.status == RunStatus.FAILED:
            raise CommandError(f"Run {run.pk} failed: {run.error}")
        if run.status == RunStatus.CANCELLED:
            raise CommandError(f"Run {run.pk} was cancelled: {run.cancel_reason}")
        self.stdout.write(f"Run {run.pk} done: version {run.version_id}, timings {run.timings}.")
