"""Hot read paths run a fixed number of SQL statements however much work there is: an N+1 (a
query per campaign, round or debate) breaks the budget as soon as there are a few items."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.models import DebateStatus
from tests.factories import (
    DebateFactory,
    DebaterFactory,
    ProposalFactory,
    ResponseFactory,
    UserFactory,
    VotingRoundFactory,
)

pytestmark = pytest.mark.django_db

# Items of each kind on the rater home: enough that a query per item cannot hide in the budget.
ITEMS = 20
# Statements of GET /api/work/ for a rater with work in every activity, permissions not yet
# cached: the profile invitation 1, the rater's and their groups' permissions 2, debates 3 (seats
# argued, open assignments, debates open to judge), hazard campaigns 1, principle rounds 1, and
# the quota plans of each of the three activities 3 (diversity.quotas).
HOME_BUDGET = 11


@pytest.fixture
def rater() -> User:
    return UserFactory.create(roles=[Role.RATER], password=None)


def work_everywhere(rater: User, n: int) -> None:
    """n campaigns with a response to label, n debates to judge, n running debates the rater
    argues in, and n open rounds with a proposal to vote on."""
    ResponseFactory.create_batch(n)
    DebateFactory.create_batch(n)
    for debate in DebateFactory.create_batch(n, status=DebateStatus.RUNNING):
        DebaterFactory.create(debate=debate, slot="A", user=rater)
    for voting_round in VotingRoundFactory.create_batch(n):
        ProposalFactory.create(round=voting_round)


def home(rater: User) -> dict[str, int]:
    client = APIClient()
    client.force_authenticate(rater)
    response = client.get("/api/work/")
    assert response.status_code == 200
    counts: dict[str, int] = {}
    for item in response.json()["results"]:
        counts[item["kind"]] = counts.get(item["kind"], 0) + item["count"]
    return counts


def test_the_rater_home_stays_within_its_query_budget(
    rater: User, django_assert_max_num_queries: Any
) -> None:
    work_everywhere(rater, ITEMS)

    with django_assert_max_num_queries(HOME_BUDGET):
        counts = home(rater)

    assert counts == {
        "profile": 1,
        "debate": ITEMS,
        "debate-argue": ITEMS,
        "hazards": ITEMS,
        "principles": ITEMS,
    }


def test_the_rater_home_costs_the_same_for_one_item_as_for_many(rater: User) -> None:
    work_everywhere(rater, 1)
    home(rater)  # fills the permission cache, as the rater's earlier requests do
    with CaptureQueriesContext(connection) as one:
        home(rater)
    work_everywhere(rater, ITEMS)
    with CaptureQueriesContext(connection) as many:
        home(rater)

    assert len(many) == len(one), [q["sql"][:120] for q in many.captured_queries]
