"""Gold items managed by researchers: a response's known answer set and removed through the
API (researchers only, audited), imported labelled items marked in bulk, labels kept."""

import pytest

from accounts.roles import Role
from annotation.hazards import importers
from annotation.hazards.models import Label, Response
from annotation.hazards.services.assignment import assignment_next
from annotation.hazards.services.gold import response_gold_set
from annotation.hazards.services.imports import xstest_import
from annotation.hazards.services.labels import label_submit
from annotation.hazards.trust import rater_trust_components
from audit.models import AuditAction, AuditEntry
from tests.hazards.conftest import XSTEST_DIR
from trust.components import TrustComponents

pytestmark = pytest.mark.django_db


def test_a_researcher_marks_and_unmarks_gold_and_labels_stay(
    client_as, labelled_campaign, raters
) -> None:
    campaign = labelled_campaign(n=2, k=3)
    response = assignment_next(rater=raters[0], campaign=campaign)
    assert response is not None
    label, _ = label_submit(
        rater=raters[0],
        response=response,
        harmful=True,
        categories=["vcr"],
        severity=2,
        rewrite="A safe answer.",
    )
    researcher = client_as(Role.RESEARCHER)
    url = f"/api/hazards/responses/{response.pk}/gold/"

    marked = researcher.put(url, {"harmful": False}, format="json")

    assert marked.status_code == 200, marked.content
    assert marked.json() == {"id": response.pk, "gold_harmful": False}
    entry = AuditEntry.objects.get(action=AuditAction.GOLD_SET)
    assert (entry.object_type, entry.object_id) == ("response", str(response.pk))
    assert entry.details["harmful"] is False
    # The rater's label is untouched and now measured against the gold answer.
    assert list(Label.objects.values_list("pk", "harmful")) == [(label.pk, True)]
    assert rater_trust_components()[raters[0].pk].gold_accuracy == 0.0

    # Setting the same answer again changes nothing and writes no second entry.
    assert researcher.put(url, {"harmful": False}, format="json").status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.GOLD_SET).count() == 1

    cleared = researcher.delete(url)

    assert cleared.json() == {"id": response.pk, "gold_harmful": None}
    assert AuditEntry.objects.filter(action=AuditAction.GOLD_CLEAR).count() == 1
    assert Label.objects.count() == 1
    assert rater_trust_components().get(raters[0].pk, TrustComponents()).gold_items == 0


def test_raters_may_not_manage_gold(client_as, labelled_campaign) -> None:
    campaign = labelled_campaign(n=1)
    response = Response.objects.get(prompt__campaign=campaign)
    rater = client_as(Role.RATER)

    assert (
        rater.put(
            f"/api/hazards/responses/{response.pk}/gold/", {"harmful": True}, format="json"
        ).status_code
        == 403
    )
    assert rater.delete(f"/api/hazards/responses/{response.pk}/gold/").status_code == 403
    assert rater.post(f"/api/hazards/campaigns/{campaign.pk}/gold/import/").status_code == 403
    response.refresh_from_db()
    assert response.gold_harmful is None
    assert not AuditEntry.objects.filter(action__startswith="gold.").exists()


def test_gold_needs_an_answer(client_as, labelled_campaign) -> None:
    response = Response.objects.get(prompt__campaign=labelled_campaign(n=1))

    refused = client_as(Role.RESEARCHER).put(
        f"/api/hazards/responses/{response.pk}/gold/", {}, format="json"
    )

    assert refused.status_code == 400
    assert "harmful" in refused.json()["fields"]


def test_marked_gold_items_are_mixed_into_a_raters_work(labelled_campaign, raters) -> None:
    campaign = labelled_campaign(n=1, k=1)
    only = Response.objects.get(prompt__campaign=campaign)
    response_gold_set(response=only, harmful=True, actor=raters[4])

    # The campaign's one item is now gold: every rater gets it, beyond labels_per_item.
    assert assignment_next(rater=raters[0], campaign=campaign) == only
    assert assignment_next(rater=raters[1], campaign=campaign) == only


def test_bulk_marks_imported_items_whose_annotators_agree(client_as) -> None:
    rows = importers.xstest_parse(XSTEST_DIR)
    campaign, _ = xstest_import(rows=rows)
    imported_gold = dict(
        Response.objects.filter(prompt__campaign=campaign).values_list("pk", "gold_harmful")
    )
    agreed = {pk: gold for pk, gold in imported_gold.items() if gold is not None}
    assert agreed
    assert len(agreed) < len(imported_gold)
    # A researcher cleared every gold mark, and corrected one answer by hand.
    Response.objects.filter(prompt__campaign=campaign).update(gold_harmful=None)
    corrected = next(iter(agreed))
    Response.objects.filter(pk=corrected).update(gold_harmful=not agreed[corrected])
    researcher = client_as(Role.RESEARCHER)

    answer = researcher.post(f"/api/hazards/campaigns/{campaign.pk}/gold/import/")

    assert answer.status_code == 200, answer.content
    assert answer.json() == {"marked": len(agreed) - 1}
    after = dict(
        Response.objects.filter(prompt__campaign=campaign).values_list("pk", "gold_harmful")
    )
    # The import's own rule, and the hand correction kept.
    assert after == {**imported_gold, corrected: not agreed[corrected]}
    entry = AuditEntry.objects.get(action=AuditAction.GOLD_SET)
    assert (entry.object_type, entry.object_id) == ("campaign", str(campaign.pk))
    assert researcher.post(f"/api/hazards/campaigns/{campaign.pk}/gold/import/").json() == {
        "marked": 0
    }
