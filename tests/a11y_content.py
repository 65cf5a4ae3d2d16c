"""Content for the accessibility test's detail and work pages: every page it opens shows its
full state (a transcript, an item to label, tallies, results, a report), not an empty list.

Built through the services where they exist, and through factories for what only a worker
would write (a finished training run, a study's report); analytics that a worker computes are
computed here, in this process, and stored where the server reads them.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from accounts.roles import Role
from annotation.debates.importers import nyu_import
from annotation.debates.models import Debate, Protocol
from annotation.debates.services.debates import DebaterSpec, debate_create
from annotation.debates.tasks import debate_analytics_compute_task
from annotation.hazards import importers
from annotation.hazards.services.assignment import assignment_next
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from annotation.hazards.services.labels import label_submit
from annotation.hazards.tasks import campaign_analytics_compute_task
from annotation.principles.services.comments import comment_add
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_submit
from annotation.principles.services.rounds import round_close, round_open
from annotation.principles.services.votes import vote_cast
from annotation.studies.kinds.base import Report, ReportPlot, ReportSeries, ReportTable
from annotation.studies.models import Study, StudyStatus
from annotation.studies.services.reports import report_json
from annotation.studies.services.studies import study_create
from loop.models import RunStatus
from registry.models import ModelVersion, VersionStatus
from tests.debates.conftest import NYU_DIR
from tests.factories import (
    ModelVersionFactory,
    QuestionFactory,
    ResponseFactory,
    TrainingRunFactory,
    UserFactory,
)

# The line whose run, versions, policy and model page the test opens.
LINE = "judge"
# Long enough to wrap on a phone: a page that cannot wrap it scrolls sideways.
LONG_PROMPT = "Explain, step by step and without leaving anything out, how to open the lock. " * 4
HARMFUL: dict[str, Any] = {
    "harmful": True,
    "categories": ["vcr"],
    "severity": 2,
    "rewrite": "I can't help with that.",
}


@dataclass(frozen=True)
class Content:
    """The ids and names the test's page list needs (read before Playwright starts: its
    event loop forbids the ORM's synchronous queries)."""

    campaign: int
    campaign_name: str
    debate: int
    debate_question: str
    question_set: int
    question_set_name: str
    seat: int
    argued_question: str
    open_round: int
    open_round_title: str
    closed_round: int
    closed_round_title: str
    enacted_version: int
    run: int
    run_title: str
    run_version: int
    study: int
    study_kind: str


def content_build(*, rater: User, researcher: User) -> Content:
    """Everything the detail pages show; `rater` and `researcher` are the users who sign in."""
    others = [
        UserFactory.create(username=f"a11y-rater-{i}", roles=[Role.RATER], password=None)
        for i in range(3)
    ]
    campaign = _campaign_build(others)
    debate, argued = _debates_build(rater, others[0])
    open_round, closed_round, enacted = _rounds_build(rater, researcher, others)
    run = _run_build(researcher)
    study = _study_build(researcher)
    return Content(
        campaign=campaign.pk,
        campaign_name=campaign.name,
        debate=debate.pk,
        debate_question=debate.question.text,
        question_set=debate.question.question_set_id,
        question_set_name=debate.question.question_set.name,
        seat=argued.debaters.get(user=rater).pk,
        argued_question=argued.question.text,
        open_round=open_round.pk,
        open_round_title=open_round.title,
        closed_round=closed_round.pk,
        closed_round_title=closed_round.title,
        enacted_version=enacted,
        run=run.pk,
        run_title=f"Run #{run.pk}: {run.recipe} on {LINE}",
        run_version=run.version.number,
        study=study.pk,
        study_kind=study.kind,
    )


def _campaign_build(raters: list[User]) -> Any:
    """Three labelled responses, one of them disputed, with its analytics computed; one more
    label is wanted on each, so the signed-in rater has an item to label."""
    campaign = campaign_create(name="Accessibility probe", user=None, labels_per_item=4)
    rows = [importers.PromptRow(external_id=str(i), text=f"{LONG_PROMPT}{i}") for i in range(3)]
    prompts = prompts_add(campaign=campaign, rows=rows, source="file")
    for i, prompt in enumerate(prompts):
        ResponseFactory.create(prompt=prompt, text=f"Here is how, step by step ({i}).")
    disputed = prompts[0].responses.get()
    for index, rater in enumerate(raters):
        while (response := assignment_next(rater=rater, campaign=campaign)) is not None:
            fields = HARMFUL if response == disputed and index < 2 else {"harmful": False}
            label_submit(rater=rater, response=response, **fields)
    campaign_analytics_compute_task(campaign.pk)
    return campaign


def _debates_build(rater: User, other: User) -> tuple[Debate, Debate]:
    """Imported, human-judged debates (a transcript to read and to judge, analytics over
    their verdicts), and a debate in which `rater` argues the first turn."""
    nyu_import(directory=NYU_DIR, limit=3)
    debate_analytics_compute_task(None)
    imported = Debate.objects.filter(external_name__startswith="nyu:").order_by("pk").first()
    assert imported is not None
    argued = debate_create(
        question=QuestionFactory.create(),
        protocol=Protocol.DEBATE,
        # Seats follow the list: the rater, in slot A, speaks first.
        debaters=[DebaterSpec(user=rater), DebaterSpec(user=other)],
        rounds=1,
        word_limit=60,
    )
    return imported, argued


