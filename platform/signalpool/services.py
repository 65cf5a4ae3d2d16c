from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction

from activities.installed import activities_installed
from registry.models import ModelVersion
from signalpool.kinds import PAYLOAD_SERIALIZERS, SignalKind
from signalpool.models import Signal
from webhooks.models import EventType
from webhooks.services.emit import webhook_emit_on_commit

ConstitutionVersionProvider = Callable[[], int | None]


def _constitution_version_provider() -> ConstitutionVersionProvider | None:
    """How to read the constitution version in force, from the activity that versions it.

    The signal pool cannot import that activity (principles), so it asks the installed
    activities; every signal recorded without an explicit version gets it.
    """
    providers = [
        (activity.name, provider)
        for activity in activities_installed()
        if (provider := activity.constitution_version_provider()) is not None
    ]
    if len(providers) > 1:
        raise ImproperlyConfigured(
            "Only one activity may version the constitution; "
            f"{', '.join(name for name, _ in providers)} all do."
        )
    return providers[0][1] if providers else None


class SignalError(ValueError):
    """Invalid signal: `fields` maps field names to messages, as an API 400 shows them."""

    def __init__(self, fields: dict[str, Any]) -> None:
        super().__init__(str(fields))
        self.fields = fields


class IdempotencyConflict(SignalError):
    """The idempotency key was already used by this source for a different signal."""


# Datasets imported by research studies (flipped labels, a weak model's labels) start with this.
# They are experimental material, not what raters said: a snapshot takes them only when its
# recipe names them (loop.services.snapshots), so no production recipe trains on them by accident.
STUDY_DATASET_PREFIX = "studies."


@dataclass(frozen=True)
class ImportSource:
    """Imported human data: the dataset's name and the annotator's pseudonym in it."""

    dataset: str
    annotator: str

    def fields(self) -> dict[str, str]:
        errors = {
            name: [f"Give the {name} (at most {limit} characters)."]
            for name, value, limit in (
                ("dataset", self.dataset, 64),
                ("annotator", self.annotator, 128),
            )
            if not value.strip() or len(value) > limit
        }
        if errors:
            raise SignalError({"source_import": errors})
        return {"source_dataset": self.dataset, "source_annotator": self.annotator}


def signal_record(
    *,
    kind: str,
    item_type: str,
    item_id: str | int,
    payload: dict[str, Any],
    idempotency_key: str,
    source_user: User | None = None,
    source_model: ModelVersion | None = None,
    source_import: ImportSource | None = None,
    constitution_version: int | None = None,
    taxonomy_version: int | None = None,
    corrects: Signal | None = None,
) -> tuple[Signal, bool]:
    """Store a signal once per (source, idempotency key); returns (signal, created).

    A retry with the same key and content returns the stored signal; the same key with
    different content is refused, so a client bug never silently drops a signal.
    """
    if [source_user, source_model, source_import].count(None) != 2:
        raise SignalError(
            {"source": ["Give exactly one source: a person, a model version or an import."]}
        )
    if kind not in PAYLOAD_SERIALIZERS:
        raise SignalError({"kind": [f"Unknown signal kind {kind!r}."]})
    if not idempotency_key:
        raise SignalError({"idempotency_key": ["This field is required."]})
    checked = PAYLOAD_SERIALIZERS[kind](data=payload)
    if not checked.is_valid():
        raise SignalError({"payload": checked.errors})
    fields: dict[str, Any] = {
        "kind": kind,
        "item_type": item_type,
        "item_id": str(item_id),
        "payload": checked.validated_data,
        "constitution_version": constitution_version,
        "taxonomy_version": taxonomy_version,
        "corrects": corrects,
    }
    source: dict[str, Any] = (
        {"source_user": source_user}
        if source_user
        else {"source_model": source_model}
        if source_model
        else source_import.fields()
        if source_import
        else {}
    )
    in_force = None if constitution_version is not None else _constitution_version_provider()
    if in_force is not None:
        fields["constitution_version"] = in_force()
    # Insert first: a new signal (the usual case) costs no look-up; the unique key catches a
    # retry, or a concurrent first try that stored it first.
    try:
        with transaction.atomic():
            signal = Signal.objects.create(idempotency_key=idempotency_key, **source, **fields)
    except IntegrityError:
        existing = Signal.objects.filter(idempotency_key=idempotency_key, **source).first()
        if existing is None:
            raise
    else:
        # Outside the savepoint: its rollback would drop the announcement with it.
        _signal_webhook_emit(signal)
        return signal, True
    if in_force is not None:
        # A retry after an enactment is still the same signal: keep the version it has.
        fields["constitution_version"] = existing.constitution_version
    if _same(existing, fields):
        return existing, False
    raise IdempotencyConflict(
        {"idempotency_key": ["This key was already used for a different signal."]}
    )


