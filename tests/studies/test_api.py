"""The studies API: who may use it, parameter errors as 400s, the kinds, downloads, events."""

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.studies.models import Study, StudyStatus
from annotation.studies.services.steps import study_step_execute
from annotation.studies.services.studies import study_create
from realtime.groups import can_subscribe
from tests.realtime_client import connect_as, subscribe
from tests.studies.test_engine import Echo

pytestmark = pytest.mark.django_db

ClientAs = Callable[..., APIClient]


@pytest.fixture
def echo(monkeypatch: pytest.MonkeyPatch) -> Echo:
    from annotation.studies import kinds

    kind = Echo()
    monkeypatch.setattr(kinds, "kinds_all", lambda: {"echo": kind})
    return kind


def test_only_people_who_may_run_studies_reach_them(
    client_as: ClientAs, make_user: Callable[..., Any], published_lines: list[Any]
) -> None:
    study = study_create(kind="label_noise", params={}, actor=None)
    rater, anonymous = client_as(Role.RATER), APIClient()
    for method, url in [
        ("get", "/api/studies/"),
        ("post", "/api/studies/"),
        ("get", "/api/studies/kinds/"),
        ("get", f"/api/studies/{study.pk}/"),
        ("post", f"/api/studies/{study.pk}/cancel/"),
        ("get", f"/api/studies/{study.pk}/download/"),
    ]:
        assert getattr(rater, method)(url).status_code == 403, url
        assert getattr(anonymous, method)(url).status_code == 401, url
    for role in (Role.RESEARCHER, Role.ADMIN):
        assert client_as(role).get("/api/studies/").json()["count"] == 1
    # Live progress follows the same rule.
    assert can_subscribe(make_user(Role.RESEARCHER), f"study:{study.pk}")
    assert can_subscribe(make_user(Role.RESEARCHER), "studies")
    assert not can_subscribe(make_user(Role.RATER), f"study:{study.pk}")
    assert not can_subscribe(make_user(Role.RESEARCHER), f"study:{study.pk + 1}")


def test_the_kinds_list_their_parameters(client_as: ClientAs) -> None:
    kinds = {k["name"]: k for k in client_as(Role.RESEARCHER).get("/api/studies/kinds/").json()}
    assert {"label_noise", "weak_to_strong"} <= set(kinds)
    levels = {p["name"]: p for p in kinds["label_noise"]["params"]}["noise_levels"]
    assert levels["type"] == "list"
    assert levels["items"] == "number"
    assert levels["default"] == [0.0, 0.5, 1.0]
    assert levels["help"] == "Shares of the training labels flipped, each from 0 to 1."
    per_subset = {p["name"]: p for p in kinds["weak_to_strong"]["params"]}["llmbar_per_subset"]
    assert per_subset["nullable"]
    assert per_subset["default"] == 5


def test_bad_parameters_are_400s_by_field_and_store_nothing(
    client_as: ClientAs, published_lines: list[Any]
) -> None:
    client = client_as(Role.RESEARCHER)
    cases: list[tuple[dict[str, Any], set[str]]] = [
        ({"kind": "sandwiching"}, {"kind"}),
        ({"kind": "label_noise", "params": {"noise_levels": [0.5, 2]}}, {"noise_levels"}),
        ({"kind": "label_noise", "params": {"items": "many", "depth": 3}}, {"items", "depth"}),
        ({"kind": "label_noise", "params": {"versions": ["judge:99"]}}, {"versions"}),
        ({"kind": "weak_to_strong", "params": {"pairs": 2}}, {"pairs"}),
        ({"kind": "label_noise", "params": [1, 2]}, {"params"}),
    ]
    for body, fields in cases:
        response = client.post("/api/studies/", body, format="json")
        assert response.status_code == 400, body
        assert set(response.json()["fields"]) == fields, response.json()
    assert not Study.objects.exists()


def test_start_follow_cancel_and_download(
    client_as: ClientAs, echo: Echo, django_capture_on_commit_callbacks
) -> None:
    client = client_as(Role.RESEARCHER)
    response = client.post(
        "/api/studies/", {"kind": "echo", "params": {"rounds": 2}}, format="json"
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["status"], created["steps"], created["report"]) == (
        "queued",
        ["step 0", "step 1"],
        None,
    )
    for _ in range(2):
        study = Study.objects.get(pk=created["id"])
        study_step_execute(study_id=study.pk, dispatch=study.dispatch)

    detail = client.get(f"/api/studies/{created['id']}/").json()
    assert detail["status"] == "done"
    assert detail["report"]["summary"] == "2 steps"
    assert detail["steps_total"] == 2
    assert detail["params"]["rounds"] == 2

    download = client.get(f"/api/studies/{created['id']}/download/")
    assert (
        download["Content-Disposition"] == f'attachment; filename="study-{created["id"]}-echo.json"'
    )
    assert download.json()["report"]["tables"][0]["rows"] == [["step 0"], ["step 1"]]
    assert download.json()["params"] == detail["params"]
    as_csv = client.get(f"/api/studies/{created['id']}/download/?file_format=csv")
    assert as_csv["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(as_csv.content.decode())))
    assert rows[0] == [f"Study #{created['id']}: echo"]
    assert rows[-5:] == [[], ["Steps"], ["step"], ["step 0"], ["step 1"]]

    # A finished study cannot be cancelled; a running one can.
    assert client.post(f"/api/studies/{created['id']}/cancel/").status_code == 400
    other = client.post("/api/studies/", {"kind": "echo"}, format="json").json()
    cancelled = client.post(f"/api/studies/{other['id']}/cancel/")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == StudyStatus.CANCELLED


@pytest.mark.django_db(transaction=True)
async def test_progress_reaches_the_study_page(make_user: Callable[..., Any], echo: Echo) -> None:
    user = await sync_to_async(make_user)(Role.RESEARCHER)
    study = await sync_to_async(study_create)(kind="echo", params={"rounds": 2}, actor=user)
    communicator = await connect_as(user)
    assert (await subscribe(communicator, f"study:{study.pk}"))["type"] == "subscribed"

    await sync_to_async(study_step_execute)(study_id=study.pk, dispatch=study.dispatch)
    events = [await communicator.receive_json_from(timeout=5) for _ in range(2)]
    assert [e["type"] for e in events] == ["study.progress", "study.progress"]
    assert events[0]["payload"]["message"] == "Running step 0"
    assert events[1]["payload"] | {"id": 0} == {
        "id": 0,
        "kind": "echo",
        "status": "running",
        "step_index": 1,
        "steps_total": 2,
        "step": "step 1",
        "message": "did step 0",
    }
    await communicator.disconnect()
