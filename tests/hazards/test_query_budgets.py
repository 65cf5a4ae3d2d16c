"""Hot paths of hazard labelling run a bounded number of queries, however many responses,
labels and raters a campaign has: the fixture is big enough for a query per row to break each
budget."""

from typing import Any

import pytest

from accounts.models import RaterProfile
from accounts.roles import Role
from annotation.hazards.loop_inputs import rewrite_candidates
from annotation.hazards.models import Assignment, Campaign, Response
from annotation.hazards.selectors.work import labelling_work
from annotation.hazards.services.labels import label_submit
from loop.providers import BuildContext
from signalpool.kinds import SignalKind
from signalpool.models import Signal

pytestmark = pytest.mark.django_db

ITEMS = 20
GOLD = ITEMS // 4
HARMFUL: dict[str, Any] = {
    "harmful": True,
    "categories": ["vcr"],
    "severity": 2,
    "rewrite": "I can't help.",
}


@pytest.fixture
def busy_campaign(labelled_campaign, raters) -> Campaign:
    """ITEMS responses, GOLD of them gold, the others labelled (with rewrites) by two raters who
    share their background, so assignment spreads backgrounds over many rows."""
    campaign = labelled_campaign(n=ITEMS, k=4, gold={i: i % 2 == 0 for i in range(GOLD)})
    for rater in raters:
        RaterProfile.objects.update_or_create(
            user=rater, defaults={"consent_given": True, "region": "r1", "expertise": "law"}
        )
    for response in Response.objects.filter(prompt__campaign=campaign, gold_harmful__isnull=True):
        for rater in raters[:2]:
            Assignment.objects.create(response=response, rater=rater)
            label_submit(rater=rater, response=response, **HARMFUL)
    return campaign


def test_the_next_item_and_its_label(
    busy_campaign, client_as, django_assert_max_num_queries
) -> None:
    client = client_as(Role.RATER)
    # 20 with the read of the campaign's quota plan (diversity.quotas).
    with django_assert_max_num_queries(20):
        item = client.get(f"/api/hazards/campaigns/{busy_campaign.pk}/next/").json()
    url = f"/api/hazards/responses/{item['response']}/label/"
    with django_assert_max_num_queries(13):
        created = client.post(url, HARMFUL, format="json")
    assert created.status_code == 201, created.content


def test_the_rater_homes_hazard_work(
    busy_campaign, make_user, django_assert_max_num_queries
) -> None:
    rater = make_user(Role.RATER)
    # Two for the rater's permissions, one counting each campaign's open items in the
    # database (reading every finished response into Python, then the campaigns, took four),
    # and one reading the campaigns' quota plans (diversity.quotas).
    with django_assert_max_num_queries(4):
        [work] = labelling_work(rater)
    assert work.count == ITEMS


def test_the_analytics_read(busy_campaign, client_as, django_assert_max_num_queries) -> None:
    researcher = client_as(Role.RESEARCHER)
    with django_assert_max_num_queries(6):
        report = researcher.get(f"/api/hazards/campaigns/{busy_campaign.pk}/analytics/")
    assert report.status_code == 200


def test_rewrites_become_candidates(busy_campaign, django_assert_max_num_queries) -> None:
    signals = list(Signal.objects.filter(kind=SignalKind.SAFE_REWRITE).order_by("id"))
    context = BuildContext(until=None, groups=lambda signal: {})
    context.verdicts(), context.rater_quality()
    # One query reads every rewritten response.
    with django_assert_max_num_queries(1):
        candidates = rewrite_candidates(signals, context)
    assert len(candidates) == len(signals) == 2 * (ITEMS - GOLD)
