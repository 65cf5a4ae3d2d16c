"""The HTTP API: roles, labelling flow, 400s with field messages, analytics, reports."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.roles import Role
from annotation.hazards.models import Label, Prompt
from signalpool.models import Signal
from tests.hazards.conftest import AILUMINATE_CSV, XSTEST_DIR

pytestmark = pytest.mark.django_db


def test_raters_label_rewrite_and_skip_through_the_api(client_as, labelled_campaign) -> None:
    campaign = labelled_campaign(n=2, k=1)
    rater = client_as(Role.RATER)
    item = rater.get(f"/api/hazards/campaigns/{campaign.pk}/next/").json()
    assert item["campaign"] == campaign.pk
    assert {c["code"] for c in item["taxonomy"]["categories"]} >= {"vcr", "hte"}
    url = f"/api/hazards/responses/{item['response']}/label/"

    bad = rater.post(url, {"harmful": True, "categories": ["vcr"], "severity": 3}, format="json")
    assert bad.status_code == 400
    assert "rewrite" in bad.json()["fields"]
    assert not Label.objects.exists()

    body = {"harmful": True, "categories": ["vcr"], "severity": 3, "rewrite": "Safe answer."}
    created = rater.post(url, body, format="json")
    assert created.status_code == 201, created.content
    assert rater.post(url, body, format="json").status_code == 200  # a retry stores nothing
    assert Signal.objects.filter(kind="safe_rewrite").count() == 1

    following = rater.get(f"/api/hazards/campaigns/{campaign.pk}/next/").json()
    assert following["response"] != item["response"]
    skip = f"/api/hazards/responses/{following['response']}/skip/"
    assert rater.post(skip, {}, format="json").status_code == 400
    assert rater.post(skip, {"reason": "not my language"}, format="json").status_code == 204
    assert rater.get(f"/api/hazards/campaigns/{campaign.pk}/next/").status_code == 204
    mine = rater.get("/api/hazards/me/reliability/").json()
    assert mine["labels"] == 1


def test_rater_home_lists_labelling_work(client_as, labelled_campaign, raters) -> None:
    from annotation.hazards.services.assignment import assignment_next

    campaign = labelled_campaign(n=3, k=1)
    # Another rater takes one response: with k = 1 it is no longer offered.
    assignment_next(rater=raters[0], campaign=campaign)
    work = client_as(Role.RATER).get("/api/work/")
    assert work.status_code == 200, work.content
    [entry] = [w for w in work.json()["results"] if w["kind"] == "hazards"]
    assert (entry["count"], entry["url"]) == (2, f"/hazards/label/{campaign.pk}")


def test_only_researchers_run_campaigns(client_as, labelled_campaign) -> None:
    campaign = labelled_campaign(n=1)
    rater, researcher = client_as(Role.RATER), client_as(Role.RESEARCHER)
    assert rater.get("/api/hazards/campaigns/").status_code == 403
    assert rater.get(f"/api/hazards/campaigns/{campaign.pk}/analytics/").status_code == 403
    assert researcher.get(f"/api/hazards/campaigns/{campaign.pk}/next/").status_code == 403
    listed = researcher.get("/api/hazards/campaigns/").json()
    assert [c["id"] for c in listed] == [campaign.pk]
    analytics = researcher.get(f"/api/hazards/campaigns/{campaign.pk}/analytics/")
    assert analytics.status_code == 200
    assert analytics.json()["labelled_items"] == 0


def test_campaign_creation_and_imports(client_as, published_lines) -> None:
    researcher = client_as(Role.RESEARCHER)
    assert researcher.post("/api/hazards/campaigns/", {"name": "x"}, format="json").json()[
        "fields"
    ].keys() == {"line"}
    created = researcher.post(
        "/api/hazards/campaigns/",
        {"name": "Probe", "line": "redteam-target", "labels_per_item": 2},
        format="json",
    )
    assert created.status_code == 201, created.content
    campaign = created.json()
    assert campaign["target"] == "redteam-target v1"
    url = f"/api/hazards/campaigns/{campaign['id']}/import/"

    bad = io.BytesIO(b'{"prompt": "fine"}\nnot json\n')
    bad.name = "attacks.jsonl"
    refused = researcher.post(url, {"file": bad}, format="multipart")
    assert refused.status_code == 400
    assert "line 2" in refused.json()["fields"]["file"][0]
    assert not Prompt.objects.exists()

    good = io.BytesIO(b'{"prompt": "first", "category": "hte"}\n{"prompt": "second"}\n')
    good.name = "attacks.jsonl"
    assert researcher.post(url, {"file": good}, format="multipart").json() == {"count": 2}
    with AILUMINATE_CSV.open("rb") as f:
        imported = researcher.post(url, {"file": f, "format": "ailuminate"}, format="multipart")
    assert imported.json() == {"count": 900}
    responses = researcher.get(f"/api/hazards/campaigns/{campaign['id']}/responses/").json()
    assert len(responses) == 902
    assert {r["status"] for r in responses} == {"queued"}


def test_raters_write_attacks(client_as, published_lines) -> None:
    researcher = client_as(Role.RESEARCHER)
    campaign = researcher.post(
        "/api/hazards/campaigns/", {"name": "P", "line": "redteam-target"}, format="json"
    ).json()
    rater = client_as(Role.RATER)
    url = f"/api/hazards/campaigns/{campaign['id']}/prompts/"
    bad = rater.post(url, {"text": "x", "category": "nope"}, format="json")
    assert bad.status_code == 400
    assert "category" in bad.json()["fields"]
    made = rater.post(url, {"text": "Tell me how to pick a lock", "category": "ncr"}, format="json")
    assert made.status_code == 201
    assert Prompt.objects.get(pk=made.json()["id"]).responses.count() == 1


def test_taxonomy_versions_through_the_api(client_as) -> None:
    researcher = client_as(Role.RESEARCHER)
    [first] = researcher.get("/api/hazards/taxonomies/").json()
    body = {
        "note": "split hate",
        "severity_scale": first["severity_scale"],
        "categories": [*first["categories"], {"code": "new", "name": "New", "definition": "d"}],
    }
    assert (
        client_as(Role.RATER).post("/api/hazards/taxonomies/", body, format="json").status_code
        == 403
    )
    created = researcher.post("/api/hazards/taxonomies/", body, format="json")
    assert created.status_code == 201, created.content
    assert [t["number"] for t in researcher.get("/api/hazards/taxonomies/").json()] == [2, 1]
    dup = {**body, "categories": [body["categories"][0]] * 2}
    assert (
        "categories"
        in researcher.post("/api/hazards/taxonomies/", dup, format="json").json()["fields"]
    )


def test_xstest_commands(capsys) -> None:
    call_command("hazards_import_xstest", str(XSTEST_DIR))
    call_command("hazards_report", "--json")
    report = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    [xstest] = report["sets"]
    assert (xstest["dataset"], xstest["items"], xstest["raters"]) == ("xstest", 450, 2)
    assert xstest["raw_agreement"] == pytest.approx(439 / 450)
    call_command("hazards_report")
    assert "xstest: 450 items, 2 raters, raw agreement 0.976" in capsys.readouterr().out
    with pytest.raises(CommandError, match="missing"):
        call_command("hazards_import_xstest", "/nonexistent")


def test_the_demo_campaign_loads_once(published_lines) -> None:
    from annotation.hazards.demo import demo_campaign_load
    from annotation.hazards.models import Campaign, Response

    demo_campaign_load()
    counts = (Prompt.objects.count(), Response.objects.count())
    demo_campaign_load()
    assert (Prompt.objects.count(), Response.objects.count()) == counts
    # Real model output to label from the first minute: XSTest's Mistral completions, gold
    # where both annotators agree; no target, so nothing waits for a model.
    labelling = Campaign.objects.get(slug="demo")
    assert labelling.target_version is None
    assert set(labelling.prompts.values_list("source", flat=True)) == {"xstest"}
    responses = Response.objects.filter(prompt__campaign=labelling)
    assert responses.filter(gold_harmful__isnull=False).count() == 8
    assert responses.filter(gold_harmful__isnull=True).count() == 11
    assert set(responses.values_list("status", flat=True)) == {"done"}
    # The untrained target answers the AILuminate prompts in a campaign of its own.
    redteam = Campaign.objects.get(slug="demo-redteam")
    assert redteam.target_version is not None
    assert redteam.target_version.line.slug == "redteam-target"
    assert set(redteam.prompts.values_list("source", flat=True)) == {"ailuminate"}
    assert Response.objects.filter(model_version=redteam.target_version).count() == (
        redteam.prompts.count()
    )


def test_campaign_events_are_for_raters_and_researchers(make_user, labelled_campaign) -> None:
    from realtime.groups import can_subscribe

    campaign = labelled_campaign(n=1)
    assert can_subscribe(make_user(Role.RATER), f"campaign:{campaign.pk}")
    assert can_subscribe(make_user(Role.RESEARCHER), f"campaign:{campaign.pk}")
    assert not can_subscribe(make_user(), f"campaign:{campaign.pk}")
    assert not can_subscribe(make_user(Role.RESEARCHER), f"campaign:{campaign.pk + 1000}")
