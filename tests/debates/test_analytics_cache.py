"""The analytics page reads what a worker computed: it never runs the bootstrap on request."""

import time
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Judgement
from annotation.debates.selectors import analytics_key

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def _fresh(client: APIClient, timeout: float = 90) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report: dict[str, Any] = client.get("/api/debates/analytics/?origin=imported").json()
        if not report["recomputing"]:
            return report
        time.sleep(0.3)
    pytest.fail(f"the worker stored no analytics within {timeout} s")


def test_the_page_serves_the_workers_result_and_marks_it_stale_on_new_judgements(
    celery_worker, nyu_dir, client_as, django_assert_max_num_queries
) -> None:
    cache.delete(analytics_key("imported"))  # a result left by an earlier test run
    nyu_import(directory=nyu_dir, limit=20)
    client = client_as(Role.RESEARCHER)
    first = client.get("/api/debates/analytics/?origin=imported").json()
    # Nothing computed yet: empty tables, and a task queued for the worker.
    assert first["recomputing"] is True
    assert first["computed_at"] is None
    assert first["persuasiveness"] == []

    report = _fresh(client)
    assert sum(r["n"] for r in report["accuracy"]) == Judgement.objects.filter(live=True).count()
    assert any(r["ci_low"] is not None for r in report["persuasiveness"])
    # A fresh read is the version query and the cache, whatever the number of judgements.
    with django_assert_max_num_queries(6):
        assert client.get("/api/debates/analytics/?origin=imported").json() == report

    nyu_import(directory=nyu_dir, limit=40)
    stale = client.get("/api/debates/analytics/?origin=imported").json()
    assert stale["recomputing"] is True
    assert stale["accuracy"] == report["accuracy"]  # the last result while the task runs
    assert stale["computed_at"] == report["computed_at"]
    updated = _fresh(client)
    assert sum(r["n"] for r in updated["accuracy"]) == Judgement.objects.filter(live=True).count()
    assert Judgement.objects.filter(live=True).count() > sum(r["n"] for r in report["accuracy"])
    assert updated["computed_at"] > report["computed_at"]
