"""Every endpoint enforces authentication and roles: a role x endpoint matrix generated from the
OpenAPI schema. Every operation is called as each role (anonymous, rater, researcher, admin) and
must refuse exactly the roles ACCESS does not list.

A new endpoint fails `test_every_operation_is_in_the_matrix` until someone states here who may
call it, so none is left open by default. "PUBLIC" operations need no login at all.
"""

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts.roles import Role

pytestmark = pytest.mark.django_db

# Who passes the permission check of each operation (an object-level refusal, answered 404 so
# that ids do not leak, counts as passing here; the activities' own tests cover those).
ACCESS: dict[tuple[str, str], str] = {
    ("GET", "/api/auth/csrf/"): "PUBLIC",
    ("POST", "/api/auth/login/"): "PUBLIC",
    ("POST", "/api/auth/logout/"): "PUBLIC",
    ("GET", "/api/auth/me/"): "rater researcher admin",
    ("GET", "/api/audit/"): "researcher admin",
    ("POST", "/api/auth/token/"): "PUBLIC",
    ("GET", "/api/debates/"): "researcher admin",
    ("POST", "/api/debates/"): "researcher admin",
    ("GET", "/api/debates/{id}/"): "researcher admin",
    ("POST", "/api/debates/{id}/turns/"): "rater researcher admin",
    ("GET", "/api/debates/analytics/"): "researcher admin",
    ("GET", "/api/debates/analytics/export/"): "researcher admin",
    ("GET", "/api/debates/assignments/"): "rater",
    ("GET", "/api/debates/assignments/{id}/"): "rater",
    ("POST", "/api/debates/assignments/{id}/judgement/"): "rater",
    ("POST", "/api/debates/assignments/{id}/rounds/"): "rater",
    ("POST", "/api/debates/assignments/{id}/skip/"): "rater",
    ("POST", "/api/debates/assignments/next/"): "rater",
    ("GET", "/api/debates/question-sets/"): "researcher admin",
    ("POST", "/api/debates/question-sets/"): "researcher admin",
    ("GET", "/api/debates/questions/"): "researcher admin",
    ("GET", "/api/debates/seats/"): "rater researcher admin",
    ("GET", "/api/debates/seats/{id}/"): "rater researcher admin",
    ("GET", "/api/hazards/campaigns/"): "researcher",
    ("POST", "/api/hazards/campaigns/"): "researcher",
    ("GET", "/api/hazards/campaigns/{id}/"): "researcher",
    ("POST", "/api/hazards/campaigns/{id}/ai-labels/"): "researcher",
    ("GET", "/api/hazards/campaigns/{id}/analytics/"): "researcher",
    ("POST", "/api/hazards/campaigns/{id}/attacks/"): "researcher",
    ("POST", "/api/hazards/campaigns/{id}/import/"): "researcher",
    ("GET", "/api/hazards/campaigns/{id}/next/"): "rater",
    ("POST", "/api/hazards/campaigns/{id}/prompts/"): "rater researcher",
    ("POST", "/api/hazards/campaigns/{id}/rerun/"): "researcher",
    ("GET", "/api/hazards/campaigns/{id}/responses/"): "researcher",
    ("GET", "/api/hazards/me/reliability/"): "rater",
    ("GET", "/api/hazards/report/"): "researcher",
    ("POST", "/api/hazards/responses/{id}/adjudicate/"): "researcher",
    ("POST", "/api/hazards/responses/{id}/label/"): "rater",
    ("POST", "/api/hazards/responses/{id}/skip/"): "rater",
    ("GET", "/api/hazards/taxonomies/"): "rater researcher admin",
    ("POST", "/api/hazards/taxonomies/"): "researcher",
    ("GET", "/api/health/"): "PUBLIC",
    ("GET", "/api/health/details/"): "admin",
    ("GET", "/api/health/workers/"): "admin",
    ("GET", "/api/llm/generations/"): "researcher admin",
    ("POST", "/api/llm/generations/"): "researcher admin",
    ("GET", "/api/llm/generations/{id}/"): "researcher admin",
    ("GET", "/api/llm/serving/"): "researcher admin",
    ("GET", "/api/llm/examples/"): "researcher admin",
    ("GET", "/api/loop/policies/"): "researcher admin",
    ("GET", "/api/loop/policies/{slug}/"): "researcher admin",
    ("PUT", "/api/loop/policies/{slug}/"): "admin",
    ("GET", "/api/loop/runs/"): "researcher admin",
    ("POST", "/api/loop/runs/"): "admin",
    ("GET", "/api/loop/runs/{id}/"): "researcher admin",
    ("POST", "/api/loop/runs/{id}/cancel/"): "admin",
    ("GET", "/api/loop/snapshots/"): "researcher admin",
    ("POST", "/api/loop/snapshots/"): "admin",
    ("GET", "/api/loop/snapshots/{id}/"): "researcher admin",
    ("GET", "/api/loop/snapshots/{id}/download/"): "researcher admin",
    ("POST", "/api/loop/snapshots/{id}/export/"): "admin",
    ("GET", "/api/loop/snapshots/{id}/export/archive/"): "researcher admin",
    ("GET", "/api/loop/versions/{id}/"): "researcher admin",
    ("POST", "/api/loop/versions/{id}/publish/"): "admin",
    ("POST", "/api/loop/versions/{id}/rollback/"): "admin",
    ("GET", "/api/me/export/"): "rater researcher admin",
    ("GET", "/api/me/profile/"): "rater researcher admin",
    ("PATCH", "/api/me/profile/"): "rater researcher admin",
    ("DELETE", "/api/me/profile/"): "rater researcher admin",
    ("GET", "/api/principles/audit/"): "rater researcher admin",
    ("GET", "/api/principles/polis/"): "researcher",
    ("POST", "/api/principles/polis/"): "researcher",
    ("GET", "/api/principles/proposals/{id}/comments/"): "rater researcher",
    ("POST", "/api/principles/proposals/{id}/comments/"): "rater researcher",
    ("POST", "/api/principles/proposals/{id}/veto/"): "researcher admin",
    ("POST", "/api/principles/proposals/{id}/vote/"): "rater researcher",
    ("GET", "/api/principles/rounds/"): "rater researcher admin",
    ("POST", "/api/principles/rounds/"): "researcher admin",
    ("GET", "/api/principles/rounds/{id}/"): "rater researcher admin",
    ("POST", "/api/principles/rounds/{id}/ai-proposals/"): "researcher admin",
    ("POST", "/api/principles/rounds/{id}/ai-votes/"): "researcher admin",
    ("GET", "/api/principles/rounds/{id}/analysis/"): "rater researcher admin",
    ("POST", "/api/principles/rounds/{id}/close/"): "researcher admin",
    ("POST", "/api/principles/rounds/{id}/proposals/"): "rater researcher",
    ("GET", "/api/principles/tracking/"): "rater researcher admin",
    ("GET", "/api/principles/versions/"): "rater researcher admin",
    ("GET", "/api/principles/versions/{number}/"): "rater researcher admin",
    ("GET", "/api/principles/versions/{number}/diff/"): "rater researcher admin",
    ("GET", "/api/registry/lines/"): "researcher admin",
    ("GET", "/api/registry/lines/{slug}/versions/"): "researcher admin",
    ("GET", "/api/signals/"): "researcher admin",
    ("POST", "/api/signals/"): "rater researcher admin",
    ("GET", "/api/studies/"): "researcher admin",
    ("POST", "/api/studies/"): "researcher admin",
    ("GET", "/api/studies/{id}/"): "researcher admin",
    ("POST", "/api/studies/{id}/cancel/"): "researcher admin",
    ("GET", "/api/studies/{id}/download/"): "researcher admin",
    ("GET", "/api/studies/kinds/"): "researcher admin",
    ("GET", "/api/webhooks/endpoints/"): "researcher admin",
    ("POST", "/api/webhooks/endpoints/"): "researcher admin",
    ("GET", "/api/webhooks/endpoints/{id}/"): "researcher admin",
    ("PATCH", "/api/webhooks/endpoints/{id}/"): "researcher admin",
    ("DELETE", "/api/webhooks/endpoints/{id}/"): "researcher admin",
    ("GET", "/api/webhooks/endpoints/{id}/deliveries/"): "researcher admin",
    ("POST", "/api/webhooks/endpoints/{id}/test/"): "researcher admin",
    ("GET", "/api/webhooks/event-types/"): "researcher admin",
    ("GET", "/api/work/"): "rater researcher admin",
    ("PUT", "/api/debates/{id}/gold/"): "researcher admin",
    ("DELETE", "/api/debates/{id}/gold/"): "researcher admin",
    ("PUT", "/api/hazards/responses/{id}/gold/"): "researcher",
    ("DELETE", "/api/hazards/responses/{id}/gold/"): "researcher",
    ("POST", "/api/hazards/campaigns/{id}/gold/import/"): "researcher",
    ("GET", "/api/debates/analytics/groups/"): "researcher admin",
    ("GET", "/api/hazards/campaigns/{id}/analytics/groups/"): "researcher",
    ("GET", "/api/principles/rounds/{id}/groups/"): "researcher admin",
    ("GET", "/api/quotas/{activity}/{object_id}/"): "researcher",
    ("PUT", "/api/quotas/{activity}/{object_id}/"): "researcher",
    ("GET", "/api/trust/"): "researcher admin",
    ("GET", "/api/me/trust/"): "rater researcher admin",
}
ROLES = ("rater", "researcher", "admin")


