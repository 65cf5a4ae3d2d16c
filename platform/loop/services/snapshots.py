"""Dataset snapshots: recipes checked and stored when requested, built by a task, exported.

A request stores the snapshot `building`, keyed by its recipe (so a repeated request or a task
delivered twice never makes a second one), and queues `snapshot_build_task`; the task reads the
signals, writes the files and fills the row in. Nothing long runs in a request or under a lock.
"""

import dataclasses
import hashlib
import json
import logging
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts.models import RaterProfile
from loop.models import DatasetSnapshot, SnapshotStatus
from loop.providers import (
    BuildContext,
    constitution_principles,
    conversion_for,
    sft_target_is_harmful,
)
from realtime.events import event_send, event_send_now
from registry.models import ModelLine
from signalpool.models import Signal
from signalpool.services import STUDY_DATASET_PREFIX
from training.snapshot import Candidate, DatasetRecipe, RecipeError, Snapshot
from training.snapshot import snapshot_build as build_rows

log = logging.getLogger(__name__)

LICENCE_NOTES = (
    "Built from signals given to this Co-Align installation by its raters and models under its "
    "terms of participation. Imported public data keeps its own licence (see data/*/SOURCE.md)."
)
CONDITION = "condition_on_constitution"
# Snapshot events go where run.queued goes: ids and states only, for whoever lists them.
EVENTS_GROUP = "registry"


def _groups(signal: Signal, regions: dict[int, str]) -> dict[str, str]:
    if signal.source_model_id:
        version = signal.source_model
        assert version is not None
        return {
            "source": "model",
            "model_version": f"model:{version.line.slug}-v{version.number}",
            "rater_background": "model",
        }
    if not signal.source_user_id:
        # Imported human data: its annotators have no profile here.
        group = f"imported:{signal.source_dataset}"
        return {"source": "imported", "model_version": group, "rater_background": group}
    region = regions.get(signal.source_user_id) or "unspecified"
    return {"source": "human", "model_version": "human", "rater_background": f"region:{region}"}


def _candidates(recipe: DatasetRecipe) -> list[Candidate]:
    """Every kind's signals in the window, turned into candidates by the kind's conversion."""
    signals = Signal.objects.filter(kind__in=recipe.kinds).select_related("source_model__line")
    # A study's own datasets only when the recipe names them in its weights.
    named = [g.removeprefix("imported:") for g in recipe.weights if g.startswith("imported:")]
    signals = signals.exclude(
        Q(source_dataset__startswith=STUDY_DATASET_PREFIX) & ~Q(source_dataset__in=named)
    )
    if recipe.since:
        signals = signals.filter(created_at__gte=recipe.since)
    if recipe.until:
        signals = signals.filter(created_at__lt=recipe.until)
    # A corrected signal is replaced by its correction (when that falls in the window too).
    corrected = set(signals.filter(corrects__isnull=False).values_list("corrects_id", flat=True))
    # Backgrounds are personal data kept only with consent; blank ones count as unspecified.
    regions = dict(RaterProfile.objects.filter(consent_given=True).values_list("user_id", "region"))
    context = BuildContext(
        until=recipe.until,
        groups=lambda signal: _groups(signal, regions),
        equal_raters=recipe.equal_raters,
    )
    by_kind: dict[str, list[Signal]] = {kind: [] for kind in sorted(recipe.kinds)}
    for signal in signals.order_by("id").iterator():
        if signal.pk not in corrected:
            by_kind[signal.kind].append(signal)
    candidates: list[Candidate] = []
    for kind, kind_signals in by_kind.items():
        conversion = conversion_for(kind)
        if conversion is not None and conversion.build is not None and kind_signals:
            candidates += conversion.build(kind_signals, context)
    if recipe.format == "sft":
        # A reply raters called harmful (adjudication first) is never taught, whatever kind
        # carried it: a red-team response must not become a demonstration.
        harmful = context.harmful_texts()
        candidates = [c for c in candidates if not sft_target_is_harmful(c, harmful)]
    return candidates


