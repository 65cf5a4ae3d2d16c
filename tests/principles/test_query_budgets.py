"""A round's page, a vote and the round list read a fixed number of queries, however many
proposals, votes and rounds there are: an N+1 breaks these budgets."""

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.principles.models import Proposal, VotingRound
from annotation.principles.services.votes import vote_cast

pytestmark = pytest.mark.django_db

PROPOSALS = 8
# Queries per request with warm caches (permissions, the constitution version), as measured.
ROUND_PAGE_BUDGET = 5
VOTE_BUDGET = 14  # one reads the round's quota plan (diversity.quotas)
ROUND_LIST_BUDGET = 2


@pytest.fixture
def busy_round(
    open_round: Callable[..., VotingRound],
    propose: Callable[..., Proposal],
    make_user: Callable[..., Any],
) -> tuple[VotingRound, list[Proposal]]:
    voting_round = open_round()
    proposals = [propose(voting_round, text=str(i)) for i in range(PROPOSALS)]
    for _ in range(3):
        voter = make_user(Role.RATER)
        for proposal in proposals:
            vote_cast(proposal=proposal, user=voter, choice="disagree")
    return voting_round, proposals


@pytest.fixture
def rater(client_as: Callable[..., APIClient]) -> APIClient:
    client = client_as(Role.RATER)
    # A first request fills the permission cache, as the rater's earlier requests do.
    assert client.get("/api/principles/rounds/").status_code == 200
    return client


def test_the_round_page_stays_within_its_budget(
    busy_round, rater, django_assert_max_num_queries
) -> None:
    voting_round, proposals = busy_round
    for proposal in proposals[::2]:
        rater.post(f"/api/principles/proposals/{proposal.pk}/vote/", {"choice": "agree"})

    with django_assert_max_num_queries(ROUND_PAGE_BUDGET):
        page = rater.get(f"/api/principles/rounds/{voting_round.pk}/")

    assert page.status_code == 200, page.content
    seen = {p["id"]: p for p in page.json()["proposals"]}
    assert len(seen) == PROPOSALS
    # The tally only once one voted: one's own agree with the three others' disagrees.
    tally = {
        "human": {"agree": 1, "disagree": 3, "pass": 0},
        "ai": {"agree": 0, "disagree": 0, "pass": 0},
    }
    for index, proposal in enumerate(proposals):
        voted = index % 2 == 0
        assert seen[proposal.pk]["my_vote"] == ("agree" if voted else None)
        assert seen[proposal.pk]["tally"] == (tally if voted else None)


def test_a_vote_stays_within_its_budget(busy_round, rater, django_assert_max_num_queries) -> None:
    _, proposals = busy_round

    with django_assert_max_num_queries(VOTE_BUDGET):
        voted = rater.post(
            f"/api/principles/proposals/{proposals[-1].pk}/vote/", {"choice": "pass"}
        )

    assert voted.status_code == 200, voted.content
    assert voted.json()["tally"]["human"] == {"agree": 0, "disagree": 3, "pass": 1}


def test_the_round_list_stays_within_its_budget(
    busy_round, open_round, rater, django_assert_max_num_queries
) -> None:
    for _ in range(5):
        open_round()

    with django_assert_max_num_queries(ROUND_LIST_BUDGET):
        listed = rater.get("/api/principles/rounds/").json()

    assert len(listed) == 6
