"""The HTTP API: hidden tallies, one vote per person, closed rounds, roles, bad input."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.roles import Role
from accounts.work import work_available
from annotation.principles.models import Proposal, Vote, VotingRound
from annotation.principles.services.votes import vote_cast

pytestmark = pytest.mark.django_db


def test_tallies_and_comments_are_hidden_until_one_votes(
    open_round, propose, client_as, make_user
) -> None:
    voting_round = open_round()
    proposal = propose(voting_round)
    vote_cast(proposal=proposal, user=make_user(Role.RATER), choice="disagree")
    client = client_as(Role.RATER)
    assert (
        client.post(
            f"/api/principles/proposals/{proposal.pk}/comments/", {"text": "Hm."}, format="json"
        ).status_code
        == 201
    )
    other = client_as(Role.RATER)
    seen = other.get(f"/api/principles/rounds/{voting_round.pk}/").json()["proposals"][0]
    assert seen["tally"] is None
    assert seen["my_vote"] is None
    assert other.get(f"/api/principles/proposals/{proposal.pk}/comments/").json() == []

    voted = other.post(
        f"/api/principles/proposals/{proposal.pk}/vote/", {"choice": "agree"}, format="json"
    )
    assert voted.status_code == 200, voted.content
    assert voted.json()["tally"]["human"] == {"agree": 1, "disagree": 1, "pass": 0}
    assert voted.json()["my_vote"] == "agree"
    again = other.post(
        f"/api/principles/proposals/{proposal.pk}/vote/", {"choice": "pass"}, format="json"
    )
    assert again.json()["tally"]["human"] == {"agree": 0, "disagree": 1, "pass": 1}
    assert Vote.objects.filter(proposal=proposal).count() == 2
    comments = other.get(f"/api/principles/proposals/{proposal.pk}/comments/").json()
    assert [c["text"] for c in comments] == ["Hm."]


def test_bad_input_is_refused_and_nothing_is_stored(open_round, propose, client_as) -> None:
    voting_round = open_round()
    proposal = propose(voting_round)
    client = client_as(Role.RATER)
    bad_vote = client.post(
        f"/api/principles/proposals/{proposal.pk}/vote/", {"choice": "yes"}, format="json"
    )
    assert bad_vote.status_code == 400
    assert "choice" in bad_vote.json()["fields"]
    bad_add = client.post(
        f"/api/principles/rounds/{voting_round.pk}/proposals/",
        {"action": "add", "principle_key": "mutual-trust", "rationale": "x"},
        format="json",
    )
    assert bad_add.status_code == 400
    assert {"principle_key", "title", "text", "audience"} <= set(bad_add.json()["fields"])
    assert Proposal.objects.count() == 1
    assert not Vote.objects.exists()

    VotingRound.objects.filter(pk=voting_round.pk).update(closes_at=timezone.now())
    late = client.post(
        f"/api/principles/proposals/{proposal.pk}/vote/", {"choice": "agree"}, format="json"
    )
    assert late.status_code == 400
    assert "round" in late.json()["fields"]
    assert not Vote.objects.exists()


def test_only_researchers_open_close_and_veto(seeded, open_round, propose, client_as) -> None:
    now = timezone.now()
    body = {
        "title": "Round",
        "opens_at": now.isoformat(),
        "closes_at": (now + dt.timedelta(days=1)).isoformat(),
    }
    rater = client_as(Role.RATER)
    assert rater.post("/api/principles/rounds/", body, format="json").status_code == 403
    researcher = client_as(Role.RESEARCHER)
    created = researcher.post("/api/principles/rounds/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["min_participants"] == 3
    assert created.json()["base_version"] == 1
    bad = researcher.post("/api/principles/rounds/", {**body, "min_agreement": 2}, format="json")
    assert bad.status_code == 400
    assert "min_agreement" in bad.json()["fields"]

    proposal = propose(open_round())
    assert (
        rater.post(f"/api/principles/proposals/{proposal.pk}/veto/", {"reason": "x"}).status_code
        == 403
    )
    vetoed = researcher.post(
        f"/api/principles/proposals/{proposal.pk}/veto/", {"reason": "Unsafe."}, format="json"
    )
    assert vetoed.status_code == 200
    assert vetoed.json()["vetoed"] is True
    assert rater.post(f"/api/principles/rounds/{proposal.round_id}/close/").status_code == 403
    closed = researcher.post(f"/api/principles/rounds/{proposal.round_id}/close/")
    assert closed.json()["status"] == "closed"
    # Once closed, everyone sees the results.
    assert rater.get(f"/api/principles/rounds/{proposal.round_id}/").json()["proposals"][0]["tally"]


def test_versions_diff_and_open_rounds_on_the_rater_home(
    open_round, propose, client_as, make_user
) -> None:
    voting_round = open_round(min_participants=1, min_group_agreement=0.0)
    proposal = propose(voting_round, text="New words.")
    rater = make_user(Role.RATER)
    [item] = [i for i in work_available(user=rater) if i.kind == "principles"]
    assert item.count == 1
    assert item.url == f"/principles/rounds/{voting_round.pk}"
    vote_cast(proposal=proposal, user=rater, choice="agree")
    assert not [i for i in work_available(user=rater) if i.kind == "principles"]

    client = client_as(Role.RESEARCHER)
    client.post(f"/api/principles/rounds/{voting_round.pk}/close/")
    versions = client.get("/api/principles/versions/").json()
    assert [(v["number"], v["is_current"]) for v in versions] == [(2, True), (1, False)]
    detail = client.get("/api/principles/versions/2/").json()
    [change] = detail["changelog"]
    assert change["proposal"]["id"] == proposal.pk
    assert change["stats"]["agreement"] == 1.0
    diff = client.get("/api/principles/versions/2/diff/?against=1").json()
    assert [r["key"] for r in diff if r["change"] != "unchanged"] == ["mutual-trust"]
    assert client.get("/api/principles/versions/2/diff/?against=x").status_code == 400
    for query, message in (("against=0", "greater than or equal to 1"), ("", "required")):
        refused = client.get(f"/api/principles/versions/2/diff/?{query}")
        assert refused.status_code == 400
        assert message in refused.json()["fields"]["against"][0]
    analysis = client.get(f"/api/principles/rounds/{voting_round.pk}/analysis/").json()
    assert analysis["closed"]
    assert analysis["participation"]["human_voters"] == 1
    tracking = client.get("/api/principles/tracking/").json()
    assert tracking[0]["key"] == "mutual-trust"
    assert tracking[0]["points"][0]["passed"]
