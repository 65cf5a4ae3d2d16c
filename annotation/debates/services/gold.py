"""Gold debates: debates researchers mark as measuring their judges against the question's
known answer (Question.correct_index), and how they are mixed into judges' assignments.

A gold debate is judged like any other, so a judge cannot tell it apart; it is drawn for a
new assignment with probability settings.DEBATE_GOLD_RATE (a draw, not every n-th debate, so
the position of gold debates cannot be learned), regardless of how many judges it already had:
it measures each judge, it does not collect k verdicts.
"""

import random
from collections.abc import Collection

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from annotation.debates.models import Assignment, Debate, Debater, DebateStatus
from audit.models import AuditAction
from audit.services import audit_record


@transaction.atomic
def debate_gold_set(*, debate: Debate, gold: bool, actor: User) -> Debate:
    """Mark `debate` gold (or not); audited when it changed. Judgements already given stay."""
    locked = Debate.objects.select_for_update().select_related("question").get(pk=debate.pk)
    if locked.gold == gold:
        return locked
    locked.gold = gold
    locked.save(update_fields=["gold"])
    audit_record(
        action=AuditAction.GOLD_SET if gold else AuditAction.GOLD_CLEAR,
        actor=actor,
        target=locked,
        summary=f"Debate #{locked.pk} {'marked gold' if gold else 'no longer gold'}",
        details={"activity": "debates", "correct_index": locked.question.correct_index},
    )
    return locked


def gold_due() -> bool:
    """Whether the judge's next new assignment should be a gold debate (a fresh draw)."""
    return random.random() < settings.DEBATE_GOLD_RATE


def gold_assignment_take(*, user: User, blocked: Collection[int] = ()) -> Assignment | None:
    """A new assignment of a gold debate `user` may judge (all turns written, question neither
    judged nor argued by them, question set not blocked by a quota), picked at random; None
    when there is none. Call inside the assignment transaction."""
    seen = Assignment.objects.filter(judge=user).values("question_id")
    argued = Debater.objects.filter(user=user).values("debate__question_id")
    candidates = (
        Debate.objects.filter(gold=True, status=DebateStatus.READY)
        .exclude(question_id__in=seen)
        .exclude(question_id__in=argued)
        .exclude(question__question_set_id__in=blocked)
        .order_by("?")
    )
    for debate in candidates[:5]:
        try:
            # The judge's own race (two tabs) ends at the one-question-per-judge constraint.
            with transaction.atomic():
                return Assignment.objects.create(
                    debate=debate, judge=user, question_id=debate.question_id
                )
        except IntegrityError:
            continue
    return None
