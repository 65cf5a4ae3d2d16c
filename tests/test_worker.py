"""A real Celery worker process runs tasks; results show through the API and as events."""

import time

import pytest
from asgiref.sync import sync_to_async
from rest_framework.test import APIClient

from accounts.roles import Role
from ops.tasks import heartbeat
from signalpool.models import Signal
from tests.realtime_client import connect_as, subscribe

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


async def test_a_generation_streams_from_the_worker_and_lands_in_the_pool(
    celery_worker, published_lines, make_user
) -> None:
    user = await sync_to_async(make_user)(Role.RESEARCHER)
    client = APIClient()
    client.force_authenticate(user)
    communicator = await connect_as(user)

    created = await sync_to_async(client.post)(
        "/api/llm/generations/",
        # Long enough that the stream is still running when the client subscribes.
        {"line": "debater", "prompt": "Which answer is right?", "max_new_tokens": 200},
        format="json",
    )
    assert created.status_code == 201, created.content
    generation_id = created.json()["id"]
    assert (await subscribe(communicator, f"generation:{generation_id}"))["type"] == "subscribed"

    events: list[dict] = []
    while not events or events[-1]["type"] != "generation.completed":
        events.append(await communicator.receive_json_from(timeout=120))
    await communicator.disconnect()

    stored = (await sync_to_async(client.get)(f"/api/llm/generations/{generation_id}/")).json()
    assert stored["status"] == "done", stored["error"]
    assert stored["model_version"] == published_lines[0].pk
    deltas = [e["payload"]["text"] for e in events if e["type"] == "generation.delta"]
    assert deltas
    if events[0]["type"] == "generation.started":
        assert "".join(deltas) == stored["output"]
    else:  # a busy machine let the worker start before the client subscribed
        assert stored["output"].endswith("".join(deltas))
    assert events[-1]["payload"] == {"id": generation_id, "status": "done"}

    signal = await Signal.objects.aget(item_type="llm.generation", item_id=str(generation_id))
    assert signal.source_model_id == published_lines[0].pk
    assert signal.payload["completion"] == stored["output"]


def test_worker_heartbeats_are_visible_to_admins(celery_worker, client_as) -> None:
    heartbeat.apply_async(args=("gpu",), queue="gpu")
    client = client_as(Role.ADMIN)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = client.get("/api/health/workers/").json()["gpu"]
        if workers:
            break
        time.sleep(0.3)
    assert [(w["hostname"], w["alive"]) for w in workers] == [(celery_worker, True)]
