"""Deliveries to a real receiver: signed bodies, retries with backoff, bounded attempts, no
redirects, and one send per attempt however often its task is delivered."""

import hashlib
import hmac
import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from webhooks.models import DeliveryStatus, EventType, WebhookDelivery
from webhooks.services.delivery import (
    MAX_ATTEMPTS,
    RESPONSE_LOG_CHARS,
    RESUME_AFTER,
    backoff_s,
    webhook_deliver,
    webhook_deliveries_resume,
)
from webhooks.services.emit import webhook_emit
from webhooks.services.endpoints import webhook_test_send

pytestmark = pytest.mark.django_db


def verify(secret: str, header: str, body: bytes, tolerance_s: int = 300) -> bool:
    """What a receiver does (the README's example): recompute the HMAC and compare."""
    fields = dict(part.split("=", 1) for part in header.split(","))
    timestamp = int(fields["t"])
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return abs(time.time() - timestamp) <= tolerance_s and hmac.compare_digest(
        expected, fields["v1"]
    )


def _emitted(endpoint_for, receiver, **payload) -> WebhookDelivery:
    endpoint = endpoint_for(receiver.url, [EventType.RUN_FINISHED])
    (delivery,) = webhook_emit(event_type=EventType.RUN_FINISHED, payload=payload or {"run": 1})
    assert delivery.endpoint == endpoint
    return delivery


def test_a_delivery_is_signed_over_timestamp_and_body(endpoint_for, receiver) -> None:
    delivery = _emitted(endpoint_for, receiver, run=7, status="done")

    attempt = webhook_deliver(delivery_id=delivery.pk, attempt=1)

    assert attempt is not None
    assert attempt.status_code == 200
    (request,) = receiver.requests
    secret = delivery.endpoint.secret
    header = request.headers["Coalign-Signature"]
    assert verify(secret, header, request.body)
    # Another secret, a changed body or a changed timestamp fails the check.
    assert not verify(secret + "x", header, request.body)
    assert not verify(secret, header, request.body.replace(b'"run":7', b'"run":8'))
    t, v1 = header.split(",")
    assert not verify(secret, f"t={int(t[2:]) - 1},{v1}", request.body)
    event = json.loads(request.body)
    assert event["id"] == str(delivery.event_id) == request.headers["Coalign-Event-Id"]
    assert event["type"] == "run.finished" == request.headers["Coalign-Event-Type"]
    assert event["data"] == {"run": 7, "status": "done"}
    assert request.headers["Content-Type"] == "application/json"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 1)


def test_a_500_is_retried_with_backoff_then_succeeds(endpoint_for, receiver) -> None:
    receiver.answers = [(500, "boom " * 1000, 0.0)]
    delivery = _emitted(endpoint_for, receiver)

    before = timezone.now()
    first = webhook_deliver(delivery_id=delivery.pk, attempt=1)
    delivery.refresh_from_db()
    assert first is not None
    assert (first.status_code, first.error) == (500, "The endpoint answered 500.")
    assert first.response_body.startswith("boom ")
    assert len(first.response_body) == RESPONSE_LOG_CHARS  # truncated
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert delivery.next_attempt_at is not None
    assert delivery.next_attempt_at >= before + timedelta(seconds=backoff_s(1))

    second = webhook_deliver(delivery_id=delivery.pk, attempt=2)
    delivery.refresh_from_db()
    assert second is not None
    assert second.status_code == 200
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 2)
    assert [a.status_code for a in delivery.attempt_log.all()] == [500, 200]
    assert len(receiver.requests) == 2
    # Both attempts send the same body, each freshly signed.
    assert receiver.requests[0].body == receiver.requests[1].body
    assert all(
        verify(delivery.endpoint.secret, r.headers["Coalign-Signature"], r.body)
        for r in receiver.requests
    )
    assert [backoff_s(n) for n in (1, 2, 3)] == [30, 60, 120]


def test_attempts_are_bounded(endpoint_for, receiver) -> None:
    receiver.answers = [(503, "down", 0.0)] * MAX_ATTEMPTS
    delivery = _emitted(endpoint_for, receiver)

    for number in range(1, MAX_ATTEMPTS + 1):
        webhook_deliver(delivery_id=delivery.pk, attempt=number)
    assert webhook_deliver(delivery_id=delivery.pk, attempt=MAX_ATTEMPTS + 1) is None

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)
    assert delivery.next_attempt_at is None
    assert len(receiver.requests) == MAX_ATTEMPTS


