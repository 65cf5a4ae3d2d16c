from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from registry.models import ModelVersion
from signalpool.kinds import PAYLOAD_SERIALIZERS, SignalKind
from signalpool.models import Signal

VersionProvider = Callable[[], int | None]
_constitution_in_force: list[VersionProvider] = []


def constitution_provider_register(provider: VersionProvider) -> None:
    """Name the function that gives the constitution version in force (the principles app).

    The signal pool cannot import the activity that versions the constitution, so that app
    registers how to read it; every signal recorded without an explicit version gets it.
    """
    _constitution_in_force[:] = [provider]


class SignalError(ValueError):
    """Invalid signal: `fields` maps field names to messages, as an API 400 shows them."""

    def __init__(self, fields: dict[str, Any]) -> None:
        super().__init__(str(fields))
        self.fields = fields


class IdempotencyConflict(SignalError):
    """The idempotency key was already used by this source for a different signal."""


def signal_record(
    *,
    kind: str,
    item_type: str,
    item_id: str | int,
    payload: dict[str, Any],
    idempotency_key: str,
    source_user: User | None = None,
    source_model: ModelVersion | None = None,
    constitution_version: int | None = None,
    taxonomy_version: int | None = None,
    corrects: Signal | None = None,
) -> tuple[Signal, bool]:
    """Store a signal once per (source, idempotency key); returns (signal, created).

    A retry with the same key and content returns the stored signal; the same key with
    different content is refused, so a client bug never silently drops a signal.
    """
    if (source_user is None) == (source_model is None):
        raise SignalError({"source": ["Give exactly one source: a person or a model version."]})
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
        {"source_user": source_user} if source_user else {"source_model": source_model}
    )
    existing = Signal.objects.filter(idempotency_key=idempotency_key, **source).first()
    if constitution_version is None and _constitution_in_force:
        if existing is not None:
            # A retry after an enactment is still the same signal: keep the version it has.
            fields["constitution_version"] = existing.constitution_version
        else:
            fields["constitution_version"] = _constitution_in_force[0]()
    if existing is None:
        try:
            with transaction.atomic():
                return Signal.objects.create(
                    idempotency_key=idempotency_key, **source, **fields
                ), True
        except IntegrityError:
            # A concurrent retry stored it first.
            existing = Signal.objects.get(idempotency_key=idempotency_key, **source)
    if _same(existing, fields):
        return existing, False
    raise IdempotencyConflict(
        {"idempotency_key": ["This key was already used for a different signal."]}
    )


def _same(signal: Signal, fields: dict[str, Any]) -> bool:
    return all(
        getattr(signal, name) == value for name, value in fields.items() if name != "corrects"
    ) and signal.corrects_id == (fields["corrects"].pk if fields["corrects"] else None)


def signal_correct(
    *, original: Signal, payload: dict[str, Any], idempotency_key: str
) -> tuple[Signal, bool]:
    """A correction is a new signal of the same kind, source and item that points back."""
    return signal_record(
        kind=original.kind,
        item_type=original.item_type,
        item_id=original.item_id,
        payload=payload,
        idempotency_key=idempotency_key,
        source_user=original.source_user,
        source_model=original.source_model,
        constitution_version=original.constitution_version,
        taxonomy_version=original.taxonomy_version,
        corrects=original,
    )


# Kinds a client may submit directly; the others arrive through their activity's endpoints,
# which check that the person may act on the item.
DIRECT_KINDS = (SignalKind.PREFERENCE, SignalKind.COMMENT)
