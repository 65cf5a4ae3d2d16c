"""A small campaign run by a real worker with the tiny model: streamed responses, a re-run on a
newer version, attacker prompts and AI labels all land in the database and the signal pool."""

import time

import pytest
from asgiref.sync import sync_to_async

from accounts.roles import Role
from annotation.hazards import importers
from annotation.hazards.models import Label, Prompt, Response, ResponseStatus
from annotation.hazards.selectors.analytics import campaign_analytics
from annotation.hazards.services.ai_labels import ai_labels_request
from annotation.hazards.services.attacker import attack_request
from annotation.hazards.services.campaigns import campaign_create, campaign_rerun, prompts_add
from registry.models import ModelVersion
from registry.services import model_version_register
from signalpool.models import Signal
from tests.realtime_client import connect_as, subscribe

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def _wait_done(queryset, count: int, timeout: float = 180) -> list[Response]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = list(queryset.filter(status=ResponseStatus.DONE))
        if len(done) >= count:
            return done
        failed = queryset.filter(status=ResponseStatus.FAILED).first()
        assert failed is None, failed.error
        time.sleep(0.3)
    pytest.fail(f"{count} responses were not generated within {timeout} s")


async def test_a_campaign_streams_responses_into_the_campaign_group(
    celery_worker, published_lines, make_user
) -> None:
    rater = await sync_to_async(make_user)(Role.RATER)
    campaign = await sync_to_async(campaign_create)(
        name="worker", user=None, line="redteam-target", max_new_tokens=16
    )
    communicator = await connect_as(rater)
    assert (await subscribe(communicator, f"campaign:{campaign.pk}"))["type"] == "subscribed"
    rows = [importers.PromptRow(external_id=str(i), text=f"attack {i}") for i in range(2)]
    await sync_to_async(prompts_add)(campaign=campaign, rows=rows, source="file")

    await sync_to_async(_wait_done)(Response.objects.filter(prompt__campaign=campaign), 2)
    events: list[dict] = []
    while sum(e["type"] == "response.completed" for e in events) < 2:
        events.append(await communicator.receive_json_from(timeout=30))
    await communicator.disconnect()
    for response in [r async for r in Response.objects.filter(prompt__campaign=campaign)]:
        assert response.status == ResponseStatus.DONE, response.error
        deltas = [
            e["payload"]["text"]
            for e in events
            if e["type"] == "response.delta" and e["payload"]["id"] == response.pk
        ]
        assert "".join(deltas) == response.text
        assert await Signal.objects.filter(
            kind="ai_output", item_type="hazards.response", item_id=str(response.pk)
        ).aexists()


def test_rerun_attacker_and_ai_labels(celery_worker, published_lines) -> None:
    target = next(v for v in published_lines if v.line.slug == "redteam-target")
    judge = next(v for v in published_lines if v.line.slug == "judge")
    campaign = campaign_create(name="loop", user=None, version=target, max_new_tokens=8)
    prompts_add(
        campaign=campaign,
        rows=[importers.PromptRow(external_id="a", text="hello", category="hte")],
        source="file",
    )
    _wait_done(Response.objects.filter(prompt__campaign=campaign), 1)

    newer: ModelVersion = model_version_register(line=target.line, base=target.base, uri=target.uri)
    assert campaign_rerun(campaign=campaign, version=newer) == 1
    assert campaign_rerun(campaign=campaign, version=newer) == 0  # same prompts once
    _wait_done(Response.objects.filter(prompt__campaign=campaign, model_version=newer), 1)

    attack_request(campaign=campaign, category="vcr", count=2)
    deadline = time.monotonic() + 120
    while Prompt.objects.filter(campaign=campaign, source="attacker").count() < 2:
        assert time.monotonic() < deadline, "the attacker added no prompts"
        time.sleep(0.3)
    # Attacker prompts go to the campaign's target version.
    _wait_done(Response.objects.filter(prompt__campaign=campaign), 4)

    ai_labels_request(campaign=campaign, version=judge)
    deadline = time.monotonic() + 120
    while Label.objects.filter(model_version=judge).count() < 4:
        assert time.monotonic() < deadline, "the judge did not label every response"
        time.sleep(0.3)
    assert Signal.objects.filter(kind="hazard_label", source_model=judge).count() == 4
    report = campaign_analytics(campaign=campaign)
    assert report["ai_labels"] == 4
