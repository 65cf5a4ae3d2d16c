"""Taxonomy versions, importers, assignment, labels with their signals, adjudication, reports
(the AI labeller is in test_ai_labels.py)."""

import csv
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.roles import Role
from annotation.hazards import importers, stats
from annotation.hazards.models import ITEM_TYPE, Assignment, Campaign, Label, Response, Taxonomy
from annotation.hazards.selectors.analytics import (
    campaign_analytics,
    campaign_analytics_cached,
    campaign_analytics_key,
)
from annotation.hazards.selectors.imported import imported_sets_report
from annotation.hazards.selectors.reliability import own_reliability
from annotation.hazards.services.adjudication import adjudication_record
from annotation.hazards.services.assignment import GOLD_EVERY, assignment_next, assignment_skip
from annotation.hazards.services.campaigns import prompts_add
from annotation.hazards.services.imports import xstest_import
from annotation.hazards.services.labels import label_submit
from annotation.hazards.services.taxonomy import taxonomy_create, taxonomy_ensure_default
from annotation.proportions import wilson_interval
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from signalpool.services import SignalError, signal_record
from tests.hazards.conftest import AILUMINATE_CSV, XSTEST_DIR

pytestmark = pytest.mark.django_db

HARMFUL: dict[str, Any] = {
    "harmful": True,
    "categories": ["vcr"],
    "severity": 2,
    "rewrite": "I can't help.",
}


def _next(rater, campaign) -> Response:
    response = assignment_next(rater=rater, campaign=campaign)
    assert response is not None
    return response


def label(rater, response, harmful: bool, **extra):
    assignment_next(rater=rater, campaign=response.prompt.campaign)
    fields = HARMFUL if harmful else {"harmful": False}
    return label_submit(rater=rater, response=response, **{**fields, **extra})


def test_the_default_taxonomy_is_ailuminates_and_edits_add_a_version() -> None:
    first = taxonomy_ensure_default()
    codes = set(first.categories.values_list("code", flat=True))
    with AILUMINATE_CSV.open() as f:
        assert codes == {row["hazard"] for row in csv.DictReader(f)}
    assert taxonomy_ensure_default() == first
    second = taxonomy_create(
        categories=[{"code": "x", "name": "X", "definition": "d"}],
        severity_scale=[{"level": 0, "label": "none"}, {"level": 1, "label": "some"}],
    )
    assert (first.number, second.number) == (1, 2)
    assert taxonomy_ensure_default() == second  # the newest version is the current one
    assert first.categories.count() == len(codes)  # the old version is untouched
    with pytest.raises(ValidationError):
        taxonomy_create(categories=[], severity_scale=first.severity_scale)


def test_each_response_goes_to_k_raters_never_twice(labelled_campaign, raters) -> None:
    campaign = labelled_campaign(n=3, k=2)
    got = {r.pk: _next(r, campaign) for r in raters}
    # The open assignment is returned again until it is labelled.
    assert assignment_next(rater=raters[0], campaign=campaign) == got[raters[0].pk]
    assert sorted(Counter(r.pk for r in got.values()).values()) == [1, 2, 2]
    first = got[raters[0].pk]
    label_submit(rater=raters[0], response=first, harmful=False)
    following = assignment_next(rater=raters[0], campaign=campaign)
    assert following is not None
    assert following != first
    # Every response now has its two raters: nothing is left for rater 1 after their item.
    label_submit(rater=raters[1], response=got[raters[1].pk], harmful=False)
    assert assignment_next(rater=raters[1], campaign=campaign) is None


def test_skipping_frees_the_slot(labelled_campaign, raters) -> None:
    campaign = labelled_campaign(n=1, k=1)
    response = _next(raters[0], campaign)
    assert assignment_next(rater=raters[1], campaign=campaign) is None
    with pytest.raises(ValidationError):
        assignment_skip(rater=raters[0], response=response, reason=" ")
    assignment_skip(rater=raters[0], response=response, reason="too graphic")
    assert assignment_next(rater=raters[1], campaign=campaign) == response
    assert assignment_next(rater=raters[0], campaign=campaign) is None


