"""Rater trust in hazard labelling: the dwell a page sends is stored with the label and flagged
below the floor, labels beyond the rate answer 429 with Retry-After, the components come from
gold items and the Dawid-Skene aggregate, and a recipe's trust floor drops a rater's rows."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from accounts.roles import Role
from annotation.hazards.models import Assignment, Response
from annotation.hazards.services.labels import label_submit
from annotation.hazards.trust import rater_trust_components
from tests.loop.builds import snapshot_create
from trust.models import RaterTrust, SubmissionTiming
from trust.services import trust_compute
from trust.throttles import HazardLabelThrottle

pytestmark = pytest.mark.django_db

HARMFUL: dict[str, Any] = {
    "harmful": True,
    "categories": ["vcr"],
    "severity": 2,
    "rewrite": "I can't help with that.",
}


def _label(rater: User, response: Response, harmful: bool, **extra: Any) -> None:
    Assignment.objects.get_or_create(response=response, rater=rater)
    fields = HARMFUL if harmful else {"harmful": False}
    label_submit(rater=rater, response=response, **{**fields, **extra})


def _held(client: Any, campaign: Any) -> list[Response]:
    """The campaign's responses, each assigned to the signed-in rater."""
    user = User.objects.get(pk=client.get("/api/auth/me/").json()["id"])
    held = list(Response.objects.filter(prompt__campaign=campaign).order_by("pk"))
    for response in held:
        Assignment.objects.create(response=response, rater=user)
    return held


def test_the_dwell_sent_with_a_label_is_stored_and_flagged_below_the_floor(
    client_as, labelled_campaign, settings
) -> None:
    settings.RATER_MIN_DWELL_MS = {**settings.RATER_MIN_DWELL_MS, "hazard_label": 5000}
    rater = client_as(Role.RATER)
    held = _held(rater, labelled_campaign(n=3, k=1))
    for response, dwell in zip(held, [1200, 9000, None], strict=True):
        body = {**HARMFUL} | ({"dwell_ms": dwell} if dwell is not None else {})
        answer = rater.post(f"/api/hazards/responses/{response.pk}/label/", body)
        assert answer.status_code == 201, answer.content

    timings = list(SubmissionTiming.objects.order_by("id"))
    # A body without dwell_ms (a script) stores no timing.
    assert [(t.dwell_ms, t.floor_ms, t.too_fast) for t in timings] == [
        (1200, 5000, True),
        (9000, 5000, False),
    ]
    assert {(t.activity, t.kind, t.signal.kind) for t in timings} == {
        ("hazards", "hazard_label", "hazard_label")
    }
    negative = rater.post(f"/api/hazards/responses/{held[0].pk}/label/", {"dwell_ms": -1})
    assert "dwell_ms" in negative.json()["fields"]


def test_labels_beyond_the_rate_answer_429_with_retry_after(
    client_as, labelled_campaign, settings
) -> None:
    settings.RATER_SUBMISSION_RATES = {**settings.RATER_SUBMISSION_RATES, "hazard_label": "2/min"}
    rater = client_as(Role.RATER)
    [response] = _held(rater, labelled_campaign(n=1, k=1))
    # Counts another run left in Redis for a user of the same id do not matter.
    user_id = rater.get("/api/auth/me/").json()["id"]
    scope = {"scope": "submission:hazard_label", "ident": user_id}
    cache.delete(HazardLabelThrottle.cache_format % scope)
    url = f"/api/hazards/responses/{response.pk}/label/"

    statuses = [rater.post(url, HARMFUL).status_code for _ in range(2)]
    refused = rater.post(url, HARMFUL)

    assert statuses == [201, 200]
    assert refused.status_code == 429
    body = refused.json()
    assert body["code"] == "throttled"
    assert 0 < body["retry_after"] <= 60
    assert refused["Retry-After"] == str(body["retry_after"])
    # Reading is not submitting: the rater's own reliability still answers.
    assert rater.get("/api/hazards/me/reliability/").status_code == 200


