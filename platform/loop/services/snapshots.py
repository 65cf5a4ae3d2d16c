"""Dataset snapshots: recipes checked and stored when requested, built by a task, exported.

A request stores the snapshot `building`, keyed by its recipe (so a repeated request or a task
delivered twice never makes a second one), and queues `snapshot_build_task`; the task reads the
signals, writes the files and fills the row in. Nothing long runs in a request or under a lock.
"""

import dataclasses
import hashlib
import json
import logging
import os
import time
import zipfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, F, Func, Q, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts.models import RaterProfile
from audit.models import AuditAction
from audit.services import audit_record
from loop.models import DatasetSnapshot, SnapshotStatus
from loop.providers import (
    BuildContext,
    SignalRow,
    constitution_principles,
    conversion_for,
    sft_target_is_harmful,
)
from realtime.events import event_send, event_send_now
from registry.models import ModelLine, ModelVersion
from signalpool.models import Signal, rater_key
from signalpool.services import STUDY_DATASET_PREFIX
from training.snapshot import (
    Candidate,
    DatasetRecipe,
    RecipeError,
    Snapshot,
    SnapshotFiles,
    snapshot_write,
)
from training.snapshot import snapshot_build as build_rows
from trust.selectors import trust_by_kind

log = logging.getLogger(__name__)

LICENCE_NOTES = (
    "Built from signals given to this Co-Align installation by its raters and models under its "
    "terms of participation. Imported public data keeps its own licence (see data/*/SOURCE.md)."
)
CONDITION = "condition_on_constitution"
# Snapshot events go where run.queued goes: ids and states only, for whoever lists them.
EVENTS_GROUP = "registry"


# Signals a streamed conversion reads per round trip of the server-side cursor.
STREAM_CHUNK = 5000
# A signal's time as candidates spell it (iso_utc: UTC, microseconds, "+00:00"), written by
# the database: parsing a million timestamps in Python costs more than reading the rows.
CREATED_AT_ISO = Func(
    F("created_at"),
    template="to_char(%(expressions)s AT TIME ZONE 'UTC', "
    """'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')""",
    output_field=CharField(),
)

Source = tuple[int | None, int | None, str, str]  # user, model version, dataset, annotator


class _Sources:
    """Each source's rater key and mixing groups, worked out once per source: a million signals
    come from a few thousand raters, models and imported annotators."""

    def __init__(self) -> None:
        # Backgrounds are personal data kept only with consent; blank ones count as unspecified.
        self.regions = dict(
            RaterProfile.objects.filter(consent_given=True).values_list("user_id", "region")
        )
        self.known: dict[Source, tuple[str, dict[str, str]]] = {}

    def of(self, source: Source) -> tuple[str, dict[str, str]]:
        found = self.known.get(source)
        if found is None:
            found = self.known[source] = (rater_key(*source), self._groups(*source[:3]))
        return found

    def of_signal(self, signal: Signal) -> dict[str, str]:
        source = (
            signal.source_user_id,
            signal.source_model_id,
            signal.source_dataset,
            signal.source_annotator,
        )
        return self.of(source)[1]

    def _groups(self, user_id: int | None, model_id: int | None, dataset: str) -> dict[str, str]:
        if model_id:
            version = ModelVersion.objects.select_related("line").get(pk=model_id)
            return {
                "source": "model",
                "model_version": f"model:{version.line.slug}-v{version.number}",
                "rater_background": "model",
            }
        if not user_id:
            # Imported human data: its annotators have no profile here.
            group = f"imported:{dataset}"
            return {"source": "imported", "model_version": group, "rater_background": group}
        region = self.regions.get(user_id) or "unspecified"
        return {"source": "human", "model_version": "human", "rater_background": f"region:{region}"}


def _candidates(recipe: DatasetRecipe) -> Iterator[Candidate]:
    """Every kind's signals in the window, turned into candidates by the kind's conversion,
    kind after kind and as they are read: a streamed kind's signals are never all in memory.

    Run it inside a transaction: the server-side cursors then stream (outside one, Django
    declares them WITH HOLD and the server materialises every row first), and every query of
    the build sees the same pool.
    """
    signals = Signal.objects.filter(kind__in=recipe.kinds)
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
    sources = _Sources()
    context = BuildContext(
        until=recipe.until, groups=sources.of_signal, equal_raters=recipe.equal_raters
    )
    # Trust as the latest computation before the window's end found it, so a rebuild agrees.
    trust = trust_by_kind(recipe.until) if recipe.min_trust or recipe.weight_by_trust else {}
    # A reply raters called harmful (adjudication first) is never taught, whatever kind
    # carried it: a red-team response must not become a demonstration.
    harmful = context.harmful_texts() if recipe.format == "sft" else set()
    for kind in sorted(recipe.kinds):
        conversion = conversion_for(kind)
        if conversion is None:
            continue
        of_kind = signals.filter(kind=kind).order_by("id")
        built: Iterable[Candidate] = ()
        if conversion.stream is not None:
            rows = _signal_rows(of_kind, conversion.fields, corrected, sources)
            built = conversion.stream(rows, context)
        elif conversion.build is not None:
            kind_signals = [s for s in of_kind.iterator() if s.pk not in corrected]
            if kind_signals:
                built = conversion.build(kind_signals, context)
        kind_trust = trust.get(kind)
        for candidate in built:
            if kind_trust is not None:
                candidate = dataclasses.replace(candidate, trust=kind_trust.get(candidate.rater))
            if not (harmful and sft_target_is_harmful(candidate, harmful)):
                yield candidate


