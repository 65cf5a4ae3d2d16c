"""The OpenAPI schema says what the API does: each operation's error answers, required and
enumerated query parameters, and the API refuses what the schema does not allow."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from accounts.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.mark.parametrize(
    ("path", "method", "statuses", "absent"),
    [
        ("/api/signals/", "get", {"400", "401", "403", "404", "503"}, {"409"}),
        ("/api/signals/", "post", {"400", "401", "403", "409", "413"}, {"404"}),
        ("/api/loop/runs/{id}/cancel/", "post", {"401", "403", "404", "409"}, set()),
        ("/api/auth/login/", "post", {"400", "401", "429"}, {"404", "409"}),
        ("/api/health/", "get", {"503"}, {"401", "403"}),
        ("/api/debates/question-sets/", "post", {"400", "413"}, set()),
    ],
)
def test_operations_document_their_error_answers(schema, path, method, statuses, absent) -> None:
    responses = schema["paths"][path][method]["responses"]
    assert statuses <= set(responses), sorted(responses)
    assert not absent & set(responses), sorted(responses)
    error = responses["503"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/Error"}


def test_every_authenticated_operation_documents_401_and_403(schema) -> None:
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if operation.get("security") and {} not in operation["security"]:
                assert {"401", "403"} <= set(operation["responses"]), (path, method)


def test_the_analytics_export_table_is_required(schema) -> None:
    parameters = schema["paths"]["/api/debates/analytics/export/"]["get"]["parameters"]
    table = next(p for p in parameters if p["name"] == "table")
    assert table["required"] is True


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/signals/?source=AAA", "source"),
        ("/api/signals/?kind=nonsense", "kind"),
        ("/api/debates/analytics/?origin=elsewhere", "origin"),
        ("/api/debates/analytics/export/", "table"),
        ("/api/debates/analytics/export/?table=accuracy&file_format=xls", "file_format"),
    ],
)
def test_unknown_enum_values_in_a_query_are_refused(client_as, path, field) -> None:
    response = client_as(Role.RESEARCHER, Role.ADMIN).get(path)
    assert response.status_code == 400, response.content[:200]
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["fields"]) == [field]


def test_known_enum_values_still_filter(client_as) -> None:
    response = client_as(Role.RESEARCHER).get("/api/signals/?source=imported&kind=preference")
    assert response.status_code == 200
