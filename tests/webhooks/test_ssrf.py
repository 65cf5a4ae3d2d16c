"""Deliveries never reach our own network unless an admin allows it: every address a host
resolves to at delivery time is checked, and a refused one is never contacted."""

import ipaddress
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from accounts.roles import Role
from webhooks.models import DeliveryStatus, EventType, WebhookEndpoint
from webhooks.services.delivery import webhook_deliver
from webhooks.services.emit import webhook_emit
from webhooks.services.endpoints import webhook_endpoint_create
from webhooks.services.ssrf import AddressRefused, address_refusal, url_check, url_target

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.1", "private"),
        ("172.16.0.1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "reserved"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "reserved"),  # carrier-grade NAT
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("8.8.8.8", ""),
        ("2606:4700:4700::1111", ""),
    ],
)
def test_address_refusal(address: str, reason: str) -> None:
    assert address_refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://10.0.0.5:8443/hook",
        "https://[::1]/hook",
        "https://localhost/hook",  # resolves to loopback
        "https://2130706433/hook",  # 127.0.0.1 written as one number
    ],
)
def test_loopback_and_private_hosts_are_refused_at_delivery_time(url: str) -> None:
    with pytest.raises(AddressRefused, match="webhooks are delivered to public addresses only"):
        url_target(url)


def test_the_setting_allows_private_addresses(settings: Any) -> None:
    settings.WEBHOOKS_ALLOW_PRIVATE = True
    target = url_target("http://localhost:8080/hook")
    assert target.host == "localhost"
    assert target.port == 8080
    assert target.address.is_loopback


def test_registration_refuses_literal_private_addresses_and_plain_http(make_user) -> None:
    user = make_user(Role.RESEARCHER)
    for url, message in [
        ("https://127.0.0.1/hook", "loopback"),
        ("https://[::1]/hook", "loopback"),
        ("https://10.0.0.1/hook", "private"),
        ("https://localhost/hook", "loopback"),
        ("http://example.com/hook", "Give an https:// URL."),
        ("https://user:pw@example.com/hook", "credentials"),
    ]:
        with pytest.raises(ValidationError, match=message):
            webhook_endpoint_create(url=url, event_types=["run.finished"], user=user)
    assert not WebhookEndpoint.objects.exists()
    # A name is only resolved at delivery, where it is checked again.
    url_check("https://hooks.example.com/co-align")


def test_a_refused_delivery_contacts_nothing_and_is_not_retried(
    settings: Any, endpoint_for, receiver
) -> None:
    # Registered while an admin allowed private addresses, delivered after they forbade them.
    endpoint_for(receiver.url.replace("127.0.0.1", "localhost"), [EventType.RUN_FINISHED])
    settings.WEBHOOKS_ALLOW_PRIVATE = False
    (delivery,) = webhook_emit(event_type=EventType.RUN_FINISHED, payload={"run": 1})

    attempt = webhook_deliver(delivery_id=delivery.pk, attempt=1)

    assert attempt is not None
    assert attempt.status_code is None
    assert "is a loopback address" in attempt.error
    assert receiver.requests == []
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
