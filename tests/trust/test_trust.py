"""Trust scores as the platform keeps and shows them: the score's formula, the latest row per
rater and activity, who may read whose, what a recipe reads at its window's end, and the
person's export."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.personal_data import personal_data_export
from accounts.roles import Role
from trust.components import majority_agreement, trust_score
from trust.models import RaterTrust
from trust.selectors import trust_by_kind, trust_latest

pytestmark = pytest.mark.django_db


def test_the_score_is_measured_quality_times_the_share_not_too_fast() -> None:
    assert trust_score(gold_accuracy=1.0, agreement=0.5, fast_share=None) == 0.75
    assert trust_score(gold_accuracy=None, agreement=0.8, fast_share=0.5) == 0.4
    # Unmeasured quality is not held against a new rater; only their speed counts then.
    assert trust_score(gold_accuracy=None, agreement=None, fast_share=0.25) == 0.75
    assert trust_score(gold_accuracy=0.0, agreement=None, fast_share=0.0) == 0.0


def test_majority_agreement_compares_with_the_others_and_skips_ties() -> None:
    counts = majority_agreement(
        {
            1: {"a": 0, "b": 0, "c": 0, "d": 1},
            2: {"a": 0, "b": 1},  # each has one other, who disagrees
            3: {"a": 1},  # nobody else answered
            4: {"a": 0, "b": 0, "c": 1},  # the others of a and of b tie: only c compares
        }
    )
    assert counts == {"a": (2, 1), "b": (2, 1), "c": (2, 1), "d": (1, 0)}


def _history(user, activity: str, *scores: float) -> None:
    start = timezone.now() - timedelta(days=len(scores))
    for i, score in enumerate(scores):
        RaterTrust.objects.create(
            user=user, activity=activity, score=score, computed_at=start + timedelta(days=i)
        )


def test_researchers_see_each_raters_latest_score_and_raters_only_their_own(
    client_as, make_user
) -> None:
    alice, bob = make_user(Role.RATER, username="alice"), make_user(Role.RATER, username="bob")
    _history(alice, "hazards", 0.2, 0.9)
    _history(alice, "debates", 0.6)
    _history(bob, "hazards", 0.4)

    researcher = client_as(Role.RESEARCHER)
    listed = researcher.get("/api/trust/").json()["results"]
    assert [(r["username"], r["activity"], r["score"]) for r in listed] == [
        ("bob", "hazards", 0.4),
        ("alice", "debates", 0.6),
        ("alice", "hazards", 0.9),
    ]
    assert set(listed[0]) >= {"gold_accuracy", "agreement", "fast_share", "computed_at"}
    hazards = researcher.get("/api/trust/", {"activity": "hazards"}).json()["results"]
    assert [r["username"] for r in hazards] == ["bob", "alice"]

    rater = client_as(Role.RATER)
    assert rater.get("/api/trust/").status_code == 403
    assert rater.get("/api/me/trust/").json() == []
    assert [r.score for r in trust_latest(user=alice)] == [0.6, 0.9]


def test_a_recipe_reads_the_trust_computed_before_its_window_ends(make_user) -> None:
    rater = make_user(Role.RATER)
    _history(rater, "hazards", 0.3, 0.8)
    middle = (timezone.now() - timedelta(hours=36)).isoformat()  # between the two

    assert trust_by_kind(None)["hazard_label"] == {f"user:{rater.pk}": 0.8}
    assert trust_by_kind(middle)["safe_rewrite"] == {f"user:{rater.pk}": 0.3}
    assert trust_by_kind(middle)["judgement"] == {}


def test_a_persons_export_holds_their_trust(make_user) -> None:
    rater = make_user(Role.RATER)
    _history(rater, "principles", 0.5)
    exported = personal_data_export(user=rater)["trust"]
    assert [s["score"] for s in exported["scores"]] == [0.5]
    assert exported["submission_timings"] == []


def test_trust_is_computed_by_celery_beat_at_the_configured_interval(settings) -> None:
    from config.celery import app
    from trust.tasks import trust_compute_task

    app.finalize()  # runs the on_after_finalize hooks that declare the schedule
    entry = app.conf.beat_schedule["trust-compute"]
    assert (entry["task"], entry["schedule"]) == (
        trust_compute_task.name,
        float(settings.RATER_TRUST_INTERVAL_S),
    )
