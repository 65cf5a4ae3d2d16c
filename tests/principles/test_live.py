"""Live tallies reach only those who voted; the AI proposer drafts on a real gpu worker."""

import time

import pytest
from asgiref.sync import sync_to_async

from accounts.roles import Role
from annotation.principles.models import Proposal, Vote
from annotation.principles.selectors import proposal_tally
from annotation.principles.services.proposals import proposal_draft_request
from annotation.principles.services.votes import ai_votes_request, vote_cast
from signalpool.models import Signal
from tests.realtime_client import connect_as, subscribe

pytestmark = pytest.mark.django_db(transaction=True)


async def test_tally_events_go_to_voters_only(open_round, propose, make_user) -> None:
    voting_round = await sync_to_async(open_round)()
    proposal = await sync_to_async(propose)(voting_round)
    group = f"round:{voting_round.pk}.{proposal.pk}"
    voter = await sync_to_async(make_user)(Role.RATER)
    onlooker = await sync_to_async(make_user)(Role.RESEARCHER)

    watching = await connect_as(onlooker)
    assert (await subscribe(watching, group))["type"] == "subscription.refused"
    await watching.disconnect()

    await sync_to_async(vote_cast)(proposal=proposal, user=voter, choice="agree")
    listening = await connect_as(voter)
    assert (await subscribe(listening, group))["type"] == "subscribed"
    other = await sync_to_async(make_user)(Role.RATER)
    await sync_to_async(vote_cast)(proposal=proposal, user=other, choice="disagree")
    event = await listening.receive_json_from(timeout=5)
    assert event["type"] == "round.tally"
    assert event["payload"]["human"] == {"agree": 1, "disagree": 1, "pass": 0}
    await listening.disconnect()


@pytest.mark.worker
def test_ai_proposer_drafts_an_ai_authored_amendment(
    celery_worker, published_lines, open_round
) -> None:
    voting_round = open_round()
    proposal_draft_request(voting_round=voting_round)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not Proposal.objects.filter(round=voting_round).exists():
        time.sleep(0.5)
    proposal = Proposal.objects.get(round=voting_round)
    proposer = next(v for v in published_lines if v.line.slug == "proposer")
    assert proposal.ai_authored
    assert proposal.author_model_id == proposer.pk
    assert proposal.action == "amend"
    assert proposal.text
    assert "No votes on this principle yet." in proposal.rationale
    signal = Signal.objects.get(kind="proposal", item_id=str(proposal.pk))
    assert signal.source_model_id == proposer.pk
    assert signal.constitution_version == 1


@pytest.mark.worker
def test_the_judge_model_votes_apart_from_humans(
    celery_worker, published_lines, open_round, propose, make_user
) -> None:
    voting_round = open_round(min_participants=1)
    proposal = propose(voting_round)
    vote_cast(proposal=proposal, user=make_user(Role.RATER), choice="disagree")
    ai_votes_request(voting_round=voting_round)
    judge = next(v for v in published_lines if v.line.slug == "judge")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not Vote.objects.filter(voter_model=judge).exists():
        time.sleep(0.5)
    ai_vote = Vote.objects.get(voter_model=judge)
    assert ai_vote.choice in {"agree", "disagree", "pass"}
    tally = proposal_tally(proposal_id=proposal.pk)
    assert sum(tally["ai"].values()) == 1
    assert tally["human"] == {"agree": 0, "disagree": 1, "pass": 0}
    assert Signal.objects.filter(kind="vote", source_model=judge).count() == 1
