"""Registering, changing and removing endpoints, and the test event."""

from functools import partial
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from webhooks.models import TEST_EVENT, EventType, WebhookDelivery, WebhookEndpoint
from webhooks.services.emit import event_body, event_id_for
from webhooks.services.signing import secret_generate
from webhooks.services.ssrf import url_check


def _event_types_checked(event_types: list[str]) -> list[str]:
    unknown = sorted(set(event_types) - set(EventType.values))
    if unknown:
        raise ValidationError({"event_types": [f"Unknown event type(s): {', '.join(unknown)}."]})
    if not event_types:
        raise ValidationError({"event_types": ["Choose at least one event type."]})
    # Stored in the order of EventType, once each.
    return [value for value in EventType.values if value in event_types]


@transaction.atomic
def webhook_endpoint_create(
    *,
    url: str,
    event_types: list[str],
    description: str = "",
    active: bool = True,
    user: User | None,
) -> WebhookEndpoint:
    """Register an endpoint with a new secret, which the caller shows once."""
    url_check(url)
    return WebhookEndpoint.objects.create(
        url=url,
        event_types=_event_types_checked(event_types),
        description=description.strip(),
        secret=secret_generate(),
        active=active,
        created_by=user,
    )


@transaction.atomic
def webhook_endpoint_update(*, endpoint: WebhookEndpoint, **fields: Any) -> WebhookEndpoint:
    """Change an endpoint's url, event types, description or active flag (only those given)."""
    locked = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
    if "url" in fields:
        url_check(fields["url"])
        locked.url = fields["url"]
    if "event_types" in fields:
        locked.event_types = _event_types_checked(fields["event_types"])
    if "description" in fields:
        locked.description = fields["description"].strip()
    if "active" in fields:
        locked.active = fields["active"]
    locked.save(update_fields=["url", "event_types", "description", "active"])
    return locked


def webhook_endpoint_delete(*, endpoint: WebhookEndpoint) -> None:
    """Remove the endpoint and its delivery log; its queued tasks then find nothing to send."""
    endpoint.delete()


@transaction.atomic
def webhook_test_send(*, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """Send a `webhook.test` event to this endpoint alone (active or not), so a researcher can
    check the receiver and its signature check before real events arrive."""
    from webhooks.tasks import webhook_delivery_task

    event_id = event_id_for(None)
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_id=event_id,
        event_type=TEST_EVENT,
        body=event_body(
            event_id=event_id,
            event_type=TEST_EVENT,
            payload={"endpoint": endpoint.pk, "message": "A test event from Co-Align."},
        ),
        next_attempt_at=timezone.now(),
    )
    transaction.on_commit(partial(webhook_delivery_task.delay, delivery.pk, 1))
    return delivery
