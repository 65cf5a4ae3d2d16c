"""Writes: seeding, rounds, proposals, votes, comments, vetoes and enactment.

Every human or AI contribution is also recorded in the signal pool with the constitution
version in force. Events go out after commit (realtime.events).
"""

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
    Comment,
    ConstitutionVersion,
    Principle,
    Proposal,
    ProposalAction,
    RoundStatus,
    Vote,
    VotingRound,
)
from annotation.principles.seed import VERSION_1
from annotation.principles.selectors import constitution_current_number, proposal_tally
from realtime.events import event_send
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from signalpool.services import signal_record

PROPOSAL_ITEM = "principles.proposal"
VOTE_VALUE = {Choice.AGREE: 1.0, Choice.DISAGREE: -1.0, Choice.PASS: 0.0}


def tally_group(proposal: Proposal) -> str:
    return f"round:{proposal.round_id}.{proposal.pk}"


@transaction.atomic
def constitution_seed() -> ConstitutionVersion:
    """Version 1 from the papers' principles; returns the existing one when already seeded."""
    existing = ConstitutionVersion.objects.select_for_update().filter(number=1).first()
    if existing is not None:
        return existing
    version = ConstitutionVersion.objects.create(
        number=1,
        summary="First principles for humans, for AI and shared, from the co-alignment papers.",
        is_current=not ConstitutionVersion.objects.filter(is_current=True).exists(),
    )
    Principle.objects.bulk_create(
        Principle(version=version, position=i, **principle) for i, principle in enumerate(VERSION_1)
    )
    AuditEntry.objects.create(action=AuditAction.SEEDED, version=version)
    return version


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


def _round_accepting(voting_round: VotingRound) -> None:
    now = timezone.now()
    if voting_round.status != RoundStatus.OPEN or now >= voting_round.closes_at:
        raise ValidationError({"round": "This round is closed."})
    if now < voting_round.opens_at:
        raise ValidationError({"round": "This round has not opened yet."})


@transaction.atomic
def proposal_submit(
    *,
    voting_round: VotingRound,
    action: str,
    principle_key: str,
    rationale: str,
    title: str = "",
    text: str = "",
    audience: str = "",
    author_user: User | None = None,
    author_model: ModelVersion | None = None,
) -> Proposal:
    if (author_user is None) == (author_model is None):
        raise ValidationError({"author": "Give exactly one author: a person or a model version."})
    voting_round = VotingRound.objects.select_for_update().get(pk=voting_round.pk)
    _round_accepting(voting_round)
    existing = set(voting_round.base_version.principles.values_list("key", flat=True))
    errors: dict[str, str] = {}
    if action == ProposalAction.ADD and principle_key in existing:
        errors["principle_key"] = "A principle with this id already exists; amend it instead."
    if action in (ProposalAction.AMEND, ProposalAction.RETIRE) and principle_key not in existing:
        errors["principle_key"] = "No principle with this id is in the constitution."
    if action in (ProposalAction.ADD, ProposalAction.AMEND):
        for name, value in (("title", title), ("text", text), ("audience", audience)):
            if not value.strip():
                errors[name] = "Required when adding or amending a principle."
    if not rationale.strip():
        errors["rationale"] = "Say why the change is needed."
    if errors:
        raise ValidationError(errors)
    proposal = Proposal.objects.create(
        round=voting_round,
        action=action,
        principle_key=principle_key,
        title=title,
        text=text,
        audience=audience,
        rationale=rationale,
        author_user=author_user,
        author_model=author_model,
    )
    signal_record(
        kind=SignalKind.PROPOSAL,
        item_type=PROPOSAL_ITEM,
        item_id=proposal.pk,
        payload={
            "action": action,
            "principle": principle_key,
            "title": title,
            "text": text,
            "rationale": rationale,
        },
        idempotency_key=f"principles.proposal:{proposal.pk}",
        source_user=author_user,
        source_model=author_model,
        constitution_version=constitution_current_number(),
    )
    return proposal


@transaction.atomic
def vote_cast(
    *,
    proposal: Proposal,
    choice: str,
    user: User | None = None,
    model: ModelVersion | None = None,
    option_scores: list[dict[str, object]] | None = None,
) -> Vote:
    """One vote per voter per proposal; casting again changes it until the round closes.

    An AI voter passes the scores it chose by (proposer.ai_votes_cast); the signal keeps them.
    """
    if (user is None) == (model is None):
        raise ValidationError({"voter": "Give exactly one voter: a person or a model version."})
    if choice not in Choice.values:
        raise ValidationError({"choice": f"Choose one of {', '.join(Choice.values)}."})
    # Locking the round serialises votes against its closing, so no vote lands after the tally.
    voting_round = VotingRound.objects.select_for_update().get(pk=proposal.round_id)
    _round_accepting(voting_round)
    voter: dict[str, Any] = {"voter_user": user} if user else {"voter_model": model}
    vote = Vote.objects.select_for_update().filter(proposal=proposal, **voter).first()
    if vote is not None and vote.choice == choice:
        return vote
    previous: Signal | None = None
    if vote is None:
        vote = Vote.objects.create(proposal=proposal, choice=choice, **voter)
    else:
        previous = Signal.objects.filter(
            idempotency_key=f"principles.vote:{proposal.pk}:{vote.revision}",
            source_user=user,
            source_model=model,
        ).first()
        vote.choice = choice
        vote.revision += 1
        vote.save(update_fields=["choice", "revision", "updated_at"])
    signal_record(
        kind=SignalKind.VOTE,
        item_type=PROPOSAL_ITEM,
        item_id=proposal.pk,
        payload={"choice": choice} | ({"option_scores": option_scores} if option_scores else {}),
        idempotency_key=f"principles.vote:{proposal.pk}:{vote.revision}",
        source_user=user,
        source_model=model,
        constitution_version=constitution_current_number(),
        corrects=previous,
    )
    event_send(
        tally_group(proposal),
        "round.tally",
        {
            "round": proposal.round_id,
            "proposal": proposal.pk,
            **proposal_tally(proposal_id=proposal.pk),
        },
    )
    return vote


