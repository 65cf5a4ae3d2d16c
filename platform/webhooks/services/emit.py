"""Events into deliveries: one row per subscribed endpoint, each sent by its own task.

Call sites announce an event with webhook_emit_on_commit inside the transaction that makes it
true; the deliveries are created after that commits, so a rolled-back change is never announced
and a receiver that calls back finds what the event names. Payloads carry ids only, never a
rater's personal data (names, e-mail, free text they wrote): receivers fetch details through
the API with their own permissions.
"""

import json
import uuid
from functools import partial
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from webhooks.models import DeliveryStatus, EventType, WebhookDelivery, WebhookEndpoint

# uuid5 namespace of event ids derived from a key ("run.finished:12"), so the same event
# emitted twice (its task redelivered) gets the same id and so the same delivery rows.
EVENT_NAMESPACE = uuid.UUID("5b0f3a52-7d53-4c4e-9c57-2f0a34c1c6e1")


def event_body(*, event_id: uuid.UUID, event_type: str, payload: dict[str, Any]) -> str:
    """The JSON every endpoint receives for an event, fixed once so that retries send the very
    bytes the signature covers."""
    envelope = {
        "id": str(event_id),
        "type": event_type,
        "created_at": timezone.now().isoformat(),
        "data": payload,
    }
    return json.dumps(envelope, cls=DjangoJSONEncoder, separators=(",", ":"), sort_keys=True)


def event_id_for(key: str | None) -> uuid.UUID:
    return uuid.uuid5(EVENT_NAMESPACE, key) if key else uuid.uuid4()


def webhook_emit(
    *, event_type: EventType, payload: dict[str, Any], key: str | None = None
) -> list[WebhookDelivery]:
    """Create a delivery of the event for every active endpoint subscribed to its type and
    queue them; returns the deliveries created now. `key` names the event for idempotency:
    emitting the same key again creates nothing (unique endpoint and event id)."""
    endpoints = list(
        WebhookEndpoint.objects.filter(active=True, event_types__contains=[event_type.value])
    )
    # Most events (every signal a rater records) have no subscriber: one query, and no
    # transaction opened and committed around it on the rater's request.
    if not endpoints:
        return []
    return _deliveries_create(endpoints, event_type=event_type, payload=payload, key=key)


@transaction.atomic
def _deliveries_create(
    endpoints: list[WebhookEndpoint],
    *,
    event_type: EventType,
    payload: dict[str, Any],
    key: str | None,
) -> list[WebhookDelivery]:
    from webhooks.tasks import webhook_delivery_task

    event_id = event_id_for(key)
    body = event_body(event_id=event_id, event_type=event_type.value, payload=payload)
    created = []
    for endpoint in endpoints:
        delivery, new = WebhookDelivery.objects.get_or_create(
            endpoint=endpoint,
            event_id=event_id,
            defaults={
                "event_type": event_type.value,
                "body": body,
                "status": DeliveryStatus.PENDING,
                "next_attempt_at": timezone.now(),
            },
        )
        if new:
            created.append(delivery)
            transaction.on_commit(partial(webhook_delivery_task.delay, delivery.pk, 1))
    return created


def webhook_emit_on_commit(
    *, event_type: EventType, payload: dict[str, Any], key: str | None = None
) -> None:
    """webhook_emit once the current transaction commits (at once outside one). A failure then
    (the database or broker down) is logged and never turns the committed change into an
    error; its deliveries are simply missing."""
    transaction.on_commit(
        lambda: webhook_emit(event_type=event_type, payload=payload, key=key), robust=True
    )
