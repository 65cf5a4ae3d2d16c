"""Every endpoint enforces authentication and roles."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts.roles import Role

pytestmark = pytest.mark.django_db

PUBLIC = {
    ("/api/auth/csrf/", "get"),
    ("/api/auth/login/", "post"),
    ("/api/auth/logout/", "post"),
    ("/api/auth/token/", "post"),
    ("/api/health/", "get"),
    ("/api/schema/", "get"),
}


def _operations() -> list[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    ops: list[tuple[str, str]] = []
    for path, item in schema["paths"].items():
        concrete = (
            path.replace("{id}", "1")
            .replace("{pk}", "1")
            .replace("{number}", "1")
            .replace("{slug}", "debater")
        )
        ops.extend((concrete, method) for method in item if (path, method) not in PUBLIC)
    return ops


OPERATIONS = _operations()


def test_the_schema_lists_the_endpoints() -> None:
    assert len(OPERATIONS) >= 12


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_anonymous_requests_are_refused(path: str, method: str) -> None:
    response = getattr(APIClient(), method)(path)
    assert response.status_code == 401, (path, method)
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize(
    ("path", "method", "allowed", "refused"),
    [
        ("/api/signals/", "get", Role.RESEARCHER, Role.RATER),
        ("/api/registry/lines/", "get", Role.RESEARCHER, Role.RATER),
        ("/api/registry/versions/1/publish/", "post", Role.ADMIN, Role.RESEARCHER),
        ("/api/llm/generations/", "get", Role.RESEARCHER, Role.RATER),
        ("/api/health/workers/", "get", Role.ADMIN, Role.RESEARCHER),
    ],
)
def test_roles_are_enforced(client_as, path, method, allowed, refused) -> None:
    assert getattr(client_as(refused), method)(path).status_code == 403
    assert getattr(client_as(allowed), method)(path).status_code != 403
