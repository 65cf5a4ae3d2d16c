"""Where events happen, a delivery is created for each subscribed endpoint once the change
commits, with ids only: never a rater's own words or account details."""

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from accounts.roles import Role
from annotation.hazards.models import Assignment, Response
from annotation.hazards.services.labels import label_submit
from annotation.hazards.tasks import campaign_analytics_compute_task
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_submit
from annotation.principles.services.rounds import round_close, round_open
from annotation.principles.services.votes import vote_cast
from loop.models import RunStatus
from loop.services.publishing import version_publish, version_rollback
from loop.services.runs import training_run_cancel
from registry.models import ModelLine
from registry.services import model_version_register
from signalpool.services import signal_record
from tests.factories import TrainingRunFactory
from webhooks.models import EventType, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed(endpoint_for) -> None:
    endpoint_for("https://hooks.example.com/co-align")


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[[Callable[[], Any]], Any]:
    """Run `action`, then what it left for after its commit (as the commit would), but not
    what those callbacks queue in turn: the delivery tasks stay unsent."""

    def run(action: Callable[[], Any]) -> Any:
        with django_capture_on_commit_callbacks() as callbacks:
            result = action()
        for callback in callbacks:
            callback()
        return result

    return run


def events(event_type: EventType) -> list[dict[str, Any]]:
    bodies = WebhookDelivery.objects.filter(event_type=event_type).order_by("pk")
    return [json.loads(delivery.body)["data"] for delivery in bodies]


def test_nothing_is_delivered_before_the_commit(subscribed, make_user) -> None:
    rater = make_user(Role.RATER)
    signal_record(
        kind="comment",
        item_type="test.item",
        item_id=1,
        payload={"text": "x"},
        idempotency_key="k",
        source_user=rater,
    )
    assert not WebhookDelivery.objects.exists()


def test_signal_recorded_carries_ids_not_the_raters_words(subscribed, make_user, committed):
    rater = make_user(Role.RATER, email="rater@example.com")
    signal, _ = committed(
        lambda: signal_record(
            kind="comment",
            item_type="test.item",
            item_id=5,
            payload={"text": "My private thoughts."},
            idempotency_key="k1",
            source_user=rater,
        )
    )
    # A retry of the same signal is not a new event.
    committed(
        lambda: signal_record(
            kind="comment",
            item_type="test.item",
            item_id=5,
            payload={"text": "My private thoughts."},
            idempotency_key="k1",
            source_user=rater,
        )
    )

    (event,) = events(EventType.SIGNAL_RECORDED)
    assert event["signal"] == signal.pk
    assert (event["kind"], event["item_type"], event["item_id"]) == ("comment", "test.item", "5")
    assert event["rater"] == rater.pk
    body = WebhookDelivery.objects.get().body
    for personal in ("My private thoughts", rater.username, "rater@example.com"):
        assert personal not in body


def test_label_aggregated_once_per_version_of_the_labels(subscribed, committed, make_user) -> None:
    from annotation.hazards import importers
    from annotation.hazards.services.campaigns import campaign_create, prompts_add
    from tests.factories import ResponseFactory

    campaign = campaign_create(name="c", user=None, labels_per_item=1)
    (prompt,) = prompts_add(
        campaign=campaign, rows=[importers.PromptRow(external_id="1", text="p")], source="file"
    )
    response = ResponseFactory.create(prompt=prompt, text="r")
    rater = make_user(Role.RATER)
    Assignment.objects.create(response=response, rater=rater)
    label_submit(rater=rater, response=response, harmful=False)

    committed(lambda: campaign_analytics_compute_task(campaign.pk))
    committed(lambda: campaign_analytics_compute_task(campaign.pk))  # redelivered: same data

    (event,) = events(EventType.LABEL_AGGREGATED)
    assert event["campaign"] == campaign.pk
    assert (event["labelled_items"], event["harmful_items"], event["human_labels"]) == (1, 0, 1)
    assert Response.objects.filter(prompt__campaign=campaign).count() == 1


def test_round_closed_and_enacted(subscribed, committed, make_user) -> None:
    constitution_seed()
    now = timezone.now()
    voting_round = round_open(
        user=make_user(Role.RESEARCHER),
        title="r",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
        min_participants=2,
    )
    proposal = proposal_submit(
        voting_round=voting_round,
        action="amend",
        principle_key="mutual-trust",
        title="Mutual trust",
        text="Amended.",
        audience="shared",
        rationale="Because.",
        author_user=make_user(Role.RATER),
    )
    for _ in range(3):
        vote_cast(proposal=proposal, user=make_user(Role.RATER), choice="agree")

    committed(lambda: round_close(round_id=voting_round.pk, force=True))
    committed(lambda: round_close(round_id=voting_round.pk, force=True))  # closed already

    assert events(EventType.ROUND_CLOSED) == [
        {"round": voting_round.pk, "version": 2, "participants": 3, "passed": [proposal.pk]}
    ]
    assert events(EventType.ROUND_ENACTED) == [
        {"round": voting_round.pk, "version": 2, "previous": 1, "proposals": [proposal.pk]}
    ]


def test_run_finished(subscribed, committed, make_user) -> None:
    run = TrainingRunFactory.create()

    committed(lambda: training_run_cancel(run=run, actor=make_user(Role.ADMIN), reason="Stuck."))

    assert events(EventType.RUN_FINISHED) == [
        {"run": run.pk, "line": run.line.slug, "status": RunStatus.CANCELLED, "version": None}
    ]


def test_version_published_and_rolled_back(
    subscribed, committed, make_user, published_lines
) -> None:
    admin = make_user(Role.ADMIN)
    v1 = published_lines[1]
    line = ModelLine.objects.get(slug="judge")
    assert v1.line == line
    v2 = model_version_register(line=line, base="b", uri="/m2")

    committed(lambda: version_publish(version=v2, actor=admin, override_reason="Demo."))
    committed(lambda: version_rollback(version=v1, actor=admin, reason="Worse."))

    assert events(EventType.VERSION_PUBLISHED) == [
        {
            "version": v2.pk,
            "line": "judge",
            "number": v2.number,
            "replaced": v1.number,
            "action": "override",
        }
    ]
    assert events(EventType.VERSION_ROLLED_BACK) == [
        {
            "version": v1.pk,
            "line": "judge",
            "number": v1.number,
            "replaced": v2.number,
            "action": "rollback",
        }
    ]