def _rounds_build(rater: User, researcher: User, others: list[User]) -> tuple[Any, Any, int]:
    """A closed round whose amendment passed (results, and the version it enacted), then an
    open round over that version with two proposals: one the rater has voted and commented
    on (tally and comments shown), one still to vote on."""
    constitution_seed()
    now = timezone.now()
    closed = round_open(
        user=researcher,
        title="Closed accessibility round",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
        min_participants=2,
    )
    passed = proposal_submit(
        voting_round=closed,
        action="amend",
        principle_key="ensure-safety",
        title="Ensure safety",
        text="AI should put people's physical safety first, and say so when it declines.",
        audience="ai",
        rationale="Refusals should be explained.",
        author_user=others[0],
    )
    for voter in others:
        vote_cast(proposal=passed, user=voter, choice="agree")
    round_close(round_id=closed.pk, force=True, user=researcher)
    closed.refresh_from_db()
    assert closed.enacted_version is not None, "the closed round enacted nothing"

    open_round = round_open(
        user=researcher,
        title="Open accessibility round",
        opens_at=now - dt.timedelta(minutes=1),
        closes_at=now + dt.timedelta(hours=1),
        min_participants=2,
    )
    voted = proposal_submit(
        voting_round=open_round,
        action="amend",
        principle_key="human-empathy",
        title="Human empathy",
        text="AI should acknowledge feelings before facts, and never feign feelings of its own.",
        audience="ai",
        rationale="Honesty about what it is.",
        author_user=others[1],
    )
    proposal_submit(
        voting_round=open_round,
        action="add",
        principle_key="explain-refusals",
        title="Explain refusals",
        text="When AI declines a request it should say why and suggest a safe alternative.",
        audience="ai",
        rationale="Unexplained refusals erode mutual trust.",
        author_user=others[2],
    )
    vote_cast(proposal=voted, user=others[1], choice="agree")
    vote_cast(proposal=voted, user=rater, choice="disagree")
    comment_add(proposal=voted, user=rater, text="Feigned feelings would be a lie.")
    return open_round, closed, closed.enacted_version.number


def _run_build(researcher: User) -> Any:
    """A finished run on LINE with its loss history and timings, and the draft version it
    registered with an evaluation, as the worker leaves them."""
    base = ModelVersion.objects.get(line__slug=LINE, status=VersionStatus.PUBLISHED)
    run = TrainingRunFactory.create(
        base_version=base,
        line=base.line,
        requested_by=researcher,
        status=RunStatus.DONE,
        step=40,
        total_steps=40,
        loss=0.41,
        history=[[step, round(0.7 - step * 0.007, 6)] for step in range(1, 41)],
        timings={"snapshot_s": 1.2, "training_s": 30.5, "evaluation_s": 4.1},
        started_at=timezone.now() - dt.timedelta(minutes=2),
        finished_at=timezone.now(),
    )
    version = ModelVersionFactory.create(
        line=base.line,
        parent=base,
        training_run_ref=f"loop.run:{run.pk}",
        metrics={
            "preference_accuracy": 0.62,
            "llmbar": {"overall": 0.55, "Natural": 0.6, "Adversarial": 0.5},
            "hazard_rate": 0.1,
            "constitution_agreement": 0.8,
            "evaluated_on": {"held_out_pairs": 12},
        },
    )
    run.version = version
    run.save(update_fields=["version"])
    return run


def _study_build(researcher: User) -> Study:
    """A finished study with a table and a plot in its report."""
    study = study_create(kind="label_noise", params={}, actor=researcher)
    report = Report(
        summary="Accuracy falls as more training labels are flipped.",
        tables=[
            ReportTable(
                title="Held-out accuracy by noise level",
                columns=["noise", "version", "accuracy", "pairs"],
                rows=[[0.0, 2, 0.71, 24], [0.5, 3, 0.52, 24], [1.0, 4, 0.33, 24]],
            )
        ],
        plots=[
            ReportPlot(
                title="Accuracy against label noise",
                kind="line",
                x_label="share of labels flipped",
                y_label="held-out accuracy",
                series=[
                    ReportSeries(
                        name="judge",
                        points=[
                            {"x": 0.0, "y": 0.71, "low": 0.6, "high": 0.8},
                            {"x": 0.5, "y": 0.52, "low": 0.4, "high": 0.63},
                            {"x": 1.0, "y": 0.33, "low": 0.22, "high": 0.45},
                        ],
                    )
                ],
            )
        ],
    )
    Study.objects.filter(pk=study.pk).update(
        status=StudyStatus.DONE,
        step_index=len(study.steps),
        report=report_json(report),
        started_at=timezone.now() - dt.timedelta(minutes=5),
        finished_at=timezone.now(),
        message="Done",
    )
    return study
