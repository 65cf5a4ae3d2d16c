"""Judges' assignments: the next debate by the assignment rule, and skipping one."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from annotation.debates.models import Assignment, AssignmentStatus, Debate
from annotation.debates.selectors import debates_open_to, holds_a_place, open_cutoff


@transaction.atomic
def assignment_next(*, user: User) -> Assignment | None:
    """The judge's open assignment, or a new one by the assignment rule; None when none is left."""
    current = Assignment.objects.filter(
        judge=user, status=AssignmentStatus.OPEN, created_at__gte=open_cutoff()
    ).first()
    if current is not None:
        return current
    for debate in debates_open_to(user=user)[:20]:
        # Lock the debate so two judges racing for its last place cannot both get it.
        locked = Debate.objects.select_for_update(skip_locked=True).filter(pk=debate.pk).first()
        if locked is None:
            continue
        if locked.assignments.filter(holds_a_place()).count() >= locked.judges_wanted:
            continue
        try:
            with transaction.atomic():
                return Assignment.objects.create(
                    debate=locked, judge=user, question_id=locked.question_id
                )
        except IntegrityError:
            continue
    return None


@transaction.atomic
def assignment_skip(*, assignment: Assignment, reason: str) -> Assignment:
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if not reason.strip():
        raise ValidationError({"reason": "Say why you skip this debate."})
    if locked.status != AssignmentStatus.OPEN:
        raise ValidationError({"reason": "This assignment is already finished."})
    locked.status = AssignmentStatus.SKIPPED
    locked.skip_reason = reason.strip()
    locked.save(update_fields=["status", "skip_reason"])
    return locked