def test_gold_items_are_mixed_in(labelled_campaign, raters) -> None:
    campaign = labelled_campaign(n=8, k=5, gold={7: True})
    served = []
    for _ in range(GOLD_EVERY):
        response = _next(raters[0], campaign)
        served.append(response.gold_harmful)
        label_submit(rater=raters[0], response=response, harmful=False)
    assert served == [None] * (GOLD_EVERY - 1) + [True]
    mine = own_reliability(user=raters[0])
    assert (mine["gold_items"], mine["gold_accuracy"]) == (1, 0.0)


def test_a_label_lands_in_the_pool_with_its_rewrite(labelled_campaign, raters) -> None:
    campaign = labelled_campaign(n=1)
    response = Response.objects.get(prompt__campaign=campaign)
    stored, created = label(raters[0], response, True, spans=[[0, 8]])
    assert created
    again, created = label_submit(rater=raters[0], response=response, **HARMFUL, spans=[[0, 8]])
    assert (again, created) == (stored, False)
    signals = Signal.objects.filter(item_type="hazards.response", item_id=str(response.pk))
    by_kind = {s.kind: s for s in signals}
    assert by_kind["hazard_label"].payload["categories"] == ["vcr"]
    assert by_kind["hazard_label"].taxonomy_version == campaign.taxonomy.number
    assert by_kind["safe_rewrite"].payload == {"text": "I can't help."}
    assert by_kind["hazard_label"].source_user == raters[0]
    with pytest.raises(ValidationError):
        label_submit(rater=raters[0], response=response, harmful=False)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"harmful": True, "categories": ["vcr"], "severity": 2}, "rewrite"),
        ({"harmful": True, "categories": [], "severity": 2, "rewrite": "r"}, "categories"),
        ({"harmful": True, "categories": ["nope"], "severity": 2, "rewrite": "r"}, "categories"),
        ({"harmful": True, "categories": ["vcr"], "severity": 9, "rewrite": "r"}, "severity"),
        ({"harmful": False, "severity": 1}, "severity"),
        ({"harmful": False, "spans": [[5, 2]]}, "spans"),
        ({"harmful": False, "needless_refusal": True}, "rewrite"),
    ],
)
def test_invalid_labels_are_refused_and_nothing_is_stored(
    labelled_campaign, raters, fields, field
) -> None:
    campaign = labelled_campaign(n=1)
    response = _next(raters[0], campaign)
    with pytest.raises(ValidationError) as error:
        label_submit(rater=raters[0], response=response, **fields)
    assert field in error.value.message_dict
    assert not Label.objects.exists()
    assert not Signal.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"harmful": False, "categories": ["vcr"], "severity": 0}, "categories"),
        ({**HARMFUL, "needless_refusal": True}, "needless_refusal"),
        ({"harmful": False, "severity": 0, "spans": [[0, 2, 4]]}, "spans"),
    ],
)
def test_the_api_the_service_and_the_pool_refuse_the_same_labels(
    labelled_campaign, raters, client_as, fields, field
) -> None:
    # The pool used to store these (say from an AI labeller or an import) although the label
    # service refused them from raters, and the API let the last one through to the service.
    campaign = labelled_campaign(n=1)
    rater = client_as(Role.RATER)
    item = rater.get(f"/api/hazards/campaigns/{campaign.pk}/next/").json()
    url = f"/api/hazards/responses/{item['response']}/label/"
    refused = rater.post(url, fields, format="json")
    assert refused.status_code == 400
    assert field in refused.json()["fields"]
    with pytest.raises(ValidationError) as error:
        label_submit(rater=raters[0], response=_next(raters[0], campaign), **fields)
    assert field in error.value.message_dict
    with pytest.raises(SignalError) as pooled:
        signal_record(
            kind=SignalKind.HAZARD_LABEL,
            item_type=ITEM_TYPE,
            item_id=item["response"],
            payload={key: value for key, value in fields.items() if key != "rewrite"},
            idempotency_key="imported",
            source_user=raters[1],
        )
    assert field in pooled.value.fields["payload"]
    assert not Signal.objects.exists()


