"""The oversight study's steps: the debates are held, the judge versions judge them, and (when
asked) the study waits for people to judge them too."""

import hashlib
import random

from django.db import transaction
from django.db.models import Count, Q

from annotation.debates.models import Debate, DebateStatus, JudgeKind, Protocol, Question
from annotation.debates.services.ai_judges import ai_judgements_run
from annotation.debates.services.debates import DebaterSpec, debate_create
from annotation.studies.kinds.base import Report, StepResult, Waiting
from annotation.studies.kinds.oversight.params import OversightParams
from annotation.studies.kinds.oversight.report import report_build
from annotation.studies.models import Study
from annotation.studies.services.work import StudyStepError, study_link, version_by_ref

# Seconds between looks at debates being written, and at debates waiting for human judges.
DEBATES_POLL_S = 2.0
HUMANS_POLL_S = 60.0


def _hash(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()


def _questions(params: OversightParams) -> list[Question]:
    questions = Question.objects.filter(question_set_id=params.question_set)
    ordered = sorted(questions, key=lambda q: _hash(params.seed, "question", q.key))
    return ordered[: params.questions]


class Oversight:
    name = "oversight"
    title = "Scalable oversight over versions"
    description = (
        "Debates between chosen helpful and sneaky debater versions, judged by chosen judge "
        "versions (and people, when asked); judge accuracy per (helpful, sneaky, judge) with 95% "
        "intervals, over versions (ACCO Tables 1-2 and section 4.4)."
    )
    params_class = OversightParams

    def steps(self, params: OversightParams) -> list[str]:
        steps = ["debate", "judge"]
        if params.wait_for_humans:
            steps.append("human judgements")
        return steps

    def model_steps(self, params: OversightParams) -> set[str]:
        return {"judge"}

    def step_run(self, study: Study, params: OversightParams, step: str) -> StepResult:
        if step == "debate":
            return self._debate(study, params)
        debates = Debate.objects.filter(pk__in=study.state["debates"])
        if step == "judge":
            judges = [version_by_ref(ref) for ref in params.judges]
            unjudged = 0
            for judge in judges:
                assert judge is not None  # checked with the parameters
                for debate in debates.exclude(judgements__model_version=judge).order_by("pk"):
                    # None: the model could not score it (the backend said why in the log).
                    unjudged += ai_judgements_run(debate_id=debate.pk, version=judge) is None
            if unjudged:
                raise StudyStepError(f"{unjudged} judgement(s) could not be scored.")
            return StepResult(message=f"{len(judges)} judge(s) judged {debates.count()} debates")
        waiting = (
            debates.annotate(humans=Count("judgements", filter=Q(judgements__kind=JudgeKind.HUMAN)))
            .filter(humans__lt=params.human_judges)
            .count()
        )
        if waiting:
            return StepResult(
                waiting=Waiting(
                    reason=f"{waiting} debate(s) wait for human judges", poll_s=HUMANS_POLL_S
                ),
                message=f"{waiting} debate(s) wait for human judges",
            )
        return StepResult(message="Every debate has its human judgements")

    def _debate(self, study: Study, params: OversightParams) -> StepResult:
        if "debates" not in study.state:
            versions = {ref: version_by_ref(ref) for ref in params.debaters}
            with transaction.atomic():
                created = []
                for question in _questions(params):
                    for helpful in params.debaters:
                        for sneaky in params.debaters:
                            created.append(
                                debate_create(
                                    question=question,
                                    protocol=Protocol.DEBATE,
                                    debaters=[
                                        DebaterSpec(model_version=versions[helpful], honest=True),
                                        DebaterSpec(model_version=versions[sneaky], honest=False),
                                    ],
                                    rounds=params.rounds,
                                    word_limit=params.word_limit,
                                    judges_wanted=params.human_judges,
                                    user=study.created_by,
                                    rng=random.Random(
                                        _hash(params.seed, question.key, helpful, sneaky)
                                    ),
                                ).pk
                            )
                # The debates and the study's record of them commit together: a step run again
                # after its worker died either finds them all or none.
                study_link(study, state={"debates": created})
        debates = Debate.objects.filter(pk__in=study.state["debates"])
        writing = debates.exclude(status=DebateStatus.READY).count()
        if writing:
            reason = f"{writing} of {debates.count()} debates being written"
            return StepResult(waiting=Waiting(reason=reason, poll_s=DEBATES_POLL_S), message=reason)
        return StepResult(message=f"{debates.count()} debates written")

    def report(self, study: Study, params: OversightParams) -> Report:
        return report_build(study, params)
