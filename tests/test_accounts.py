import uuid
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.models import RaterProfile
from accounts.roles import Role
from signalpool.services import signal_record
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_session_login_me_and_logout(make_user) -> None:
    make_user(Role.RATER, username="ada")
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/auth/csrf/").json()["csrfToken"]

    response = client.post(
        "/api/auth/login/", {"username": "ada", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200
    assert response.json()["roles"] == ["rater"]
    assert client.get("/api/auth/me/").json()["username"] == "ada"

    token = client.cookies["csrftoken"].value
    assert client.post("/api/auth/logout/", HTTP_X_CSRFTOKEN=token).status_code == 204
    assert client.get("/api/auth/me/").status_code == 401


def test_session_writes_need_the_csrf_token(make_user) -> None:
    make_user(Role.RATER, username="ada")
    client = APIClient(enforce_csrf_checks=True)
    client.get("/api/auth/csrf/")
    token = client.cookies["csrftoken"].value
    client.post(
        "/api/auth/login/", {"username": "ada", "password": PASSWORD}, HTTP_X_CSRFTOKEN=token
    )

    refused = client.patch("/api/me/profile/", {"consent_given": True}, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]


def test_wrong_password_is_a_400_with_a_message(make_user) -> None:
    make_user(username="ada")
    response = APIClient().post("/api/auth/login/", {"username": "ada", "password": "nope"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["fields"]["non_field_errors"] == ["Wrong username or password."]


def test_token_auth_for_the_api(make_user) -> None:
    make_user(Role.RESEARCHER, username="rex")
    token = APIClient().post("/api/auth/token/", {"username": "rex", "password": PASSWORD}).json()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token['token']}")
    assert client.get("/api/auth/me/").json()["roles"] == ["researcher"]


def test_profile_background_needs_consent(client_as) -> None:
    client = client_as(Role.RATER)
    refused = client.patch("/api/me/profile/", {"region": "Wales", "languages": ["cy"]})
    assert refused.status_code == 400
    assert set(refused.json()["fields"]) == {"region", "languages"}
    assert client.get("/api/me/profile/").json()["region"] == ""

    given = client.patch(
        "/api/me/profile/", {"consent_given": True, "region": "Wales", "languages": ["cy", "en"]}
    )
    assert given.status_code == 200
    assert given.json()["consent_at"] is not None
    assert given.json()["languages"] == ["cy", "en"]


def test_withdrawing_consent_erases_background(client_as) -> None:
    client = client_as(Role.RATER)
    client.patch(
        "/api/me/profile/",
        {"consent_given": True, "region": "Wales", "perspective": "rural", "age_band": "25-34"},
    )
    body = client.patch("/api/me/profile/", {"consent_given": False}).json()
    assert body == {
        "consent_given": False,
        "consent_at": None,
        "languages": [],
        "region": "",
        "expertise": "",
        "age_band": "",
        "perspective": "",
    }


def test_delete_erases_profile_data(client_as) -> None:
    client = client_as(Role.RATER)
    client.patch("/api/me/profile/", {"consent_given": True, "expertise": "nursing"})
    assert client.delete("/api/me/profile/").status_code == 204
    profile = RaterProfile.objects.get()
    assert (profile.consent_given, profile.expertise) == (False, "")


def test_the_database_refuses_background_without_consent(make_user) -> None:
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        RaterProfile.objects.create(user=make_user(), consent_given=False, region="Wales")


def test_export_holds_account_profile_and_signals(make_user) -> None:
    user = make_user(Role.RATER, username="ada")
    client = APIClient()
    client.force_authenticate(user)
    client.patch("/api/me/profile/", {"consent_given": True, "region": "Wales"})
    signal_record(
        kind="comment",
        item_type="test.item",
        item_id=1,
        payload={"text": "hello"},
        idempotency_key="k1",
        source_user=user,
    )
    response = client.get("/api/me/export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = response.json()
    assert data["account"]["username"] == "ada"
    assert data["profile"]["region"] == "Wales"
    assert [s["payload"] for s in data["signals"]] == [{"text": "hello"}]


def test_work_lists_the_profile_invitation_until_seen(client_as) -> None:
    client = client_as(Role.RATER)
    assert [w["kind"] for w in client.get("/api/work/").json()["results"]] == ["profile"]
    client.get("/api/me/profile/")
    assert client.get("/api/work/").json()["results"] == []


def test_researcher_is_not_offered_rating_work(client_as) -> None:
    assert client_as(Role.RESEARCHER).get("/api/work/").json()["results"] == []


def _address() -> str:
    """A client address of the test's own, so counts left in Redis by other tests don't matter."""
    return f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"


def _login(username: str, password: str, address: str, forwarded_for: str = "") -> int:
    extra: dict[str, Any] = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    response = APIClient().post(
        "/api/auth/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **extra,
    )
    if response.status_code == 429:
        assert response.json()["code"] == "throttled"
    return response.status_code


@override_settings(LOGIN_ADDRESS_FAILURE_RATE="3/min", LOGIN_ACCOUNT_FAILURE_RATE="100/h")
def test_rotating_x_forwarded_for_does_not_escape_the_address_limit(make_user) -> None:
    address = _address()
    statuses = [
        _login(f"nobody-{i}", "guess", address, forwarded_for=f"192.0.2.{i}") for i in range(5)
    ]
    assert statuses == [400, 400, 400, 429, 429]


@override_settings(LOGIN_ADDRESS_FAILURE_RATE="3/min", LOGIN_ACCOUNT_FAILURE_RATE="100/h")
def test_the_right_password_still_works_from_a_hammered_address(make_user) -> None:
    owner = make_user(username=f"ada-{uuid.uuid4().hex[:6]}")
    address = _address()
    for i in range(6):
        _login(f"nobody-{i}", "guess", address)
    assert _login(f"nobody-{i}", "guess", address) == 429
    assert _login(owner.username, PASSWORD, address) == 200


@override_settings(LOGIN_ADDRESS_FAILURE_RATE="100/min", LOGIN_ACCOUNT_FAILURE_RATE="3/h")
def test_an_account_locks_after_its_failures_from_any_address(make_user) -> None:
    owner = make_user(username=f"ada-{uuid.uuid4().hex[:6]}")
    statuses = [_login(owner.username, f"guess-{i}", _address()) for i in range(4)]
    assert statuses == [400, 400, 400, 429]
    # Locked means locked: the password is not even checked until the window has passed.
    assert _login(owner.username, PASSWORD, _address()) == 429
    other = make_user(username=f"bob-{uuid.uuid4().hex[:6]}")
    assert _login(other.username, PASSWORD, _address()) == 200


def test_x_forwarded_for_is_read_only_through_the_configured_proxies(make_user) -> None:
    from rest_framework.test import APIRequestFactory

    from accounts.login_throttle import client_address

    request = APIRequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )
    assert client_address(request) == "10.0.0.1"
    rest = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    with override_settings(REST_FRAMEWORK=rest):
        assert client_address(request) == "198.51.100.7"
