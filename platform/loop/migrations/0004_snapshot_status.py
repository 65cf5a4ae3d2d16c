"""Snapshots are built by a task: a row is stored `building` when requested, keyed by its recipe.

Existing snapshots were built in the request, so they are `ready`, and each gets the hash of
its stored (canonical) recipe. Runs gain `waiting`, which holds the line like the other
active states.
"""

import hashlib
import json
from typing import Any

from django.db import migrations, models


def _recipe_hashes_fill(apps: Any, schema_editor: Any) -> None:
    # The same spelling as loop.services.snapshots.recipe_hash, frozen here.
    snapshots = apps.get_model("loop", "DatasetSnapshot")
    for snapshot in snapshots.objects.all():
        text = json.dumps(
            snapshot.recipe, sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        snapshot.recipe_hash = hashlib.sha256(text.encode()).hexdigest()
        snapshot.save(update_fields=["recipe_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("loop", "0003_publish_seed_action"),
    ]

    operations = [
        migrations.AddField(
            model_name="datasetsnapshot",
            name="status",
            field=models.CharField(
                choices=[
                    ("building", "Building"),
                    ("ready", "Ready"),
                    ("failed", "Failed to build"),
                ],
                default="ready",
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="datasetsnapshot",
            name="status",
            field=models.CharField(
                choices=[
                    ("building", "Building"),
                    ("ready", "Ready"),
                    ("failed", "Failed to build"),
                ],
                default="building",
                max_length=16,
            ),
        ),
        migrations.AddField(
            model_name="datasetsnapshot",
            name="error",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="datasetsnapshot",
            name="build_s",
            field=models.FloatField(blank=True, help_text="Seconds the build took.", null=True),
        ),
        migrations.AddField(
            model_name="datasetsnapshot",
            name="recipe_hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(_recipe_hashes_fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="datasetsnapshot",
            name="recipe_hash",
            field=models.CharField(max_length=64, unique=True),
        ),
        migrations.AlterField(
            model_name="datasetsnapshot",
            name="content_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddConstraint(
            model_name="datasetsnapshot",
            constraint=models.UniqueConstraint(
                condition=models.Q(("content_hash", ""), _negated=True),
                fields=("content_hash",),
                name="dataset_snapshot_content_hash_unique",
            ),
        ),
        migrations.AlterField(
            model_name="datasetsnapshot",
            name="folder",
            field=models.CharField(
                blank=True, help_text="Where train.jsonl and eval.jsonl lie.", max_length=500
            ),
        ),
        migrations.RemoveConstraint(
            model_name="trainingrun",
            name="training_run_one_active_per_line",
        ),
        migrations.AlterField(
            model_name="trainingrun",
            name="status",
            field=models.CharField(
                choices=[
                    ("waiting", "Waiting for its snapshot"),
                    ("queued", "Queued"),
                    ("running", "Running"),
                    ("evaluating", "Evaluating"),
                    ("done", "Done"),
                    ("failed", "Failed"),
                    ("cancelled", "Cancelled by an admin"),
                ],
                default="queued",
                max_length=16,
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingrun",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status__in", ["waiting", "queued", "running", "evaluating"])),
                fields=("line",),
                name="training_run_one_active_per_line",
            ),
        ),
    ]
