"""What debate judging counts for quotas per rater group (diversity.scopes): per question set
(the debates judges are handed are grouped by the set their question came from), each judge's
places in its debates, committed or held by an unexpired open assignment."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Sum

from annotation.debates.models import Assignment, Debate, QuestionSet
from annotation.debates.selectors import holds_a_place
from diversity.scopes import QuotaScope


def question_set_units(question_set_id: int) -> Mapping[int, int]:
    rows = (
        Assignment.objects.filter(
            holds_a_place(), debate__question__question_set_id=question_set_id
        )
        .values("judge_id")
        .annotate(n=Count("pk"))
        .values_list("judge_id", "n")
    )
    return dict(rows)


def question_set_capacity(question_set_id: int) -> int | None:
    """Judge places of the set's debates (each wants `judges_wanted` judges)."""
    places = Debate.objects.filter(question__question_set_id=question_set_id).aggregate(
        n=Sum("judges_wanted")
    )["n"]
    return int(places or 0)


def _may_manage(user: Any) -> bool:
    return bool(user.has_perm("debates.run_debate"))


QUESTION_SET_QUOTAS = QuotaScope(
    unit="judgements",
    exists=lambda pk: QuestionSet.objects.filter(pk=pk).exists(),
    may_manage=_may_manage,
    capacity=question_set_capacity,
    units=question_set_units,
)