def dataset_recipe_parse(data: dict[str, Any]) -> DatasetRecipe:
    """The recipe with its window closed at now, so that rebuilding it is reproducible.

    `condition_on_constitution: true` puts the current constitution's AI-binding principles
    into the recipe's system text, so the snapshot records exactly what it was conditioned on.
    Raises Django's ValidationError: the loop_train command and the periodic trigger report
    its messages by field, as the API does.
    """
    data = dict(data)
    condition = data.pop(CONDITION, False)
    if not isinstance(condition, bool):
        raise ValidationError({CONDITION: "Give true or false."})
    if condition:
        if data.get("system"):
            raise ValidationError({CONDITION: "Give either system text or this, not both."})
        principles = constitution_principles()
        if not principles:
            raise ValidationError({CONDITION: "The current constitution has no principles."})
        data["system"] = "Follow these principles:\n" + "\n".join(f"- {p}" for p in principles)
    try:
        recipe = DatasetRecipe.from_dict(data)
    except RecipeError as exc:
        raise ValidationError(exc.fields) from exc
    except TypeError as exc:
        raise ValidationError({"recipe": str(exc)}) from exc
    kinds_error = _kinds_error(recipe)
    if kinds_error:
        raise ValidationError({"kinds": kinds_error})
    window: dict[str, str | None] = {}
    for name in ("since", "until"):
        value = getattr(recipe, name)
        if value is None:
            window[name] = None
            continue
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            raise ValidationError({name: "Give an ISO 8601 date and time."})
        window[name] = iso_utc(parsed)
    until = window["until"] or iso_utc(timezone.now())
    return dataclasses.replace(recipe, since=window["since"], until=until)


def _kinds_error(recipe: DatasetRecipe) -> str:
    """Why the recipe's kinds cannot feed its format, or "" (see the README's signal table)."""
    problems = []
    for kind in sorted(recipe.kinds):
        conversion = conversion_for(kind)
        if conversion is None:
            problems.append(f"No dataset conversion for signal kind {kind!r}.")
        elif not conversion.formats:
            problems.append(f"{kind!r} is not a training signal: {conversion.context}")
        elif recipe.format not in conversion.formats:
            feeds = ", ".join(conversion.formats)
            problems.append(f"{kind!r} feeds {feeds}, not {recipe.format}.")
    return " ".join(problems)


def iso_utc(moment: datetime) -> str:
    """One spelling per instant, so that window bounds compare correctly as strings."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def recipe_hash(canonical: dict[str, Any]) -> str:
    """sha256 of a canonical recipe (keys sorted, compact), the snapshot's request key."""
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def snapshot_request(
    *, recipe: dict[str, Any], line: ModelLine | None = None, user: User | None = None
) -> tuple[DatasetSnapshot, bool]:
    """Check the recipe and store its snapshot `building`, queueing the build after commit.

    The same recipe returns the stored snapshot (created False), in whatever state it is; a
    failed one is queued again.
    """
    from loop.tasks import snapshot_build_task

    parsed = dataset_recipe_parse(recipe)
    canonical = parsed.canonical()
    snapshot, created = DatasetSnapshot.objects.get_or_create(
        recipe_hash=recipe_hash(canonical),
        defaults={
            "line": line,
            "recipe": canonical,
            "format": parsed.format,
            "created_by": user,
        },
    )
    # A failed build is tried again; filtered on the state, so two retries at once queue one.
    retried = snapshot.status == SnapshotStatus.FAILED and bool(
        DatasetSnapshot.objects.filter(pk=snapshot.pk, status=SnapshotStatus.FAILED).update(
            status=SnapshotStatus.BUILDING, error=""
        )
    )
    if retried:
        snapshot.status, snapshot.error = SnapshotStatus.BUILDING, ""
    if created or retried:
        snapshot_id = snapshot.pk
        transaction.on_commit(lambda: snapshot_build_task.delay(snapshot_id))
        event_send(EVENTS_GROUP, "snapshot.queued", {"id": snapshot_id})
    return snapshot, created