def test_components_come_from_gold_items_and_the_aggregate(labelled_campaign, raters) -> None:
    honest, sloppy, third = raters[:3]
    gold, shared, split = Response.objects.filter(
        prompt__campaign=labelled_campaign(n=3, k=3, gold={0: True})
    ).order_by("pk")
    _label(honest, gold, True)
    _label(sloppy, gold, False)
    for rater in (honest, sloppy, third):
        _label(rater, shared, True)
    _label(honest, split, False)
    _label(third, split, False)
    _label(sloppy, split, True)

    components = rater_trust_components()

    assert (components[honest.pk].gold_items, components[honest.pk].gold_accuracy) == (1, 1.0)
    assert (components[sloppy.pk].gold_items, components[sloppy.pk].gold_accuracy) == (1, 0.0)
    assert third.pk not in components or components[third.pk].gold_items == 0
    # Agreement over the two items others labelled too (the gold one counts once, as gold).
    assert components[honest.pk].agreement_items == 2
    honest_agreement = components[honest.pk].agreement
    sloppy_agreement = components[sloppy.pk].agreement
    assert honest_agreement is not None
    assert sloppy_agreement is not None
    assert honest_agreement > 0.9
    assert sloppy_agreement < honest_agreement - 0.3


def test_the_periodic_computation_combines_components_and_speed(
    labelled_campaign, raters, settings
) -> None:
    settings.RATER_MIN_DWELL_MS = {**settings.RATER_MIN_DWELL_MS, "hazard_label": 5000}
    honest, sloppy = raters[:2]
    first, second = Response.objects.filter(
        prompt__campaign=labelled_campaign(n=2, k=2, gold={0: True, 1: False})
    ).order_by("pk")
    _label(honest, first, True, dwell_ms=8000)
    _label(honest, second, False, dwell_ms=7000)
    _label(sloppy, first, True, dwell_ms=900)
    _label(sloppy, second, True, dwell_ms=8000)

    assert trust_compute() == 2
    scores = {t.user_id: t for t in RaterTrust.objects.all()}
    assert (scores[honest.pk].score, scores[honest.pk].fast_share) == (1.0, 0.0)
    # Half right on gold, half of the timed labels too fast: 0.5 x (1 - 0.5).
    assert scores[sloppy.pk].gold_accuracy == 0.5
    assert (scores[sloppy.pk].timed_submissions, scores[sloppy.pk].fast_submissions) == (2, 1)
    assert scores[sloppy.pk].score == 0.25
    assert scores[sloppy.pk].activity == "hazards"
    # Nothing changed: a second run stores nothing.
    assert trust_compute() == 0


def test_a_trust_floor_drops_the_rows_of_low_trust_raters(
    labelled_campaign, raters, settings, tmp_path: Path
) -> None:
    settings.DATASETS_DIR = tmp_path
    trusted, distrusted, unscored = raters[:3]
    [response] = Response.objects.filter(prompt__campaign=labelled_campaign(n=1, k=3))
    rewrites = {trusted: "Trusted rewrite.", distrusted: "Distrusted rewrite.", unscored: "New."}
    for rater, rewrite in rewrites.items():
        _label(rater, response, True, rewrite=rewrite)
    RaterTrust.objects.create(user=trusted, activity="hazards", score=0.9)
    RaterTrust.objects.create(user=distrusted, activity="hazards", score=0.2)

    def completions(recipe: dict[str, Any]) -> dict[str, Any]:
        snapshot, _ = snapshot_create(
            recipe={"kinds": ["safe_rewrite"], "format": "sft", "eval_fraction": 0.0, **recipe}
        )
        lines = (Path(snapshot.folder) / "train.jsonl").read_text().splitlines()
        return {row["completion"]: row.get("weight") for row in map(json.loads, lines)}

    assert set(completions({})) == set(rewrites.values())
    # Raters without a score yet are kept, as with the reliability floor.
    assert completions({"min_trust": 0.5}) == {"Trusted rewrite.": None, "New.": None}
    assert completions({"weight_by_trust": True}) == {
        "Trusted rewrite.": 0.9,
        "Distrusted rewrite.": 0.2,
        "New.": 1.0,
    }
