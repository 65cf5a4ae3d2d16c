"""Schemathesis over the whole OpenAPI schema, as each role: no 5xx, and every answer (status,
content type, body, headers) is one the schema documents. Bounded to a few generated requests
per operation and role, so the whole file stays within a couple of minutes on two cores."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.roles import Role

pytestmark = pytest.mark.django_db

_raw = SchemaGenerator().get_schema(request=None, public=True)
# Only generated requests: the coverage phase (every boundary value and method of every
# operation) would take many minutes for each role.
SCHEMA = schemathesis.openapi.from_dict(
    json.loads(OpenApiJsonRenderer().render(_raw)),
    config=SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}}),
)
SCHEMA.app = get_wsgi_application()

ROLES: dict[str, tuple[Role, ...]] = {
    "anonymous": (),
    "rater": (Role.RATER,),
    "researcher": (Role.RESEARCHER,),
    "admin": (Role.ADMIN, Role.RESEARCHER),
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture(autouse=True)
def connection_kept() -> Iterator[None]:
    """The WSGI handler closes the database connection after each request, which would end the
    test's transaction; Django's own test client keeps it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def auth_headers(make_user: Any, request: pytest.FixtureRequest) -> dict[str, str]:
    roles = ROLES[request.node.callspec.params["role"]]
    if not roles:
        return {}
    token, _ = Token.objects.get_or_create(user=make_user(*roles))
    return {"Authorization": f"Token {token.key}"}


@pytest.mark.parametrize("role", list(ROLES))
@SCHEMA.parametrize()
@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_its_schema_says(
    case: schemathesis.Case, role: str, auth_headers: dict[str, str]
) -> None:
    case.call_and_validate(headers=auth_headers, checks=CHECKS)
