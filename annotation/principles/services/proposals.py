"""Proposals to change the constitution: a person's or a model's, and a researcher's veto."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.principles.models import (
    AuditAction,
    AuditEntry,
    Proposal,
    ProposalAction,
    RoundStatus,
    VotingRound,
)
from annotation.principles.selectors import constitution_current_number
from annotation.principles.services.rounds import round_accepting_check
from audit.models import AuditAction as PlatformAuditAction
from audit.services import audit_record
from registry.models import ModelVersion
from signalpool.kinds import SignalKind
from signalpool.services import signal_record

# The signal pool's item type of proposals, and of the votes and comments on them.
PROPOSAL_ITEM = "principles.proposal"


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
    round_accepting_check(voting_round=voting_round)
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


def proposal_draft_request(*, voting_round: VotingRound) -> None:
    """Ask the published proposer model for an amendment; the gpu queue drafts it."""
    from annotation.principles.tasks import proposal_draft_task

    round_accepting_check(voting_round=voting_round)
    round_id = voting_round.pk
    transaction.on_commit(lambda: proposal_draft_task.delay(round_id))


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
    audit_record(
        action=PlatformAuditAction.PROPOSAL_VETO,
        actor=user,
        target=proposal,
        summary=f"Proposal '{proposal.title}' vetoed in round '{proposal.round.title}': {reason}",
        details={"round": proposal.round.pk, "reason": reason},
    )
    return proposal