def snapshot_build(*, snapshot_id: int) -> None:
    """Build a requested snapshot: its rows and files, then its row (idempotent).

    A snapshot that is gone or no longer `building` is left as it is. A delivery after a killed
    worker builds again: the files are named by the content hash (rewriting them writes the same
    bytes) and the row is filled in once, under its lock. A failure is stored on the row.
    """
    snapshot = DatasetSnapshot.objects.filter(pk=snapshot_id).first()
    if snapshot is None or snapshot.status != SnapshotStatus.BUILDING:
        return
    event_send_now(EVENTS_GROUP, "snapshot.started", {"id": snapshot_id})
    started = time.monotonic()
    try:
        built, folder = _rows_written(snapshot)
    except Exception as exc:
        log.exception("building snapshot %s failed", snapshot_id)
        _snapshot_finish(
            snapshot_id, status=SnapshotStatus.FAILED, error=f"{type(exc).__name__}: {exc}"
        )
        return
    _snapshot_finish(
        snapshot_id,
        status=SnapshotStatus.READY,
        built=built,
        folder=folder,
        build_s=round(time.monotonic() - started, 3),
    )


def _rows_written(snapshot: DatasetSnapshot) -> tuple[Snapshot, Path]:
    from training.snapshot import snapshot_write_jsonl

    recipe = DatasetRecipe.from_dict(snapshot.recipe)
    candidates = _candidates(recipe)
    event_send_now(
        EVENTS_GROUP, "snapshot.progress", {"id": snapshot.pk, "candidates": len(candidates)}
    )
    built = build_rows(recipe, candidates)
    folder = Path(settings.DATASETS_DIR) / "snapshots" / built.content_hash
    snapshot_write_jsonl(built, folder)
    return built, folder


def _snapshot_finish(
    snapshot_id: int,
    *,
    status: str,
    built: Snapshot | None = None,
    folder: Path | None = None,
    build_s: float | None = None,
    error: str = "",
) -> None:
    with transaction.atomic():
        locked = DatasetSnapshot.objects.select_for_update().filter(pk=snapshot_id).first()
        if locked is None or locked.status != SnapshotStatus.BUILDING:
            # Another delivery finished it first.
            return
        locked.status, locked.error, locked.build_s = status, error[:5000], build_s
        if built is not None:
            locked.content_hash = built.content_hash
            locked.signal_ids = built.signal_ids
            locked.counts = built.counts
            locked.mix = built.mix
            locked.folder = str(folder)
        locked.save()
        event_send(
            EVENTS_GROUP,
            "snapshot.completed",
            {"id": snapshot_id, "status": status, "content_hash": locked.content_hash},
        )


def snapshot_rebuild(*, snapshot: DatasetSnapshot) -> Snapshot:
    """Build the snapshot's recipe again over the pool (its rows and hash, not stored)."""
    recipe = DatasetRecipe.from_dict(snapshot.recipe)
    return build_rows(recipe, _candidates(recipe))


def snapshot_export(*, snapshot: DatasetSnapshot) -> Path:
    """A Hugging Face `datasets` folder with a dataset card, next to the JSONL files."""
    from training.snapshot import snapshot_export_hf

    if snapshot.status != SnapshotStatus.READY:
        raise ValidationError({"snapshot": f"The snapshot is {snapshot.status}, not ready."})
    built = snapshot_rebuild(snapshot=snapshot)
    if built.content_hash != snapshot.content_hash:
        raise ValidationError({"snapshot": "The pool no longer reproduces this snapshot."})
    folder = Path(snapshot.folder) / "hf"
    if not (folder / "README.md").is_file():
        snapshot_export_hf(built, folder, licence_notes=LICENCE_NOTES)
    return folder