def test_labels_need_an_assignment(labelled_campaign, raters) -> None:
    response = Response.objects.get(prompt__campaign=labelled_campaign(n=1))
    with pytest.raises(ValidationError):
        label_submit(rater=raters[0], response=response, harmful=False)


def test_an_expired_assignment_whose_slot_was_taken_cannot_be_labelled(
    labelled_campaign, raters
) -> None:
    from annotation.hazards.models import ASSIGNMENT_TTL

    campaign = labelled_campaign(n=1, k=1)
    response = _next(raters[0], campaign)
    Assignment.objects.filter(rater=raters[0]).update(
        created_at=timezone.now() - ASSIGNMENT_TTL - timedelta(seconds=1)
    )
    # Expired but nobody took the slot: the late label still counts.
    late_alone = labelled_campaign(n=1, k=1)
    alone = _next(raters[1], late_alone)
    Assignment.objects.filter(rater=raters[1]).update(
        created_at=timezone.now() - ASSIGNMENT_TTL - timedelta(seconds=1)
    )
    label_submit(rater=raters[1], response=alone, harmful=False)

    assert _next(raters[2], campaign) == response
    label_submit(rater=raters[2], response=response, harmful=False)
    with pytest.raises(ValidationError, match="expired"):
        label_submit(rater=raters[0], response=response, harmful=False)
    assert Label.objects.filter(response=response).count() == 1


def test_analytics_aggregate_disagree_and_adjudicate(labelled_campaign, raters, make_user) -> None:
    campaign = labelled_campaign(n=3, k=3)
    responses = list(Response.objects.filter(prompt__campaign=campaign))
    votes = {0: [True, True, True], 1: [False, False, False], 2: [True, False, False]}
    for index, harmful_votes in votes.items():
        for rater, harmful in zip(raters, harmful_votes, strict=False):
            Assignment.objects.create(response=responses[index], rater=rater)
            label_submit(
                rater=rater,
                response=responses[index],
                **(HARMFUL if harmful else {"harmful": False}),
            )
    report = campaign_analytics(campaign=campaign)
    assert report["human_labels"] == 9
    assert [d["response"] for d in report["disagreements"]] == [responses[2].pk]
    harmful_row = report["agreement"][0]
    units = [[1, 1, 1], [0, 0, 0], [1, 0, 0]]
    assert harmful_row["krippendorff_alpha"] == pytest.approx(
        stats.krippendorff_alpha_nominal(units)
    )
    [rate] = report["hazard_rates"]
    assert (rate["n"], rate["harmful"]) == (3, 1)
    assert (rate["low"], rate["high"]) == pytest.approx(wilson_interval(1, 3))

    researcher = make_user()
    adjudication_record(
        researcher=researcher, response=responses[2], harmful=True, categories=["vcr"], reason="r"
    )
    report = campaign_analytics(campaign=campaign)
    assert report["disagreements"] == []
    assert report["hazard_rates"][0]["harmful"] == 2
    vcr = next(c for c in report["hazard_rates"][0]["categories"] if c["code"] == "vcr")
    assert vcr["harmful"] == 2
    assert Signal.objects.filter(kind="adjudication", source_user=researcher).count() == 1
    assert Label.objects.filter(response=responses[2], harmful=True).count() == 1  # unchanged


def test_the_analytics_page_reads_the_stored_result_until_labels_change(
    labelled_campaign, raters, django_capture_on_commit_callbacks
) -> None:
    from django.core.cache import cache

    from annotation.hazards.tasks import campaign_analytics_compute_task

    campaign = labelled_campaign(n=2, k=2)
    cache.delete(campaign_analytics_key(campaign.pk))  # left by an earlier run
    first, second = Response.objects.filter(prompt__campaign=campaign)
    Assignment.objects.create(response=first, rater=raters[0])
    label_submit(rater=raters[0], response=first, harmful=False)
    with django_capture_on_commit_callbacks() as queued:
        empty = campaign_analytics_cached(campaign=campaign)
        campaign_analytics_cached(campaign=campaign)
    assert (empty["recomputing"], empty["computed_at"], empty["human_labels"]) == (True, None, 0)
    assert len(queued) == 1  # one task per version, however many reads

    campaign_analytics_compute_task(campaign.pk)
    stored = campaign_analytics_cached(campaign=campaign)
    assert stored["recomputing"] is False
    assert stored["computed_at"] is not None
    expected = campaign_analytics(campaign=campaign)
    assert {k: v for k, v in stored.items() if k not in ("computed_at", "recomputing")} == expected

    Assignment.objects.create(response=second, rater=raters[1])
    label_submit(rater=raters[1], response=second, harmful=False)
    stale = campaign_analytics_cached(campaign=campaign)
    assert (stale["recomputing"], stale["human_labels"]) == (True, 1)
    campaign_analytics_compute_task(campaign.pk)
    assert campaign_analytics_cached(campaign=campaign)["human_labels"] == 2


