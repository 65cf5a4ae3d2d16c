"""Voting rounds: opening one, the rule that decides its outcome, and closing it, which enacts
what passed. Events go out after commit (realtime.events)."""

import datetime as dt
from typing import Any

import numpy as np
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from annotation.principles.analysis import opinion_groups, statement_support
from annotation.principles.models import (
    AuditAction,
    AuditEntry,
    Choice,
    ConstitutionVersion,
    Proposal,
    ProposalAction,
    RoundStatus,
    Vote,
    VotingRound,
)
from annotation.principles.services.constitution import constitution_enact
from realtime.events import event_send
from webhooks.models import EventType
from webhooks.services.emit import webhook_emit_on_commit

VOTE_VALUE = {Choice.AGREE: 1.0, Choice.DISAGREE: -1.0, Choice.PASS: 0.0}


def tally_group(proposal: Proposal) -> str:
    """The realtime group of a proposal's live tally (only those who voted on it may join)."""
    return f"round:{proposal.round_id}.{proposal.pk}"


@transaction.atomic
def round_open(
    *,
    user: User,
    title: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    min_participants: int = 3,
    min_agreement: float = 0.6,
    min_group_agreement: float = 0.5,
) -> VotingRound:
    from annotation.principles.tasks import round_close_task

    current = ConstitutionVersion.objects.filter(is_current=True).first()
    if current is None:
        raise ValidationError({"base_version": "No constitution version is in force yet."})
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": "A round must close after it opens."})
    if closes_at <= timezone.now():
        raise ValidationError({"closes_at": "The closing time has already passed."})
    if min_participants < 1:
        # Nobody enacts without a human vote, whatever the thresholds.
        raise ValidationError({"min_participants": "At least one human voter is required."})
    voting_round = VotingRound.objects.create(
        title=title,
        base_version=current,
        opens_at=opens_at,
        closes_at=closes_at,
        min_participants=min_participants,
        min_agreement=min_agreement,
        min_group_agreement=min_group_agreement,
        created_by=user,
    )
    AuditEntry.objects.create(
        action=AuditAction.ROUND_OPENED,
        actor=user,
        round=voting_round,
        details={
            "min_participants": min_participants,
            "min_agreement": min_agreement,
            "min_group_agreement": min_group_agreement,
        },
    )
    # The task re-checks the time, so an early or repeated delivery closes nothing early.
    transaction.on_commit(
        lambda: round_close_task.apply_async(args=(voting_round.pk,), eta=closes_at)
    )
    return voting_round


def round_accepting_check(*, voting_round: VotingRound) -> None:
    """Refuse contributions to a round that is closed or not open yet."""
    now = timezone.now()
    if voting_round.status != RoundStatus.OPEN or now >= voting_round.closes_at:
        raise ValidationError({"round": "This round is closed."})
    if now < voting_round.opens_at:
        raise ValidationError({"round": "This round has not opened yet."})


def round_outcome(voting_round: VotingRound) -> dict[str, Any]:
    """Groups and per-proposal support from the human votes, and the rule's decision on each.

    The rule: a proposal passes when it is not vetoed, has at least `min_participants` human
    votes, an agreement share of at least `min_agreement` with more agrees than disagrees (a
    tie never passes), and every opinion group agrees at least `min_group_agreement`. Of two
    passing proposals about the same principle the better supported wins; an exact tie
    between them passes neither.
    """
    proposals = list(voting_round.proposals.order_by("pk"))
    votes = list(
        Vote.objects.filter(proposal__round=voting_round).values_list(
            "proposal_id", "voter_user_id", "voter_model_id", "choice"
        )
    )
    voters = sorted({user for _, user, _, _ in votes if user is not None})
    column = {p.pk: i for i, p in enumerate(proposals)}
    row = {user: i for i, user in enumerate(voters)}
    matrix = np.full((len(voters), len(proposals)), np.nan)  # (human voters, proposals)
    ai: dict[int, dict[str, int]] = {p.pk: {c: 0 for c in Choice.values} for p in proposals}
    for proposal_id, user_id, _model_id, choice in votes:
        if user_id is None:
            ai[proposal_id][choice] += 1
        else:
            matrix[row[user_id], column[proposal_id]] = VOTE_VALUE[Choice(choice)]
    groups = opinion_groups(matrix)
    support = statement_support(matrix, groups.labels)

    stats: dict[str, dict[str, Any]] = {}
    for proposal, s in zip(proposals, support, strict=True):
        bridging = s.min_group_agreement if s.min_group_agreement is not None else s.agreement
        reasons = []
        if proposal.vetoed_by_id is not None:
            reasons.append("vetoed")
        if s.votes < voting_round.min_participants:
            reasons.append(f"{s.votes} human votes, fewer than {voting_round.min_participants}")
        if s.agreement is None or s.agreement < voting_round.min_agreement:
            reasons.append("overall agreement below the threshold")
        if s.agree <= s.disagree:
            reasons.append("no more agrees than disagrees")
        if bridging is None or bridging < voting_round.min_group_agreement:
            reasons.append("some opinion group's agreement is below the threshold")
        stats[str(proposal.pk)] = {
            "votes": s.votes,
            "agree": s.agree,
            "disagree": s.disagree,
            "pass": s.passed,
            "agreement": s.agreement,
            "group_agreement": {str(g): v for g, v in s.group_agreement.items()},
            "min_group_agreement": s.min_group_agreement,
            "consensus": s.consensus,
            "ai": ai[proposal.pk],
            "passed": not reasons,
            "reason": "; ".join(reasons) or "passed",
        }
    by_key: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        if stats[str(proposal.pk)]["passed"]:
            by_key.setdefault(proposal.principle_key, []).append(proposal)
    for rivals in by_key.values():
        if len(rivals) < 2:
            continue

        def strength(p: Proposal) -> tuple[float, float]:
            entry = stats[str(p.pk)]
            return (entry["agreement"], entry["consensus"] or 0.0)

        ranked = sorted(rivals, key=strength, reverse=True)
        tied = strength(ranked[0]) == strength(ranked[1])
        for loser in ranked if tied else ranked[1:]:
            stats[str(loser.pk)]["passed"] = False
            stats[str(loser.pk)]["reason"] = (
                "tied with another proposal about the same principle"
                if tied
                else f"proposal #{ranked[0].pk} about the same principle had more support"
            )
    return {
        "participants": len(voters),
        "groups": {
            "k": groups.k,
            "silhouette": groups.silhouette,
            "voters": [
                {"user": user, "group": label, "x": x, "y": y}
                for user, label, (x, y) in zip(
                    voters, groups.labels, groups.participant_xy, strict=True
                )
            ],
            "proposals": [
                {"proposal": p.pk, "x": x, "y": y}
                for p, (x, y) in zip(proposals, groups.statement_xy, strict=True)
            ],
        },
        "proposals": stats,
    }


