"""Judge accuracy per rater group (diversity.results): people's judgements only, grouped by a
consented background field of the judge."""

from typing import Any

from annotation.debates.models import JudgeKind, Judgement
from annotation.proportions import wilson_interval
from diversity.models import GroupField
from diversity.results import group_results


def judge_accuracy_by_group(*, field: GroupField, origin: str | None = None) -> dict[str, Any]:
    judgements = Judgement.objects.filter(kind=JudgeKind.HUMAN, judge__isnull=False)
    if origin:
        judgements = judgements.filter(debate__origin=origin)
    observations = [
        (int(judge_id), bool(correct))
        for judge_id, correct in judgements.values_list("judge_id", "correct")
    ]
    return group_results(field=field, measures={"accuracy": observations}, interval=wilson_interval)
