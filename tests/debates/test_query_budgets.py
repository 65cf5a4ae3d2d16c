"""The judge's and the researcher's hot paths read a fixed number of queries, however many
debates, turns, judgements and assignments there are: an N+1 breaks these budgets."""

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Assignment, Judgement
from annotation.debates.selectors import analytics_report
from annotation.debates.tasks import debate_analytics_compute_task

pytestmark = pytest.mark.django_db

ROOMS = 30  # imported NYU rooms: debates of several rounds, each with its judges' verdicts
# Queries per request with warm caches (permissions), as measured; the analytics page reads only
# the version of the stored report (its cache read is Redis).
# One reads the quota plans of question sets (diversity.quotas); one more looks for a gold
# debate when the gold draw (DEBATE_GOLD_RATE) picks one.
NEXT_BUDGET = 15
COMMIT_BUDGET = 17
ASSIGNMENTS_BUDGET = 5
ANALYTICS_READ_BUDGET = 1
ANALYTICS_REPORT_BUDGET = 2


@pytest.fixture
def rooms(nyu_dir) -> None:
    nyu_import(directory=nyu_dir, limit=ROOMS)


@pytest.fixture
def judge(client_as: Callable[..., APIClient]) -> APIClient:
    client = client_as(Role.RATER)
    # A first request fills the permission cache, as the judge's earlier requests do.
    assert client.get("/api/debates/assignments/").status_code == 200
    return client


def _verdict(assignment: dict) -> dict:
    options = len(assignment["debate"]["question"]["options"])
    return {"probabilities": [1 / options] * options}


def test_the_next_assignment_stays_within_its_budget(
    rooms, judge, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(NEXT_BUDGET):
        taken = judge.post("/api/debates/assignments/next/")

    assert taken.status_code == 200, taken.content
    assert len(taken.json()["turns"]) > 1


def test_a_judgement_stays_within_its_budget(rooms, judge, django_assert_max_num_queries) -> None:
    taken = judge.post("/api/debates/assignments/next/").json()

    with django_assert_max_num_queries(COMMIT_BUDGET):
        committed = judge.post(
            f"/api/debates/assignments/{taken['id']}/judgement/", _verdict(taken), format="json"
        )

    assert committed.status_code == 201, committed.content
    assert committed.json()["outcome"] is not None


def test_the_judges_assignments_stay_within_their_budget(
    rooms, judge, django_assert_max_num_queries
) -> None:
    for _ in range(6):
        taken = judge.post("/api/debates/assignments/next/").json()
        judge.post(
            f"/api/debates/assignments/{taken['id']}/judgement/", _verdict(taken), format="json"
        )
    judge.post("/api/debates/assignments/next/")

    with django_assert_max_num_queries(ASSIGNMENTS_BUDGET):
        listed = judge.get("/api/debates/assignments/").json()["results"]

    assert len(listed) == Assignment.objects.count() == 7
    assert sum(a["outcome"] is not None for a in listed) == 6
    assert all(a["turns"] for a in listed)


def test_the_analytics_read_stays_within_its_budget(
    rooms, client_as, django_assert_max_num_queries
) -> None:
    researcher = client_as(Role.RESEARCHER)
    debate_analytics_compute_task("imported")  # what the worker stores for the page
    researcher.get("/api/debates/analytics/?origin=imported")

    with django_assert_max_num_queries(ANALYTICS_READ_BUDGET):
        report = researcher.get("/api/debates/analytics/?origin=imported").json()

    assert report["recomputing"] is False
    assert sum(r["n"] for r in report["accuracy"]) == Judgement.objects.filter(live=True).count()


def test_the_analytics_report_reads_a_fixed_number_of_queries(
    rooms, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(ANALYTICS_REPORT_BUDGET):
        report = analytics_report(origin="imported")

    assert sum(r["n"] for r in report["accuracy"]) == Judgement.objects.filter(live=True).count()