def _signal_webhook_emit(signal: Signal) -> None:
    """signal.recorded for webhook endpoints after the commit: ids and provenance only, never
    the payload (comments and rationales are a rater's own words); a person is their user id."""
    webhook_emit_on_commit(
        event_type=EventType.SIGNAL_RECORDED,
        payload={
            "signal": signal.pk,
            "kind": signal.kind,
            "item_type": signal.item_type,
            "item_id": signal.item_id,
            "rater": signal.source_user_id,
            "model_version": signal.source_model_id,
            "dataset": signal.source_dataset or None,
            "constitution_version": signal.constitution_version,
            "taxonomy_version": signal.taxonomy_version,
            "corrects": signal.corrects_id,
            "created_at": signal.created_at,
        },
        key=f"signalpool.signal:{signal.pk}",
    )


def _same(signal: Signal, fields: dict[str, Any]) -> bool:
    return all(
        getattr(signal, name) == value for name, value in fields.items() if name != "corrects"
    ) and signal.corrects_id == (fields["corrects"].pk if fields["corrects"] else None)


# Kinds a client may submit directly; the others arrive through their activity's endpoints,
# which check that the person may act on the item.
DIRECT_KINDS = (SignalKind.PREFERENCE, SignalKind.COMMENT)


@dataclass(frozen=True)
class ImportedSignal:
    """One signal of an imported dataset, given by `annotator` (their pseudonym there)."""

    annotator: str
    kind: str
    item_type: str
    item_id: str | int
    payload: dict[str, Any]
    idempotency_key: str
    taxonomy_version: int | None = None


def _content(signal: Signal) -> tuple[Any, ...]:
    return (signal.kind, signal.item_type, signal.item_id, signal.payload, signal.taxonomy_version)


@transaction.atomic
def signals_import(*, dataset: str, signals: Sequence[ImportedSignal]) -> int:
    """Store an imported dataset's signals once each, in bulk; returns how many were new.

    The same rules as signal_record, for thousands of rows at a time: every payload is
    validated by its kind's serializer, keys are unique per (dataset, annotator), a key stored
    before with the same content is skipped (re-importing adds nothing) and with other content
    refused, before anything is written. Imported signals were not given under this
    installation's constitution, so they carry no constitution version.
    """
    rows: dict[tuple[str, str], Signal] = {}
    for signal in signals:
        if signal.kind not in PAYLOAD_SERIALIZERS:
            raise SignalError({"kind": [f"Unknown signal kind {signal.kind!r}."]})
        if not signal.idempotency_key:
            raise SignalError({"idempotency_key": ["This field is required."]})
        checked = PAYLOAD_SERIALIZERS[signal.kind](data=signal.payload)
        if not checked.is_valid():
            raise SignalError({"payload": {signal.idempotency_key: checked.errors}})
        row = Signal(
            kind=signal.kind,
            item_type=signal.item_type,
            item_id=str(signal.item_id),
            payload=checked.validated_data,
            taxonomy_version=signal.taxonomy_version,
            idempotency_key=signal.idempotency_key,
            **ImportSource(dataset=dataset, annotator=signal.annotator).fields(),
        )
        key = (signal.annotator, signal.idempotency_key)
        if key in rows and _content(rows[key]) != _content(row):
            raise IdempotencyConflict(
                {"idempotency_key": [f"{key} is used twice for different signals."]}
            )
        rows[key] = row
    stored = Signal.objects.filter(
        source_dataset=dataset, idempotency_key__in={key for _, key in rows}
    )
    for old in stored.iterator():
        new = rows.pop((old.source_annotator, old.idempotency_key), None)
        if new is not None and _content(new) != _content(old):
            raise IdempotencyConflict(
                {"idempotency_key": [f"{old.idempotency_key} was imported with other content."]}
            )
    Signal.objects.bulk_create(rows.values(), batch_size=1000)
    return len(rows)