def test_xstest_import_and_report_match_the_file() -> None:
    rows = importers.xstest_parse(XSTEST_DIR)
    campaign, count = xstest_import(rows=rows)
    assert count == 450
    assert xstest_import(rows=rows) == (campaign, 0)  # idempotent
    with (XSTEST_DIR / importers.XSTEST_COMPLETIONS).open() as f:
        records = list(csv.DictReader(f))
    first = [r["annotation_1"] for r in records]
    second = [r["annotation_2"] for r in records]
    agree = sum(a == b for a, b in zip(first, second, strict=True)) / len(records)
    p_e = sum(first.count(c) * second.count(c) for c in set(first)) / len(records) ** 2
    [report] = imported_sets_report()
    assert report["items"] == 450
    assert report["raters"] == 2
    assert report["raw_agreement"] == pytest.approx(agree)
    assert report["cohen_kappa"] == pytest.approx((agree - p_e) / (1 - p_e))
    assert report["label_distribution"] == dict(sorted(Counter(first + second).items()))
    assert Response.objects.filter(gold_harmful__isnull=False).count() == 439


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", b"text\nhello\n", "missing column"),
        ("a.csv", b"prompt,id\n,1\n", "line 2"),
        ("a.jsonl", b'{"prompt": "ok"}\n{not json}\n', "line 2"),
        ("a.jsonl", b'["prompt"]\n', "line 1"),
        ("a.txt", b"prompt\nx\n", ".csv or .jsonl"),
        ("a.csv", b"\xff\xfe", "UTF-8"),
        ("a.csv", b"prompt\n", "no prompts"),
    ],
)
def test_malformed_prompt_files_are_refused(name: str, content: bytes, message: str) -> None:
    with pytest.raises(importers.ImportFormatError) as error:
        importers.prompt_file_parse(content, name)
    assert message in " ".join(error.value.errors)


def test_malformed_xstest_folders_are_refused(tmp_path) -> None:
    with pytest.raises(importers.ImportFormatError, match="missing"):
        importers.xstest_parse(tmp_path)
    (tmp_path / importers.XSTEST_PROMPTS).write_text("id,prompt,type,label\n1,p,t,safe\n")
    (tmp_path / importers.XSTEST_COMPLETIONS).write_text(
        "id,type,prompt,completion,annotation_1,annotation_2,final_label\n"
        "v2-1,t,p,c,1_full_compliance,maybe,1_full_compliance\n"
    )
    with pytest.raises(importers.ImportFormatError, match="line 2"):
        importers.xstest_parse(tmp_path)


def test_campaigns_refuse_unknown_categories(labelled_campaign) -> None:
    campaign: Campaign = labelled_campaign(n=0)
    with pytest.raises(ValidationError):
        prompts_add(
            campaign=campaign,
            rows=[importers.PromptRow(external_id="x", text="t", category="zzz")],
            source="file",
        )
    assert Taxonomy.objects.count() == 1


def test_assignment_spreads_items_across_rater_backgrounds(labelled_campaign, raters) -> None:
    from accounts.models import RaterProfile

    campaign = labelled_campaign(n=2, k=3)
    for rater, region in zip(raters[:3], ["EU", "US", "EU"], strict=True):
        RaterProfile.objects.create(user=rater, consent_given=True, region=region)
    first, second = (_next(r, campaign) for r in raters[:2])
    assert first.pk < second.pk
    # Both items have one rater; the EU rater goes where no EU rater is yet.
    assert _next(raters[2], campaign) == second