@transaction.atomic
def round_close(
    *, round_id: int, force: bool = False, user: User | None = None
) -> VotingRound | None:
    """Close a round that is due (or now, when forced) and enact what passed, atomically.

    Idempotent: a closed round is returned as it is. Returns None when the round is gone.
    """
    voting_round = VotingRound.objects.select_for_update().filter(pk=round_id).first()
    if voting_round is None or voting_round.status == RoundStatus.CLOSED:
        return voting_round
    now = timezone.now()
    if not force and now < voting_round.closes_at:
        return voting_round
    outcome = round_outcome(voting_round)
    voting_round.status = RoundStatus.CLOSED
    voting_round.closed_at = now
    if force and now < voting_round.closes_at:
        voting_round.closes_at = max(now, voting_round.opens_at + dt.timedelta(microseconds=1))
    current = ConstitutionVersion.objects.select_for_update().get(is_current=True)
    present = set(current.principles.values_list("key", flat=True))
    passing = []
    for proposal in voting_round.proposals.order_by("pk"):
        entry = outcome["proposals"][str(proposal.pk)]
        # Another round may have changed the constitution since this one opened.
        if entry["passed"] and (proposal.action == ProposalAction.ADD) == (
            proposal.principle_key in present
        ):
            entry["passed"] = False
            entry["reason"] = "the principle changed since this round opened"
        if entry["passed"]:
            passing.append(proposal)
    version = (
        constitution_enact(voting_round=voting_round, current=current, passing=passing, user=user)
        if passing
        else None
    )
    outcome["version"] = version.number if version else None
    voting_round.outcome = outcome
    voting_round.save(update_fields=["status", "closed_at", "closes_at", "outcome"])
    if version is None:
        AuditEntry.objects.create(
            action=AuditAction.ROUND_CLOSED,
            actor=user,
            round=voting_round,
            reason="No proposal met the enactment rule.",
            details={"participants": outcome["participants"]},
        )
    for proposal in voting_round.proposals.all():
        event_send(
            tally_group(proposal),
            "round.closed",
            {"round": voting_round.pk, "version": outcome["version"]},
        )
    # A round closes once (the status check above), so its id keys both events.
    webhook_emit_on_commit(
        event_type=EventType.ROUND_CLOSED,
        payload={
            "round": voting_round.pk,
            "version": outcome["version"],
            "participants": outcome["participants"],
            "passed": [p.pk for p in passing],
        },
        key=f"principles.round-closed:{voting_round.pk}",
    )
    if version is not None:
        webhook_emit_on_commit(
            event_type=EventType.ROUND_ENACTED,
            payload={
                "round": voting_round.pk,
                "version": version.number,
                "previous": current.number,
                "proposals": [p.pk for p in passing],
            },
            key=f"principles.round-enacted:{voting_round.pk}",
        )
    return voting_round


def rounds_close_due() -> list[int]:
    """Close every open round whose time is up; returns their ids."""
    due = list(
        VotingRound.objects.filter(
            status=RoundStatus.OPEN, closes_at__lte=timezone.now()
        ).values_list("pk", flat=True)
    )
    for round_id in due:
        round_close(round_id=round_id)
    return due
