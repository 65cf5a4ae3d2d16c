"""The endpoints API: researchers and admins only, the secret shown once, the delivery log."""

import pytest

from accounts.roles import Role
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from webhooks.services.delivery import webhook_deliver

pytestmark = pytest.mark.django_db

URL = "/api/webhooks/endpoints/"


def test_raters_and_anonymous_users_cannot_see_or_register_endpoints(client_as) -> None:
    rater = client_as(Role.RATER)
    assert rater.get(URL).status_code == 403
    assert rater.get("/api/webhooks/event-types/").status_code == 403
    body = {"url": "https://example.com/h", "event_types": ["run.finished"]}
    assert rater.post(URL, body).status_code == 403
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("role", [Role.RESEARCHER, Role.ADMIN])
def test_the_secret_is_shown_once_on_registration(client_as, role: Role) -> None:
    client = client_as(role)
    created = client.post(
        URL,
        {
            "url": "https://hooks.example.com/co-align",
            "event_types": ["version.published", "run.finished", "run.finished"],
            "description": "Lab dashboard",
        },
    )
    assert created.status_code == 201, created.json()
    data = created.json()
    endpoint = WebhookEndpoint.objects.get()
    assert data["secret"] == endpoint.secret
    assert data["secret"].startswith("whsec_")
    assert len(data["secret"]) > 40
    # Stored once each, in the order of the event types.
    assert data["event_types"] == ["run.finished", "version.published"]
    assert data["active"] is True

    listed = client.get(URL).json()["results"]
    assert [e["id"] for e in listed] == [endpoint.pk]
    assert "secret" not in listed[0]
    assert "secret" not in client.get(f"{URL}{endpoint.pk}/").json()


def test_invalid_registrations_are_refused_in_the_one_error_shape(client_as) -> None:
    client = client_as(Role.RESEARCHER)
    for body, field in [
        ({"url": "https://127.0.0.1/h", "event_types": ["run.finished"]}, "url"),
        ({"url": "http://example.com/h", "event_types": ["run.finished"]}, "url"),
        ({"url": "https://example.com/h", "event_types": ["nope"]}, "event_types"),
        ({"url": "https://example.com/h", "event_types": []}, "event_types"),
        ({"url": "not a url", "event_types": ["run.finished"]}, "url"),
    ]:
        response = client.post(URL, body)
        assert response.status_code == 400, (body, response.json())
        assert field in response.json()["fields"], response.json()
    assert not WebhookEndpoint.objects.exists()


def test_disable_test_event_log_and_delete(client_as, allow_private, receiver) -> None:
    client = client_as(Role.RESEARCHER)
    endpoint_id = client.post(URL, {"url": receiver.url, "event_types": ["round.closed"]}).json()[
        "id"
    ]

    disabled = client.patch(f"{URL}{endpoint_id}/", {"active": False})
    assert disabled.status_code == 200
    assert disabled.json()["active"] is False

    sent = client.post(f"{URL}{endpoint_id}/test/")
    assert sent.status_code == 202
    assert sent.json()["event_type"] == "webhook.test"
    assert sent.json()["status"] == DeliveryStatus.PENDING
    # The task the answer queued after its commit, run here.
    webhook_deliver(delivery_id=sent.json()["id"], attempt=1)

    log = client.get(f"{URL}{endpoint_id}/deliveries/").json()["results"]
    assert [(d["event_type"], d["status"], d["attempts"]) for d in log] == [
        ("webhook.test", "succeeded", 1)
    ]
    (attempt,) = log[0]["attempt_log"]
    assert (attempt["number"], attempt["status_code"], attempt["response_body"]) == (1, 200, "ok")
    assert attempt["duration_ms"] >= 0

    assert client.delete(f"{URL}{endpoint_id}/").status_code == 204
    assert not WebhookEndpoint.objects.exists()
    assert not WebhookDelivery.objects.exists()
    assert client.get(f"{URL}{endpoint_id}/deliveries/").status_code == 404


def test_event_types_are_listed_with_labels(client_as) -> None:
    types = client_as(Role.ADMIN).get("/api/webhooks/event-types/").json()
    assert [t["value"] for t in types] == [
        "signal.recorded",
        "label.aggregated",
        "round.closed",
        "round.enacted",
        "run.finished",
        "version.published",
        "version.rolled_back",
    ]
    assert all(t["description"] for t in types)
