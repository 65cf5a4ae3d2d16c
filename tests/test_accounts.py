import pytest
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
