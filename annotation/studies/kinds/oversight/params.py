"""The oversight study's parameters, which name versions as line:number."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from annotation.debates.models import Question, QuestionSet
from annotation.studies.services.work import versions_check
from registry.models import ModelVersion


@dataclass(frozen=True)
class OversightParams:
    question_set: int = field(
        metadata={"help": "The imported question set (its id) the debates are held on."}
    )
    questions: int = field(
        default=4, metadata={"help": "Questions of the set to debate, in a seeded order."}
    )
    debaters: tuple[str, ...] = field(
        default=("debater:1",),
        metadata={
            "help": "Debater versions as line:number; every ordered pair of them (a version "
            "against itself included) debates each question, the first helpful, the second "
            "sneaky."
        },
    )
    judges: tuple[str, ...] = field(
        default=("judge:1",),
        metadata={"help": "Judge versions as line:number; each judges every debate."},
    )
    rounds: int = field(default=1, metadata={"help": "Rounds of speeches per debate."})
    word_limit: int = field(default=20, metadata={"help": "Most words per speech."})
    human_judges: int = field(
        default=0,
        metadata={"help": "People wanted to judge each debate (offered on the rater home)."},
    )
    wait_for_humans: bool = field(
        default=False,
        metadata={
            "help": "Finish only once every debate has its human judgements; otherwise the "
            "report counts those given by then."
        },
    )
    rerun_on_publish: bool = field(
        default=False,
        metadata={
            "help": "Re-run with a newly published version added, whenever a version of a "
            "line named among the debaters or judges is published."
        },
    )
    rerun_of: int | None = field(
        default=None,
        metadata={"help": "The study this one re-runs (set by the re-run on publish)."},
    )
    seed: int = field(
        default=0, metadata={"help": "Chooses the questions, wrong answers and speaking slots."}
    )

    def __post_init__(self) -> None:
        errors: dict[str, str] = {}
        available = Question.objects.filter(question_set_id=self.question_set).count()
        if not QuestionSet.objects.filter(pk=self.question_set).exists():
            errors["question_set"] = "No question set has this id; import one first."
        elif not 1 <= self.questions <= available:
            errors["questions"] = f"Give from 1 to {available} (the set's questions)."
        for name in ("debaters", "judges"):
            refs = getattr(self, name)
            if not refs or len(set(refs)) != len(refs):
                errors[name] = "Name one or more different versions."
        if not 1 <= self.rounds <= 10:
            errors["rounds"] = "Give from 1 to 10 rounds."
        if self.word_limit < 1:
            errors["word_limit"] = "Give at least one word."
        if self.human_judges < 0:
            errors["human_judges"] = "Give zero or more people."
        if self.wait_for_humans and not self.human_judges:
            errors["wait_for_humans"] = "Ask for human judges to wait for them."
        if errors:
            raise ValidationError(errors)
        versions_check("debaters", self.debaters)
        versions_check("judges", self.judges)


def version_ref(version: ModelVersion) -> str:
    return f"{version.line.slug}:{version.number}"
