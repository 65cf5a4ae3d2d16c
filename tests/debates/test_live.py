"""Websockets and a real Celery worker: turns stream live; the truth reaches only committed
judges, on their own group."""

import json

import pytest
from asgiref.sync import sync_to_async
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.models import Protocol
from annotation.debates.services.debates import DebaterSpec, debate_create
from annotation.debates.services.turns import debate_turns_run
from tests.realtime_client import connect_as, subscribe

pytestmark = pytest.mark.django_db(transaction=True)


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


async def test_only_assigned_judges_debaters_and_researchers_may_watch(
    questions, make_user
) -> None:
    debate = await sync_to_async(debate_create)(
        question=questions[0], protocol=Protocol.BASELINE, debaters=[]
    )
    judge, stranger, researcher = [
        await sync_to_async(make_user)(role) for role in (Role.RATER, Role.RATER, Role.RESEARCHER)
    ]
    await sync_to_async(_client(judge).post)("/api/debates/assignments/next/")
    for user, expected in (
        (stranger, "subscription.refused"),
        (judge, "subscribed"),
        (researcher, "subscribed"),
    ):
        communicator = await connect_as(user)
        assert (await subscribe(communicator, f"debate:{debate.pk}"))["type"] == expected
        await communicator.disconnect()


async def test_no_event_reveals_the_truth_before_commit_and_the_outcome_comes_after(
    questions, published_lines, make_user
) -> None:
    debate = await sync_to_async(debate_create)(
        question=questions[0],
        protocol=Protocol.DEBATE,
        debaters=[DebaterSpec(model_version=published_lines[0])] * 2,
        rounds=1,
        word_limit=6,
    )
    judge, other = [await sync_to_async(make_user)(Role.RATER) for _ in range(2)]
    mine = (await sync_to_async(_client(judge).post)("/api/debates/assignments/next/")).json()
    theirs = (await sync_to_async(_client(other).post)("/api/debates/assignments/next/")).json()
    communicator = await connect_as(judge)
    assert (await subscribe(communicator, f"debate:{debate.pk}"))["type"] == "subscribed"

    # Turns are written (in this process: the worker test covers the queue) and another
    # judge commits: the watching judge hears the transcript, nothing about the truth.
    await sync_to_async(debate_turns_run)(debate_id=debate.pk)
    await sync_to_async(_client(other).post)(
        f"/api/debates/assignments/{theirs['id']}/judgement/",
        {"probabilities": [0.91, 0.09]},
        format="json",
    )
    events = []
    while not await communicator.receive_nothing(timeout=0.5):
        events.append(await communicator.receive_json_from())
    types = {e["type"] for e in events}
    assert {"debate.turn.delta", "debate.turn.completed", "debate.ready"} <= types
    text = json.dumps(events)
    assert "correct" not in text
    assert "0.91" not in text
    assert "helpful" not in text

    await sync_to_async(_client(judge).post)(
        f"/api/debates/assignments/{mine['id']}/judgement/",
        {"probabilities": [0.3, 0.7]},
        format="json",
    )
    outcome = await communicator.receive_json_from(timeout=5)
    assert outcome["group"] == f"user:{judge.pk}"
    assert outcome["type"] == "debate.judgement.committed"
    assert outcome["payload"]["correct_index"] == 0
    assert outcome["payload"]["correct"] is False
    await communicator.disconnect()
