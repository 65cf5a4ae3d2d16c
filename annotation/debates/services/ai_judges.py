"""The published judge version judging finished debates, by scoring the answers' letters."""

from functools import partial

from django.db import transaction

from annotation.debates.models import Debate, DebateStatus, JudgeKind, Judgement
from annotation.debates.prompts import option_letter
from annotation.debates.services.judgements import judgement_store
from annotation.debates.transcripts import judge_prompt
from llm.serving import serving_version
from registry.models import ModelVersion


def ai_judgements_queue(*, origin: str | None = None, limit: int | None = None) -> int:
    """Queue the published judge version on finished debates it has not judged; returns how
    many. Native debates are queued when they finish; this catches up imported ones."""
    from annotation.debates.tasks import ai_judgements_run_task

    version = serving_version(line="judge")
    if version is None:
        return 0
    debates = Debate.objects.filter(status=DebateStatus.READY).exclude(
        judgements__model_version=version
    )
    if origin:
        debates = debates.filter(origin=origin)
    ids = list(debates.order_by("pk").values_list("pk", flat=True)[:limit])
    for debate_id in ids:
        transaction.on_commit(partial(ai_judgements_run_task.delay, debate_id))
    return len(ids)


def ai_judgements_run(*, debate_id: int, version: ModelVersion | None = None) -> Judgement | None:
    """A judge version (the published one unless `version` is given: a study's chosen judges)
    judges a finished debate once (idempotent).

    Its probabilities are its verdict over the answers' letters (llm.services.options_score),
    stored with the option scores. A debate the model cannot score stays unjudged, and
    `debates_ai_judge` queues it again.
    """
    from llm.backends.base import BackendError
    from llm.services import options_score

    debate = Debate.objects.select_related("question").filter(pk=debate_id).first()
    version = version or serving_version(line="judge")
    if debate is None or version is None or debate.status != DebateStatus.READY:
        return None
    if Judgement.objects.filter(debate=debate, model_version=version).exists():
        return None
    letters = [option_letter(i) for i in range(len(debate.question.options))]
    try:
        [verdict] = options_score(
            version=version, prompts=[judge_prompt(debate)], options=[f" {x}" for x in letters]
        )
    except BackendError:
        return None
    probabilities = verdict.probabilities
    return _ai_judgement_store(
        debate_id=debate.pk,
        version=version,
        probabilities=probabilities,
        option_scores=verdict.record(),
        rationale="Scored each answer's letter: "
        + ", ".join(f"{x} {p:.2f}" for x, p in zip(letters, probabilities, strict=True))
        + ".",
    )


@transaction.atomic
def _ai_judgement_store(
    *,
    debate_id: int,
    version: ModelVersion,
    probabilities: list[float],
    option_scores: list[dict[str, object]],
    rationale: str,
) -> Judgement | None:
    debate = Debate.objects.select_for_update().select_related("question").get(pk=debate_id)
    if Judgement.objects.filter(debate=debate, model_version=version).exists():
        return None
    return judgement_store(
        debate=debate,
        probabilities=probabilities,
        rationale=rationale,
        source={"source_model": version},
        fields={"kind": JudgeKind.AI, "model_version": version},
        option_scores=option_scores,
    )