@transaction.atomic
def comment_add(*, proposal: Proposal, user: User, text: str) -> Comment:
    _round_accepting(VotingRound.objects.select_for_update().get(pk=proposal.round_id))
    if not text.strip():
        raise ValidationError({"text": "A comment cannot be empty."})
    comment = Comment.objects.create(proposal=proposal, author=user, text=text)
    signal_record(
        kind=SignalKind.COMMENT,
        item_type=PROPOSAL_ITEM,
        item_id=proposal.pk,
        payload={"text": text},
        idempotency_key=f"principles.comment:{comment.pk}",
        source_user=user,
        constitution_version=constitution_current_number(),
    )
    return comment


@transaction.atomic
def proposal_veto(*, proposal: Proposal, user: User, reason: str) -> Proposal:
    """A researcher's veto: the proposal cannot pass, whatever the votes. Audited."""
    proposal = Proposal.objects.select_for_update().select_related("round").get(pk=proposal.pk)
    if proposal.round.status != RoundStatus.OPEN:
        raise ValidationError({"proposal": "The round is closed; its outcome stands."})
    if proposal.vetoed_by_id is not None:
        raise ValidationError({"proposal": "This proposal is already vetoed."})
    if not reason.strip():
        raise ValidationError({"reason": "A veto needs a written reason."})
    proposal.vetoed_by = user
    proposal.veto_reason = reason
    proposal.save(update_fields=["vetoed_by", "veto_reason"])
    AuditEntry.objects.create(
        action=AuditAction.VETOED,
        actor=user,
        round=proposal.round,
        proposal=proposal,
        reason=reason,
    )
    return proposal


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
    version = _enact(voting_round, current, passing, user) if passing else None
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
    return voting_round


def _enact(
    voting_round: VotingRound,
    current: ConstitutionVersion,
    passing: list[Proposal],
    user: User | None,
) -> ConstitutionVersion:
    """The next version: the current principles with the passing proposals applied."""
    principles: dict[str, dict[str, Any]] = {
        p.key: {
            "title": p.title,
            "text": p.text,
            "audience": p.audience,
            "rationale": p.rationale,
            "position": p.position,
        }
        for p in current.principles.all()
    }
    for proposal in passing:
        if proposal.action == ProposalAction.RETIRE:
            del principles[proposal.principle_key]
            continue
        # An amendment keeps its place; an addition goes after everything there is.
        position = principles.get(proposal.principle_key, {}).get(
            "position", 1 + max([f["position"] for f in principles.values()], default=0)
        )
        principles[proposal.principle_key] = {
            "title": proposal.title,
            "text": proposal.text,
            "audience": proposal.audience,
            "rationale": proposal.rationale,
            "position": position,
        }
    current.is_current = False
    current.save(update_fields=["is_current"])
    version = ConstitutionVersion.objects.create(
        number=current.number + 1,
        round=voting_round,
        is_current=True,
        summary=f"{len(passing)} change(s) enacted by round '{voting_round.title}'.",
    )
    Principle.objects.bulk_create(
        Principle(version=version, key=key, **fields) for key, fields in principles.items()
    )
    AuditEntry.objects.create(
        action=AuditAction.ENACTED,
        # The researcher who closed the round early; none when it closed at its set time.
        actor=user,
        round=voting_round,
        version=version,
        reason="Passed the round's enactment rule.",
        details={"proposals": [p.pk for p in passing], "previous": current.number},
    )
    signal_record(
        kind=SignalKind.ENACTMENT,
        item_type="principles.constitutionversion",
        item_id=version.pk,
        payload={"version": version.number, "proposals": [p.pk for p in passing]},
        idempotency_key=f"principles.enactment:{version.number}",
        # The researcher who opened the round set the rule that enacted it.
        source_user=voting_round.created_by,
        constitution_version=version.number,
    )
    return version


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


def proposal_draft_request(*, voting_round: VotingRound) -> None:
    """Ask the published proposer model for an amendment; the gpu queue drafts it."""
    from annotation.principles.tasks import proposal_draft_task

    _round_accepting(voting_round)
    round_id = voting_round.pk
    transaction.on_commit(lambda: proposal_draft_task.apply_async(args=(round_id,), queue="gpu"))


def ai_votes_request(*, voting_round: VotingRound) -> None:
    """Ask the published judge model to vote on the round's proposals (on the gpu queue)."""
    from annotation.principles.tasks import ai_votes_cast_task

    _round_accepting(voting_round)
    round_id = voting_round.pk
    transaction.on_commit(lambda: ai_votes_cast_task.apply_async(args=(round_id,), queue="gpu"))
