"""Per-line policies (trigger, recipe, gates) and the periodic trigger that applies them."""

import logging
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction
from audit.services import audit_record
from loop.gates import DEFAULT_GATES, GATE_NAMES
from loop.models import DatasetSnapshot, LinePolicy, Recipe, TrainingRun, Trigger
from loop.services.run_config import run_config_check
from loop.services.runs import RunConflict, training_run_start
from loop.services.snapshots import dataset_recipe_parse
from registry.models import ModelLine
from signalpool.models import Signal

log = logging.getLogger(__name__)


@transaction.atomic
def line_policy_set(*, line: ModelLine, actor: User | None = None, **fields: Any) -> LinePolicy:
    gates = fields.get("gates")
    if gates is not None:
        unknown = sorted(set(gates) - set(GATE_NAMES))
        if unknown:
            raise ValidationError({"gates": f"Unknown gates {unknown}; known: {list(GATE_NAMES)}."})
    if "dataset_recipe" in fields:
        dataset_recipe_parse(fields["dataset_recipe"])
    if "training_config" in fields:
        run_config_check(recipe=fields.get("recipe", Recipe.DPO), config=fields["training_config"])
    policy, _ = LinePolicy.objects.select_for_update().get_or_create(
        line=line, defaults={"gates": dict(DEFAULT_GATES)}
    )
    changed = {name: value for name, value in fields.items() if getattr(policy, name) != value}
    for name, value in fields.items():
        setattr(policy, name, value)
    policy.save()
    if changed:
        audit_record(
            action=AuditAction.POLICY_SET,
            actor=actor,
            target=policy,
            object_id=line.slug,
            summary=f"Policy of {line.slug}: {', '.join(sorted(changed))} changed",
            details={"line": line.slug, "changed": changed},
        )
    return policy


def new_signals_since_last_snapshot(*, policy: LinePolicy) -> int:
    kinds = policy.dataset_recipe.get("kinds", [])
    last = DatasetSnapshot.objects.filter(line=policy.line).order_by("-created_at", "-id").first()
    signals = Signal.objects.filter(kind__in=kinds)
    if last is not None and last.recipe.get("until"):
        signals = signals.filter(created_at__gte=last.recipe["until"])
    return signals.count()


def periodic_trigger(*, now: datetime | None = None) -> list[TrainingRun]:
    """Start a run for each line whose policy is due and has enough new signals."""
    now = now or timezone.now()
    started = []
    for policy in LinePolicy.objects.filter(auto_train=True).select_related("line"):
        due = policy.last_checked_at is None or (
            (now - policy.last_checked_at).total_seconds() >= policy.check_every_minutes * 60
        )
        if not due:
            continue
        LinePolicy.objects.filter(pk=policy.pk).update(last_checked_at=now)
        if new_signals_since_last_snapshot(policy=policy) < policy.min_new_signals:
            continue
        try:
            started.append(
                training_run_start(
                    line=policy.line,
                    recipe=policy.recipe,
                    config=policy.training_config,
                    dataset_recipe={k: v for k, v in policy.dataset_recipe.items() if k != "until"},
                    trigger=Trigger.PERIODIC,
                    auto_publish=policy.auto_publish,
                )
            )
        except (RunConflict, ValidationError) as exc:
            log.info("periodic trigger skipped %s: %s", policy.line.slug, exc)
    return started
