"""A real Celery worker on the gpu queue writes a debate with the tiny model, streaming each
speech to watchers, and the published judge version then judges it."""

import re
import time

import pytest
from asgiref.sync import sync_to_async
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.models import Debate, JudgeKind, Judgement
from signalpool.models import Signal
from tests.conftest import gpu_queue_held
from tests.realtime_client import connect_as, subscribe

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


async def test_the_worker_writes_streams_and_judges_a_debate(
    celery_worker, published_lines, questions, make_user
) -> None:
    researcher = await sync_to_async(make_user)(Role.RESEARCHER)
    communicator = await connect_as(researcher)
    client = APIClient()
    client.force_authenticate(researcher)
    # Held until the client listens, so every streamed word of every turn reaches it.
    with gpu_queue_held(celery_worker):
        created = await sync_to_async(client.post)(
            "/api/debates/",
            {
                "question": questions[1].pk,
                "protocol": "debate",
                "debaters": [
                    {"line": "debater"},
                    {"line": "debater", "strategy": "rebuttal-first"},
                ],
                "rounds": 2,
                "word_limit": 10,
                "speaking_order": "simultaneous",
            },
            format="json",
        )
        assert created.status_code == 201, created.content
        debate_id = created.json()["id"]
        assert (await subscribe(communicator, f"debate:{debate_id}"))["type"] == "subscribed"
        assert await communicator.receive_nothing(timeout=1)  # no turn has started yet
    events: list[dict] = []
    while not events or events[-1]["type"] != "debate.ready":
        events.append(await communicator.receive_json_from(timeout=120))
    await communicator.disconnect()
    streamed: dict[tuple[int, str], str] = {}
    for event in events:
        if event["type"] == "debate.turn.delta":
            key = (event["payload"]["round"], event["payload"]["slot"])
            streamed[key] = streamed.get(key, "") + event["payload"]["text"]

    for _ in range(900):
        judgement = await Judgement.objects.filter(debate_id=debate_id).afirst()
        if judgement is not None:
            break
        await sync_to_async(time.sleep)(0.2)
    assert judgement is not None
    assert judgement.kind == JudgeKind.AI
    debate = await Debate.objects.aget(pk=debate_id)
    assert debate.status == "ready"
    slots: dict[int | None, str] = {d.pk: d.slot async for d in debate.debaters.all()}
    turns = [
        (t.round, slots[t.debater_id], t.text) async for t in debate.turns.order_by("position")
    ]
    assert [t[:2] for t in turns] == [(0, "A"), (0, "B"), (1, "A"), (1, "B")]
    # Each stored speech is its streamed text without control characters, cut to 10 words. The
    # untrained model sometimes ends a speech at once (its first token a stop): an empty speech
    # streams nothing, so it has no entry; the others must have streamed.
    assert streamed
    for round_, slot, text in turns:
        assert text.split() == CONTROL.sub("", streamed.get((round_, slot), "")).split()[:10]
    assert await Signal.objects.filter(kind="debate_turn", item_type="debates.turn").acount() == 4