def _operations() -> list[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [(method.upper(), path) for path, item in schema["paths"].items() for method in item]


OPERATIONS = _operations()


def _concrete(path: str) -> str:
    for name, value in (
        ("{id}", "1"),
        ("{pk}", "1"),
        ("{number}", "1"),
        ("{slug}", "debater"),
        ("{activity}", "hazards"),
        ("{object_id}", "1"),
    ):
        path = path.replace(name, value)
    return path


def test_every_operation_is_in_the_matrix() -> None:
    assert len(OPERATIONS) >= 12
    assert sorted(set(OPERATIONS) - set(ACCESS)) == [], "add these operations to ACCESS"
    assert sorted(set(ACCESS) - set(OPERATIONS)) == [], "these operations are gone"


def test_anonymous_requests_are_refused_unless_public() -> None:
    wrong = []
    for method, path in OPERATIONS:
        response = getattr(APIClient(), method.lower())(_concrete(path))
        if ACCESS.get((method, path)) == "PUBLIC":
            if response.status_code in (401, 403):
                wrong.append((method, path, response.status_code))
        elif response.status_code != 401 or response.json()["code"] != "not_authenticated":
            wrong.append((method, path, response.status_code))
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_allowed_or_refused_as_the_matrix_says(make_user: Any, role: str) -> None:
    # One user and one transaction for all operations: a test per operation and role would
    # cost minutes on a small machine.
    client = APIClient()
    client.force_authenticate(make_user(Role(role)))
    wrong = []
    for method, path in OPERATIONS:
        access = ACCESS.get((method, path), "")
        if access == "PUBLIC":
            continue
        status = getattr(client, method.lower())(_concrete(path)).status_code
        allowed = role in access.split()
        if (allowed and status in (401, 403)) or (not allowed and status != 403):
            wrong.append((method, path, status))
    assert wrong == []
