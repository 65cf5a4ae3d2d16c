"""Through a real Celery worker: an event emitted after a commit reaches the receiver, and a
worker killed with SIGKILL in the middle of a request leaves one successful attempt behind,
however often the task is delivered."""

import time

import pytest

from accounts.roles import Role
from config.celery import app
from tests.conftest import wait_for, worker_kill, worker_start, worker_stop
from webhooks.models import DeliveryStatus, EventType, WebhookDelivery
from webhooks.services.emit import webhook_emit_on_commit
from webhooks.services.endpoints import webhook_endpoint_create, webhook_test_send
from webhooks.tasks import webhook_delivery_task

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]

# Leases short enough that the test waits seconds; the worker may reach the loopback receiver.
WORKER_ENV = {
    "CELERY_VISIBILITY_TIMEOUT": "4",
    "CELERY_RESTORE_INTERVAL": "1",
    "WEBHOOKS_ALLOW_PRIVATE": "true",
}


def test_a_delivery_cut_by_a_killed_worker_succeeds_once_after_a_restart(
    receiver, allow_private, make_user
) -> None:
    app.control.purge()
    endpoint = webhook_endpoint_create(
        url=receiver.url, event_types=[EventType.RUN_FINISHED], user=make_user(Role.RESEARCHER)
    )
    # The first request is held open until the worker is killed.
    receiver.answers = [(200, "too late", 30.0)]
    worker, _ = worker_start(**WORKER_ENV)
    try:
        # Outside a transaction the commit has happened: the delivery is created and queued now.
        webhook_emit_on_commit(
            event_type=EventType.RUN_FINISHED, payload={"run": 1}, key="run.finished:1"
        )
        receiver.wait_for(1)
        worker_kill(worker)
        delivery = WebhookDelivery.objects.get()
        # The attempt was rolled back with the killed worker's transaction.
        assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 0)

        worker, _ = worker_start(**WORKER_ENV)
        wait_for(
            lambda: WebhookDelivery.objects.filter(status=DeliveryStatus.SUCCEEDED).exists(),
            "the redelivered task succeeding",
            60,
        )
        delivery.refresh_from_db()
        assert delivery.attempts == 1
        assert [a.status_code for a in delivery.attempt_log.all()] == [200]
        # The same task once more, then a test event behind it on the one-process worker: the
        # duplicate sent nothing.
        webhook_delivery_task.delay(delivery.pk, 1)
        webhook_test_send(endpoint=endpoint)
        requests = receiver.wait_for(3)
        time.sleep(0.5)
        assert len(receiver.requests) == 3
        assert [r.headers["Coalign-Event-Type"] for r in requests] == [
            "run.finished",
            "run.finished",
            "webhook.test",
        ]
        # The receiver saw the cut request and its retry: the same event id, for deduplication.
        assert requests[0].headers["Coalign-Event-Id"] == requests[1].headers["Coalign-Event-Id"]
    finally:
        worker_stop(worker)