def test_a_redelivered_task_does_not_send_again(endpoint_for, receiver) -> None:
    delivery = _emitted(endpoint_for, receiver)

    assert webhook_deliver(delivery_id=delivery.pk, attempt=1) is not None
    # The same task delivered again (its worker died before acknowledging), and a later
    # attempt's task that was queued anyway: neither sends after the success.
    assert webhook_deliver(delivery_id=delivery.pk, attempt=1) is None
    assert webhook_deliver(delivery_id=delivery.pk, attempt=2) is None

    assert len(receiver.requests) == 1
    assert delivery.attempt_log.count() == 1


def test_the_same_event_emitted_again_adds_no_delivery(endpoint_for, receiver) -> None:
    endpoint_for(receiver.url, [EventType.ROUND_CLOSED])
    other = endpoint_for(receiver.url + "other/", [EventType.ROUND_CLOSED])
    endpoint_for(receiver.url + "runs/", [EventType.RUN_FINISHED])

    first = webhook_emit(event_type=EventType.ROUND_CLOSED, payload={"round": 1}, key="round:1")
    again = webhook_emit(event_type=EventType.ROUND_CLOSED, payload={"round": 1}, key="round:1")

    assert len(first) == 2  # the two subscribed endpoints, not the third
    assert again == []
    assert WebhookDelivery.objects.count() == 2
    assert len({d.event_id for d in first}) == 1
    other.active = False
    other.save()
    assert len(webhook_emit(event_type=EventType.ROUND_CLOSED, payload={"round": 2})) == 1


def test_an_event_nobody_subscribes_to_costs_one_statement(
    endpoint_for, receiver, django_assert_num_queries
) -> None:
    # Every signal a rater records emits signal.recorded after its commit; without a
    # subscriber that must not open and commit a transaction on the rater's request.
    endpoint_for(receiver.url, [EventType.RUN_FINISHED])
    with django_assert_num_queries(1):
        assert webhook_emit(event_type=EventType.SIGNAL_RECORDED, payload={"signal": 1}) == []


def test_redirects_are_not_followed(endpoint_for, receiver) -> None:
    receiver.answers = [(302, "", 0.0)]
    delivery = _emitted(endpoint_for, receiver)

    attempt = webhook_deliver(delivery_id=delivery.pk, attempt=1)

    assert attempt is not None
    assert attempt.status_code == 302
    assert "Redirects are not followed" in attempt.error
    assert len(receiver.requests) == 1  # the Location was not requested


def test_a_disabled_endpoint_gets_nothing_but_test_events(endpoint_for, receiver) -> None:
    delivery = _emitted(endpoint_for, receiver)
    endpoint = delivery.endpoint
    endpoint.active = False
    endpoint.save()

    attempt = webhook_deliver(delivery_id=delivery.pk, attempt=1)
    assert attempt is not None
    assert attempt.error == "The endpoint was disabled."
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED

    test = webhook_test_send(endpoint=endpoint)
    assert webhook_deliver(delivery_id=test.pk, attempt=1) is not None
    (request,) = receiver.requests
    assert json.loads(request.body)["type"] == "webhook.test"
    assert verify(endpoint.secret, request.headers["Coalign-Signature"], request.body)


def test_a_connection_error_is_logged_and_retried(endpoint_for, receiver) -> None:
    endpoint = endpoint_for("http://127.0.0.1:9/", [EventType.RUN_FINISHED])  # discard: closed
    (delivery,) = webhook_emit(event_type=EventType.RUN_FINISHED, payload={"run": 1})

    attempt = webhook_deliver(delivery_id=delivery.pk, attempt=1)

    assert attempt is not None
    assert attempt.status_code is None
    assert attempt.error.startswith("ConnectError")
    delivery.refresh_from_db()
    assert (delivery.status, delivery.endpoint) == (DeliveryStatus.PENDING, endpoint)


def test_the_resume_sweep_requeues_only_deliveries_whose_task_was_lost(
    endpoint_for, receiver
) -> None:
    from config.celery import app

    app.control.purge()
    lost = _emitted(endpoint_for, receiver)
    # Due now, its task queued: not the sweep's business.
    webhook_emit(event_type=EventType.RUN_FINISHED, payload={"run": 2})
    WebhookDelivery.objects.filter(pk=lost.pk).update(
        next_attempt_at=timezone.now() - RESUME_AFTER - timedelta(seconds=1)
    )

    assert webhook_deliveries_resume() == 1
    app.control.purge()  # no worker runs in this test