def _signal_rows(
    signals: QuerySet[Signal], fields: tuple[str, ...], corrected: set[int], sources: _Sources
) -> Iterator[SignalRow]:
    """The signals as plain rows, a chunk at a time from a server-side cursor: no model
    instances, the payload's values and the time turned into text by the database."""
    payload = (
        Coalesce(KT(f"payload__{name}"), Value(""), output_field=TextField()) for name in fields
    )
    columns = ("id", "item_type", "item_id", "source_user_id", "source_model_id")
    values = signals.values_list(
        *columns, "source_dataset", "source_annotator", CREATED_AT_ISO, *payload
    )
    for row in values.iterator(chunk_size=STREAM_CHUNK):
        if row[0] in corrected:
            continue
        rater, groups = sources.of(row[3:7])
        yield SignalRow(row[0], row[1], row[2], rater, groups, row[7], row[8:])


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
        built = _rows_written(snapshot)
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
        build_s=round(time.monotonic() - started, 3),
    )


def _rows_written(snapshot: DatasetSnapshot) -> SnapshotFiles:
    """The snapshot's files under DATASETS_DIR/snapshots/<content hash>/, streamed."""
    recipe = DatasetRecipe.from_dict(snapshot.recipe)
    # Read-only: one transaction so that the cursors stream (see _candidates).
    with transaction.atomic():
        candidates = _counted(snapshot.pk, _candidates(recipe))
        return snapshot_write(recipe, candidates, Path(settings.DATASETS_DIR) / "snapshots")


def _counted(snapshot_id: int, candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    """The candidates, then the progress event saying how many were read."""
    count = 0
    for candidate in candidates:
        count += 1
        yield candidate
    event_send_now(EVENTS_GROUP, "snapshot.progress", {"id": snapshot_id, "candidates": count})


def _snapshot_finish(
    snapshot_id: int,
    *,
    status: str,
    built: SnapshotFiles | None = None,
    build_s: float | None = None,
    error: str = "",
) -> None:
    with transaction.atomic():
        locked = DatasetSnapshot.objects.select_for_update().filter(pk=snapshot_id).first()
        if locked is None or locked.status != SnapshotStatus.BUILDING:
            # Another delivery finished it first.
            return
        locked.status, locked.error, locked.build_s = status, error[:5000], build_s
        written = ["status", "error", "build_s"]
        if built is not None:
            locked.content_hash = built.content_hash
            locked.counts = built.counts
            locked.mix = built.mix
            locked.folder = str(built.folder)
            written += ["content_hash", "counts", "mix", "folder"]
        locked.save(update_fields=written)
        if built is not None:
            # The field would prepare each id in Python (2.3 s for the 600,000 ids of a
            # million-signal pool); psycopg sends the list as one array itself.
            DatasetSnapshot.objects.filter(pk=snapshot_id).update(
                signal_ids=RawSQL("%s::bigint[]", (built.signal_ids,))
            )
        event_send(
            EVENTS_GROUP,
            "snapshot.completed",
            {"id": snapshot_id, "status": status, "content_hash": locked.content_hash},
        )


def snapshot_rebuild(*, snapshot: DatasetSnapshot) -> Snapshot:
    """Build the snapshot's recipe again over the pool (its rows and hash, not stored)."""
    recipe = DatasetRecipe.from_dict(snapshot.recipe)
    with transaction.atomic():
        return build_rows(recipe, _candidates(recipe))


def snapshot_export(*, snapshot: DatasetSnapshot, actor: User | None = None) -> Path:
    """A Hugging Face `datasets` folder with a dataset card, next to the JSONL files; audited."""
    from training.snapshot import snapshot_export_hf

    if snapshot.status != SnapshotStatus.READY:
        raise ValidationError({"snapshot": f"The snapshot is {snapshot.status}, not ready."})
    built = snapshot_rebuild(snapshot=snapshot)
    if built.content_hash != snapshot.content_hash:
        raise ValidationError({"snapshot": "The pool no longer reproduces this snapshot."})
    folder = Path(snapshot.folder) / "hf"
    if not (folder / "README.md").is_file():
        snapshot_export_hf(built, folder, licence_notes=LICENCE_NOTES)
    audit_record(
        action=AuditAction.SNAPSHOT_EXPORT,
        actor=actor,
        target=snapshot,
        summary=f"Snapshot {snapshot.content_hash[:12]} exported for Hugging Face datasets",
        details={"content_hash": snapshot.content_hash, "signals": len(snapshot.signal_ids)},
    )
    return folder


def snapshot_export_archive(*, snapshot: DatasetSnapshot, actor: User | None = None) -> Path:
    """The export folder as one zip file to download (written once, next to the folder).

    The zip is written under a temporary name and renamed, so a download that runs while
    another request writes it never reads half a file.
    """
    folder = snapshot_export(snapshot=snapshot, actor=actor)
    archive = folder.parent / "hf.zip"
    if not archive.is_file():
        partial = archive.with_suffix(f".{os.getpid()}.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zipped:
            top = Path(f"{snapshot.content_hash[:12]}-hf")
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                zipped.write(path, top / path.relative_to(folder))
        partial.replace(archive)
    return archive
