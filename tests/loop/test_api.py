"""The loop's API: who may do what, bad input as field messages, the lock as 409."""

import json

import pytest

from accounts.roles import Role
from loop.models import DatasetSnapshot, PublishAction, PublishDecision, TrainingRun
from loop.services.runs import training_run_execute
from loop.tasks import snapshot_build_task
from registry.selectors import published_version

pytestmark = pytest.mark.django_db

RUN = {
    "line": "debater",
    "recipe": "dpo",
    "dataset_recipe": {"kinds": ["preference"], "eval_fraction": 0.25},
    "config": {"max_steps": 4, "save_steps": 2},
}


def test_roles(client_as, small_eval) -> None:
    assert client_as(Role.RATER).get("/api/loop/runs/").status_code == 403
    researcher = client_as(Role.RESEARCHER)
    assert researcher.get("/api/loop/runs/").status_code == 200
    assert researcher.post("/api/loop/runs/", RUN, format="json").status_code == 403
    assert researcher.post(f"/api/loop/versions/{small_eval[0].pk}/publish/").status_code == 403


def test_snapshots_build_list_download(client_as, record_preferences) -> None:
    record_preferences(12)
    admin = client_as(Role.ADMIN)
    body = {"recipe": {"kinds": ["preference"], "until": "2100-01-01T00:00:00Z"}}
    requested = admin.post("/api/loop/snapshots/", body, format="json")
    assert requested.status_code == 202, requested.content
    assert requested.json()["status"] == "building"
    # What the default worker does once the request has committed.
    snapshot_build_task(requested.json()["id"])
    created = admin.get(f"/api/loop/snapshots/{requested.json()['id']}/")
    assert created.json()["status"] == "ready"
    again = admin.post("/api/loop/snapshots/", body, format="json")
    assert (again.status_code, again.json()["id"]) == (200, created.json()["id"])
    listed = admin.get("/api/loop/snapshots/").json()["results"]
    assert [s["content_hash"] for s in listed] == [created.json()["content_hash"]]
    download = admin.get(f"/api/loop/snapshots/{created.json()['id']}/download/?split=train")
    lines = b"".join(download.streaming_content).decode().splitlines()
    assert len(lines) == created.json()["counts"]["train"]
    # Weighting by rater quality: every row gets a weight (1.0: these raters are unmeasured).
    recipe = {"kinds": ["preference"], "until": "2100-01-01T00:00:00Z", "weight_by_quality": True}
    weighted = admin.post("/api/loop/snapshots/", {"recipe": recipe}, format="json").json()
    assert weighted["recipe"]["weight_by_quality"] is True
    snapshot_build_task(weighted["id"])
    download = admin.get(f"/api/loop/snapshots/{weighted['id']}/download/?split=train")
    rows = [json.loads(line) for line in b"".join(download.streaming_content).splitlines()]
    assert {row["weight"] for row in rows} == {1.0}


def test_bad_input_is_400_with_field_messages(client_as, small_eval, record_preferences) -> None:
    record_preferences(8)
    admin = client_as(Role.ADMIN)
    bad = admin.post(
        "/api/loop/snapshots/", {"recipe": {"kinds": [], "weights": {"human": -1}}}, format="json"
    )
    assert bad.status_code == 400
    assert set(bad.json()["fields"]) == {"kinds", "weights"}
    for body, field in [
        ({**RUN, "recipe": "ppo"}, "recipe"),
        ({**RUN, "line": "nobody"}, "line"),
        ({**RUN, "config": {"max_steps": -1}}, "config"),
        ({key: value for key, value in RUN.items() if key != "dataset_recipe"}, "snapshot"),
    ]:
        response = admin.post("/api/loop/runs/", body, format="json")
        assert response.status_code == 400, body
        assert field in response.json()["fields"], response.json()
    assert not TrainingRun.objects.exists()
    assert not DatasetSnapshot.objects.exists()


def test_start_lock_publish_override_rollback(client_as, small_eval, record_preferences) -> None:
    record_preferences(16)
    admin = client_as(Role.ADMIN)
    started = admin.post("/api/loop/runs/", RUN, format="json")
    assert started.status_code == 201, started.content
    assert admin.post("/api/loop/runs/", RUN, format="json").status_code == 409
    run_id = started.json()["id"]
    snapshot_build_task(started.json()["snapshot"])
    training_run_execute(run_id=run_id)
    run = admin.get(f"/api/loop/runs/{run_id}/").json()
    assert run["status"] == "done"
    assert run["version_number"] == 2

    policy = admin.put(
        "/api/loop/policies/debater/", {"gates": {"min_llmbar_accuracy": 1.01}}, format="json"
    )
    assert policy.status_code == 200, policy.content
    refused = admin.post(f"/api/loop/versions/{run['version']}/publish/", {}, format="json")
    assert refused.status_code == 400
    assert refused.json()["fields"]["gates"]
    forced = admin.post(
        f"/api/loop/versions/{run['version']}/publish/",
        {"override_reason": "Needed for the demo."},
        format="json",
    )
    assert forced.status_code == 200
    assert forced.json()["status"] == "published"
    detail = admin.get(f"/api/loop/versions/{run['version']}/").json()
    assert [v["number"] for v in detail["lineage"]] == [2, 1]
    assert [d["action"] for d in detail["decisions"]] == ["override", "refused"]
    assert detail["snapshot"]["id"] == run["snapshot"]

    back = admin.post(f"/api/loop/versions/{small_eval[0].pk}/rollback/", {}, format="json")
    assert back.status_code == 200
    assert published_version(line="debater") == small_eval[0]
    assert PublishDecision.objects.exclude(action=PublishAction.SEED).count() == 3


def test_policies_refuse_unknown_gates(client_as, small_eval) -> None:
    admin = client_as(Role.ADMIN)
    response = admin.put("/api/loop/policies/debater/", {"gates": {"min_vibes": 1}}, format="json")
    assert response.status_code == 400
    assert "gates" in response.json()["fields"]
