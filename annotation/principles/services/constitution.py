"""Constitution versions: version 1 seeded from the papers, each later one enacted by a round.

Versions are append-only; exactly one is current (Wagtail's revisions).
"""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction

from annotation.principles.models import (
    AuditAction,
    AuditEntry,
    ConstitutionVersion,
    Principle,
    Proposal,
    ProposalAction,
    VotingRound,
)
from annotation.principles.seed import VERSION_1
from audit.models import AuditAction as PlatformAuditAction
from audit.services import audit_record
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


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


def constitution_enact(
    *,
    voting_round: VotingRound,
    current: ConstitutionVersion,
    passing: list[Proposal],
    user: User | None,
) -> ConstitutionVersion:
    """The next version: the current principles with the passing proposals applied.

    Called by round_close inside its transaction, with the current version locked.
    """
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
    audit_record(
        action=PlatformAuditAction.CONSTITUTION_ENACT,
        actor=user,
        target=version,
        object_id=version.number,
        summary=f"Constitution v{version.number} enacted by round '{voting_round.title}' "
        f"({len(passing)} change(s), replacing v{current.number})",
        details={"round": voting_round.pk, "proposals": [p.pk for p in passing]},
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
