"""Voting, enactment rules (thresholds, bridging, ties, empty rounds), vetoes and signals."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.roles import Role
from annotation.principles.models import (
    AuditAction,
    AuditEntry,
    ConstitutionVersion,
    Vote,
    VotingRound,
)
from annotation.principles.proposer import ai_votes_cast
from annotation.principles.selectors import constitution_current_number, version_diff
from annotation.principles.services.comments import comment_add
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_veto
from annotation.principles.services.rounds import round_close, rounds_close_due
from annotation.principles.services.votes import vote_cast
from signalpool.models import Signal

pytestmark = pytest.mark.django_db


def votes(proposal, choices, make_user):
    for choice in choices:
        vote_cast(proposal=proposal, user=make_user(Role.RATER), choice=choice)


def test_seed_is_idempotent_and_current(seeded) -> None:
    assert constitution_seed().pk == seeded.pk
    assert constitution_current_number() == 1
    assert seeded.principles.count() == 18
    assert set(seeded.principles.values_list("audience", flat=True)) == {"humans", "ai", "shared"}


def test_one_vote_per_person_changes_are_new_signals(open_round, propose, make_user) -> None:
    proposal = propose(open_round())
    rater = make_user(Role.RATER)
    vote_cast(proposal=proposal, user=rater, choice="agree")
    vote_cast(proposal=proposal, user=rater, choice="agree")
    vote_cast(proposal=proposal, user=rater, choice="disagree")
    assert list(Vote.objects.filter(proposal=proposal).values_list("choice", flat=True)) == [
        "disagree"
    ]
    signals = list(Signal.objects.filter(kind="vote", source_user=rater).order_by("pk"))
    assert [s.payload["choice"] for s in signals] == ["agree", "disagree"]
    assert signals[1].corrects_id == signals[0].pk
    assert {s.constitution_version for s in signals} == {1}
    with pytest.raises(ValidationError):
        vote_cast(proposal=proposal, user=rater, choice="maybe")


def test_closed_rounds_reject_votes_proposals_and_comments(open_round, propose, make_user) -> None:
    voting_round = open_round()
    proposal = propose(voting_round)
    VotingRound.objects.filter(pk=voting_round.pk).update(closes_at=timezone.now())
    with pytest.raises(ValidationError, match="closed"):
        vote_cast(proposal=proposal, user=make_user(Role.RATER), choice="agree")
    with pytest.raises(ValidationError, match="closed"):
        propose(voting_round, key="collaboration")
    with pytest.raises(ValidationError, match="closed"):
        comment_add(proposal=proposal, user=make_user(Role.RATER), text="Too late?")
    assert rounds_close_due() == [voting_round.pk]
    assert not Vote.objects.exists()


def test_passing_proposals_enact_a_new_version_atomically(open_round, propose, make_user) -> None:
    voting_round = open_round(min_participants=3, min_agreement=0.6, min_group_agreement=0.5)
    amend = propose(voting_round, "mutual-trust", text="Trust is earned and re-checked.")
    retire = propose(voting_round, "existence-protection", action="retire", title="", text="")
    add = propose(
        voting_round,
        "explain-refusals",
        action="add",
        title="Explain refusals",
        text="Say why.",
        audience="ai",
    )
    rejected = propose(voting_round, "collaboration", title="Collaboration", text="X")
    for _ in range(4):
        rater = make_user(Role.RATER)
        for proposal in (amend, retire, add):
            vote_cast(proposal=proposal, user=rater, choice="agree")
        vote_cast(proposal=rejected, user=rater, choice="disagree")
    closed = round_close(round_id=voting_round.pk, force=True)
    assert closed is not None
    assert closed.status == "closed"
    assert closed.outcome["version"] == 2
    assert constitution_current_number() == 2
    v1, v2 = ConstitutionVersion.objects.order_by("number")
    assert not v1.is_current
    assert v2.is_current
    assert v2.round_id == voting_round.pk
    changes = {row["key"]: row["change"] for row in version_diff(version=v2, against=v1)}
    assert changes["mutual-trust"] == "changed"
    assert changes["existence-protection"] == "removed"
    assert changes["explain-refusals"] == "added"
    assert changes["collaboration"] == "unchanged"
    assert v1.principles.get(key="mutual-trust").text != amend.text  # v1 is untouched
    assert v2.principles.get(key="mutual-trust").text == amend.text
    assert closed.outcome["proposals"][str(rejected.pk)]["passed"] is False
    entry = AuditEntry.objects.get(action=AuditAction.ENACTED)
    assert entry.version == v2
    assert sorted(entry.details["proposals"]) == sorted([amend.pk, retire.pk, add.pk])
    assert Signal.objects.filter(kind="enactment", constitution_version=2).count() == 1
    # Closing again changes nothing.
    round_close(round_id=voting_round.pk, force=True)
    assert ConstitutionVersion.objects.count() == 2


def test_empty_round_and_unanimous_ai_enact_nothing(
    open_round, propose, make_user, published_lines
) -> None:
    empty = open_round()
    closed = round_close(round_id=empty.pk, force=True)
    assert closed is not None
    assert closed.outcome["version"] is None
    assert AuditEntry.objects.filter(action=AuditAction.ROUND_CLOSED, round=empty).exists()

    ai_only = open_round(min_participants=1)
    proposal = propose(ai_only)
    for version in published_lines:
        vote_cast(proposal=proposal, model=version, choice="agree")
    closed = round_close(round_id=ai_only.pk, force=True)
    assert closed is not None
    stats = closed.outcome["proposals"][str(proposal.pk)]
    assert stats["ai"]["agree"] == len(published_lines)
    assert stats["votes"] == 0
    assert not stats["passed"]
    assert closed.outcome["version"] is None
    assert constitution_current_number() == 1


def test_ties_never_pass(open_round, propose, make_user) -> None:
    voting_round = open_round(min_participants=2, min_agreement=0.5, min_group_agreement=0.0)
    split = propose(voting_round, "mutual-trust")
    votes(split, ["agree", "disagree", "agree", "disagree"], make_user)
    # Two equally supported proposals about one principle: neither wins.
    first = propose(voting_round, "collaboration", title="Collaboration", text="A")
    second = propose(voting_round, "collaboration", title="Collaboration", text="B")
    raters = [make_user(Role.RATER) for _ in range(3)]
    for rater in raters:
        vote_cast(proposal=first, user=rater, choice="agree")
        vote_cast(proposal=second, user=rater, choice="agree")
    closed = round_close(round_id=voting_round.pk, force=True)
    assert closed is not None
    stats = closed.outcome["proposals"]
    assert stats[str(split.pk)]["agreement"] == 0.5
    assert not stats[str(split.pk)]["passed"]
    assert not stats[str(first.pk)]["passed"]
    assert not stats[str(second.pk)]["passed"]
    assert "tied" in stats[str(first.pk)]["reason"]
    assert closed.outcome["version"] is None


def test_bridging_rejects_a_majority_that_one_group_opposes(open_round, propose, make_user) -> None:
    voting_round = open_round(min_participants=3, min_agreement=0.6, min_group_agreement=0.4)
    keys = ["mutual-trust", "collaboration", "common-morality", "ensure-safety"]
    proposals = [propose(voting_round, key, title=key) for key in keys]
    majority = ["agree", "agree", "disagree", "agree"]
    minority = ["disagree", "disagree", "agree", "agree"]
    for pattern in [majority] * 6 + [minority] * 3:
        rater = make_user(Role.RATER)
        for proposal, choice in zip(proposals, pattern, strict=True):
            vote_cast(proposal=proposal, user=rater, choice=choice)
    closed = round_close(round_id=voting_round.pk, force=True)
    assert closed is not None
    assert closed.outcome["groups"]["k"] == 2
    stats = [closed.outcome["proposals"][str(p.pk)] for p in proposals]
    # 6 of 9 agree (0.67 >= 0.6) but the minority group does not: no bridging consensus.
    assert stats[0]["agreement"] == pytest.approx(6 / 9)
    assert stats[0]["min_group_agreement"] == 0.0
    assert not stats[0]["passed"]
    assert stats[3]["passed"]
    assert stats[3]["min_group_agreement"] == 1.0
    assert stats[3]["consensus"] > stats[0]["consensus"]
    assert closed.outcome["version"] == 2


def test_veto_blocks_enactment_and_is_audited(open_round, propose, make_user) -> None:
    voting_round = open_round(min_participants=1)
    proposal = propose(voting_round)
    votes(proposal, ["agree"] * 3, make_user)
    researcher = make_user(Role.RESEARCHER)
    with pytest.raises(ValidationError, match="reason"):
        proposal_veto(proposal=proposal, user=researcher, reason=" ")
    proposal_veto(proposal=proposal, user=researcher, reason="Conflicts with a legal red line.")
    closed = round_close(round_id=voting_round.pk, force=True)
    assert closed is not None
    assert closed.outcome["version"] is None
    assert closed.outcome["proposals"][str(proposal.pk)]["reason"].startswith("vetoed")
    entry = AuditEntry.objects.get(action=AuditAction.VETOED)
    assert (entry.actor, entry.proposal, entry.reason) == (
        researcher,
        proposal,
        "Conflicts with a legal red line.",
    )


def test_round_rule_is_checked_when_opening(seeded, make_user) -> None:
    from annotation.principles.services.rounds import round_open

    now = timezone.now()
    with pytest.raises(ValidationError, match="after it opens"):
        round_open(user=make_user(Role.RESEARCHER), title="x", opens_at=now, closes_at=now)
    with pytest.raises(ValidationError, match="human voter"):
        round_open(
            user=make_user(Role.RESEARCHER),
            title="x",
            opens_at=now,
            closes_at=now + dt.timedelta(hours=1),
            min_participants=0,
        )
    assert not VotingRound.objects.exists()


def test_the_ai_voter_chooses_by_scoring_agree_disagree_and_pass(
    open_round, propose, published_lines
) -> None:
    voting_round = open_round()
    proposals = [
        propose(voting_round, text="Be honest about uncertainty."),
        propose(voting_round, key="collaboration", text="Work together in the open."),
    ]
    judge = next(v for v in published_lines if v.line.slug == "judge")

    votes = ai_votes_cast(round_id=voting_round.pk)

    assert [v.proposal_id for v in votes] == [p.pk for p in proposals]
    verdicts = []
    for vote in votes:
        assert vote.voter_model_id == judge.pk
        signal = Signal.objects.get(kind="vote", item_id=str(vote.proposal_id))
        scores = signal.payload["option_scores"]
        assert [s["option"] for s in scores] == [" agree", " disagree", " pass"]
        probabilities = [s["probability"] for s in scores]
        assert sum(probabilities) == pytest.approx(1.0)
        # The model's own most probable choice, not a fallback to "pass".
        assert vote.choice == scores[probabilities.index(max(probabilities))]["option"].strip()
        verdicts.append(probabilities)
    assert verdicts[0] != verdicts[1]
    assert ai_votes_cast(round_id=voting_round.pk) == []
