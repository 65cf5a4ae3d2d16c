"""Errors a client or an operator causes are answered in the one JSON error shape, never as
Django's HTML pages: a database that is down, oversized bodies and files, malformed imports."""

import io
from collections.abc import Iterator

import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from accounts.roles import Role
from annotation.debates.models import QuestionSet
from annotation.hazards.models import Prompt
from tests.conftest import daphne_serving, free_port

pytestmark = pytest.mark.django_db

LONG = "x" * 140_000  # longer than the csv module's own default limit of 131,072


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """daphne, with DEBUG off, pointed at a PostgreSQL port where nothing listens."""
    dead = f"postgres://coalign:secret-password@127.0.0.1:{free_port()}/coalign_gone"
    with daphne_serving(
        tmp_path_factory.mktemp("daphne") / "daphne.log",
        healthy_only=False,
        DATABASE_URL=dead,
        DEBUG="false",
        SECRET_KEY="test-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_POOL_TIMEOUT="1",
        SECURE_SSL_REDIRECT="false",  # plain HTTP on the loopback
    ) as url:
        yield url


@pytest.mark.parametrize(
    ("method", "path", "headers", "body"),
    [
        ("GET", "/api/auth/me/", {"Authorization": "Token " + "a" * 40}, None),
        ("POST", "/api/auth/login/", {}, {"username": "ada", "password": "whatever"}),
        ("GET", "/api/signals/", {"Authorization": "Token " + "a" * 40}, None),
    ],
)
def test_a_database_that_is_down_is_a_503_in_the_error_shape(
    server_without_database: str, method: str, path: str, headers: dict[str, str], body: object
) -> None:
    response = httpx.request(
        method, server_without_database + path, headers=headers, json=body, timeout=30
    )
    assert response.status_code == 503, response.text[:300]
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "detail": "The database is unavailable; try again shortly.",
        "code": "service_unavailable",
    }
    assert response.headers["retry-after"]


def test_public_health_says_the_database_is_down_without_naming_it(
    server_without_database: str,
) -> None:
    response = httpx.get(server_without_database + "/api/health/", timeout=30)
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == {"ok": False, "detail": "unreachable"}
    text = response.text.lower()
    for secret in ("127.0.0.1", "coalign_gone", "coalign", "secret-password", "psycopg", "port"):
        assert secret not in text, secret


def test_admins_see_the_underlying_errors(client_as) -> None:
    checks = client_as(Role.ADMIN).get("/api/health/details/").json()["checks"]
    assert checks["database"] == {"ok": True, "detail": "reachable", "error": ""}
    assert client_as(Role.RESEARCHER).get("/api/health/details/").status_code == 403


def _question_upload(client, data: bytes, name: str = "q.csv"):
    return client.post(
        "/api/debates/question-sets/",
        {"file": SimpleUploadedFile(name, data), "dataset": "unit"},
        format="multipart",
    )


def _prompt_upload(client, campaign_id: int, data: bytes, name: str = "p.csv"):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(
        f"/api/hazards/campaigns/{campaign_id}/import/", {"file": upload}, format="multipart"
    )


@pytest.fixture
def campaign_id(client_as, published_lines) -> int:
    researcher = client_as(Role.RESEARCHER)
    created = researcher.post(
        "/api/hazards/campaigns/", {"name": "Probe", "line": "redteam-target"}, format="json"
    )
    return int(created.json()["id"])


def test_a_question_csv_with_an_overlong_field_is_a_400(client_as) -> None:
    data = f"question,option_a,option_b,correct,passage\nQ?,a,b,A,{LONG}\n".encode()
    response = _question_upload(client_as(Role.RESEARCHER), data)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "field larger than field limit" in str(response.json()["fields"])
    assert not QuestionSet.objects.exists()


@pytest.mark.parametrize("where", ["header", "row"])
def test_a_prompt_csv_with_an_overlong_field_is_a_400(client_as, campaign_id, where) -> None:
    data = f"prompt,{LONG}\nfine,\n" if where == "header" else f"prompt\n{LONG}\n"
    response = _prompt_upload(client_as(Role.RESEARCHER), campaign_id, data.encode())
    assert response.status_code == 400
    assert "field larger than field limit" in response.json()["fields"]["file"][0]
    assert not Prompt.objects.exists()


@override_settings(UPLOAD_MAX_BYTES=1000)
def test_an_upload_over_the_cap_is_a_413_and_stores_nothing(client_as, campaign_id) -> None:
    client = client_as(Role.RESEARCHER)
    questions = b'{"question": "Q?", "options": ["a", "b"], "correct": "A"}\n' * 40
    refused = _question_upload(client, questions, "q.jsonl")
    assert refused.status_code == 413
    assert refused.json()["code"] == "too_large"
    assert "uploads may be up to 0.001 MB" in refused.json()["detail"]
    prompts = b'{"prompt": "an attack"}\n' * 60
    assert _prompt_upload(client, campaign_id, prompts, "p.jsonl").status_code == 413
    assert not QuestionSet.objects.exists()
    assert not Prompt.objects.exists()


def test_a_body_over_the_cap_is_a_413_in_json_before_it_is_parsed(server) -> None:
    """Refused from its Content-Length, before authentication or multipart parsing."""
    response = httpx.post(
        f"{server}/api/debates/question-sets/",
        # Over the default UPLOAD_MAX_BYTES of 10 MB.
        files={"file": ("q.jsonl", b"x" * 12_000_000)},
        data={"dataset": "unit"},
        timeout=60,
    )
    assert response.status_code == 413, response.text[:500]
    assert response.json()["code"] == "too_large"


def test_a_json_body_over_djangos_limit_is_a_413_in_json(client_as) -> None:
    client = client_as(Role.RATER)
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100):
        response = client.patch("/api/me/profile/", {"region": "x" * 500}, format="json")
    assert response.status_code == 413, response.content[:200]
    assert response.json()["code"] == "too_large"


@pytest.mark.parametrize("path", ["/api/debates/not-a-number/", "/api/no-such-thing/"])
def test_an_api_path_that_matches_no_route_is_a_json_404(client_as, path) -> None:
    response = client_as(Role.RESEARCHER).get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}
