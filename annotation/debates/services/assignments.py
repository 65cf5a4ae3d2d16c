"""Judges' assignments: the next debate by the assignment rule, and skipping one."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from annotation.debates.models import Assignment, AssignmentStatus, Debate
from annotation.debates.selectors import debates_open_to, holds_a_place, open_cutoff
from annotation.debates.services.gold import gold_assignment_take, gold_due
from diversity.quotas import quota_routing


@transaction.atomic
def assignment_next(*, user: User) -> Assignment | None:
    """The judge's open assignment, or a new one by the assignment rule; None when none is left.

    Question sets whose quota for one of the judge's groups is met give them nothing
    (diversity.quotas); those still short of one of the judge's groups come first.
    """
    current = Assignment.objects.filter(
        judge=user, status=AssignmentStatus.OPEN, created_at__gte=open_cutoff()
    ).first()
    if current is not None:
        return current
    # Locked plans: two judges of one group cannot both take the last place under its cap.
    quotas = quota_routing(activity="debates", user=user, lock=True)
    # Gold debates come only by the draw (or when nothing else is left), at DEBATE_GOLD_RATE.
    if gold_due():
        gold = gold_assignment_take(user=user, blocked=quotas.blocked)
        if gold is not None:
            return gold
    candidates = (
        debates_open_to(user=user)
        .exclude(gold=True)
        .exclude(question__question_set_id__in=quotas.blocked)
        .order_by(*quotas.preferred_first("question__question_set_id"), "created_at", "pk")
    )
    for debate in candidates[:20]:
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
    # Nothing else is left: gold debates the judge has not seen still measure them.
    return gold_assignment_take(user=user, blocked=quotas.blocked)


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
