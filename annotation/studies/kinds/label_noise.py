"""Label-noise sensitivity (the ACCO paper's Tables 5-6 and Figure 5).

Binary QA in the paper's format (Table 14): a CosmosQA context, its question and one candidate
answer; the reply is True or False. Each question gives two rows, its correct answer (True) and
one wrong answer (False). For every noise level a seeded share of the training labels is
flipped (the same rows first, so a higher level flips a superset); each chosen version is
trained by SFT at each level, and its accuracy is measured on the labels it was trained on
(training accuracy: how far it learnt the noise) and on other questions with their true labels
(test accuracy).

Everything goes through the platform: the rows are imported preference signals (prompt, the
label as chosen, the other label as rejected) under a dataset named by the parameters that shape
them, one per noise level and one for the test questions; SFT snapshots are built from them by
recipes; the loop trains each run on the version's own line and registers a draft version.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from annotation.studies.kinds.base import (
    Report,
    ReportPlot,
    ReportSeries,
    ReportTable,
    StepResult,
    Waiting,
)
from annotation.studies.kinds.cosmosqa import (
    LABELS,
    binary_rows,
    flipped_keys,
    questions,
    row_signals,
    seeded_key,
    usable_questions,
)
from annotation.studies.kinds.knobs import (
    knob_errors,
    learning_rate_field,
    max_length_field,
    max_steps_field,
    seed_field,
)
from annotation.studies.measures import binary_accuracy
from annotation.studies.models import Measurement, Study
from annotation.studies.services.work import (
    imported_snapshot,
    measurement_get,
    measurement_store,
    snapshot_rows,
    snapshots_wait,
    trained_version,
    version_by_ref,
    versions_check,
)
from loop.models import DatasetSnapshot, Recipe
from registry.models import ModelVersion


@dataclass(frozen=True)
class LabelNoiseParams:
    versions: tuple[str, ...] = field(
        default=("judge:1",),
        metadata={
            "help": "Model versions to train, as line:number; each is trained once per noise "
            "level, on its own line (one run after another)."
        },
    )
    noise_levels: tuple[float, ...] = field(
        default=(0.0, 0.5, 1.0),
        metadata={"help": "Shares of the training labels flipped, each from 0 to 1."},
    )
    items: int = field(
        default=16,
        metadata={
            "help": "CosmosQA questions to train on; each gives two true/false rows (its correct "
            "answer and one wrong one)."
        },
    )
    test_items: int = field(
        default=16, metadata={"help": "Other CosmosQA questions to test on, with true labels."}
    )
    max_chars: int | None = field(
        default=None,
        metadata={
            "help": "Use only questions whose longest true/false row is at most this many "
            "characters (short rows train and score faster); empty: every question."
        },
    )
    seed: int = seed_field("Chooses the questions, their wrong answers and the labels flipped.")
    max_steps: int = max_steps_field()
    learning_rate: float = learning_rate_field("Peak learning rate of SFT.")
    max_length: int = max_length_field(
        "Longest training row, in tokens: a row cut shorter loses its label, and "
        "CosmosQA rows run to about 900 bytes."
    )

    def __post_init__(self) -> None:
        errors: dict[str, str] = {}
        if not self.versions or len(set(self.versions)) != len(self.versions):
            errors["versions"] = "Name one or more different versions."
        names = {f"{level:g}" for level in self.noise_levels}
        if not self.noise_levels or not all(0.0 <= level <= 1.0 for level in self.noise_levels):
            errors["noise_levels"] = "Give one or more levels, each from 0 to 1."
        elif len(names) != len(self.noise_levels):
            errors["noise_levels"] = "Give each level once."
        if self.items < 1:
            errors["items"] = "Give at least one question."
        if self.max_chars is not None and self.max_chars < 1:
            errors["max_chars"] = "Give a positive number, or leave it empty for every question."
        elif self.test_items < 1:
            errors["test_items"] = "Give at least one question."
        elif self.items + self.test_items > (usable := len(usable_questions(self.max_chars))):
            errors["test_items"] = f"Training and test questions together: at most {usable}."
        errors |= knob_errors(self)
        if errors:
            raise ValidationError(errors)
        versions_check("versions", self.versions)


def _level(level: float) -> str:
    return f"{level:g}"


class LabelNoise:
    name = "label_noise"
    title = "Label-noise sensitivity"
    description = (
        "Train versions by SFT on true/false CosmosQA rows whose labels are flipped at chosen "
        "rates; report training and test accuracy per noise level (ACCO Tables 5-6, Figure 5)."
    )
    params_class = LabelNoiseParams

    def _plan(self, params: LabelNoiseParams) -> dict[str, tuple[str, str, float]]:
        plan = {"import": ("import", "", 0.0)}
        for ref in params.versions:
            plan[f"baseline {ref}"] = ("baseline", ref, 0.0)
            for level in params.noise_levels:
                plan[f"train {ref} noise {_level(level)}"] = ("train", ref, level)
                plan[f"score {ref} noise {_level(level)}"] = ("score", ref, level)
        return plan

    def steps(self, params: LabelNoiseParams) -> list[str]:
        return list(self._plan(params))

    def model_steps(self, params: LabelNoiseParams) -> set[str]:
        return {n for n, (action, _, _) in self._plan(params).items() if action != "import"}

    def step_run(self, study: Study, params: LabelNoiseParams, step: str) -> StepResult:
        action, ref, level = self._plan(params)[step]
        if action == "import":
            return self._import(study, params)
        base = version_by_ref(ref)
        assert base is not None  # checked with the parameters; versions are never deleted
        test = DatasetSnapshot.objects.get(pk=study.state["snapshot test"])
        if action == "baseline":
            if measurement_get(study, base, "test_accuracy") is None:
                self._measure(study, base, "test_accuracy", test)
            return StepResult(message=f"Measured {ref} before training")
        train = DatasetSnapshot.objects.get(pk=study.state[f"snapshot noise {_level(level)}"])
        key = f"{ref} noise {_level(level)}"
        if action == "train":
            trained = trained_version(
                study,
                key=key,
                recipe=Recipe.SFT,
                base=base,
                snapshot=train,
                config={
                    "max_steps": params.max_steps,
                    "learning_rate": params.learning_rate,
                    "max_length": params.max_length,
                    "seed": params.seed,
                },
            )
            if isinstance(trained, Waiting):
                return StepResult(waiting=trained, message=trained.reason)
            return StepResult(state={f"version {key}": trained.pk}, message=f"Trained {trained}")
        version = ModelVersion.objects.get(pk=study.state[f"version {key}"])
        for name, snapshot in (("train_accuracy", train), ("test_accuracy", test)):
            if measurement_get(study, version, name) is None:
                self._measure(study, version, name, snapshot)
        return StepResult(message=f"Measured {version} (noise {_level(level)})")

    def _import(self, study: Study, params: LabelNoiseParams) -> StepResult:
        order = sorted(
            usable_questions(params.max_chars),
            key=lambda i: seeded_key(params.seed, "question", questions()[i]["id"]),
        )
        train_rows = binary_rows(order[: params.items], params.seed)
        test_rows = binary_rows(order[-params.test_items :], params.seed)
        prefix = f"studies.cosmosqa.s{params.seed}.c{params.max_chars}"
        snapshots = {
            "snapshot test": imported_snapshot(
                study,
                dataset=f"{prefix}.test{params.test_items}",
                signals=row_signals(test_rows, "gold", set()),
                row_format="sft",
            )
        }
        for level in params.noise_levels:
            flipped = flipped_keys(train_rows, level, params.seed)
            snapshots[f"snapshot noise {_level(level)}"] = imported_snapshot(
                study,
                dataset=f"{prefix}.n{params.items}.noise{_level(level)}",
                signals=row_signals(train_rows, f"noise-{_level(level)}", flipped),
                row_format="sft",
            )
        waiting = snapshots_wait(snapshots.values())
        return StepResult(
            state={key: snapshot.pk for key, snapshot in snapshots.items()},
            waiting=waiting,
            message=waiting.reason if waiting else f"Built {len(snapshots)} snapshots",
        )

    def _measure(
        self, study: Study, version: ModelVersion, name: str, snapshot: DatasetSnapshot
    ) -> None:
        accuracy, count = binary_accuracy(
            model_dir=version.uri, rows=snapshot_rows(snapshot), labels=LABELS
        )
        measurement_store(
            study, version=version, name=name, value=accuracy, count=count, snapshot=snapshot
        )

    def report(self, study: Study, params: LabelNoiseParams) -> Report:
        measured = {(m.version_id, m.name): m for m in Measurement.objects.filter(study=study)}
        levels = [_level(level) for level in params.noise_levels]
        accuracy: dict[str, Any] = {}
        baseline: dict[str, Any] = {}
        lineage = []
        for ref in params.versions:
            base = version_by_ref(ref)
            assert base is not None
            before = measured[(base.pk, "test_accuracy")]
            baseline[ref] = {"test": before.value, "rows": before.count, "version": base.pk}
            accuracy[ref] = {}
            for level in levels:
                version = ModelVersion.objects.get(pk=study.state[f"version {ref} noise {level}"])
                train, test = (
                    measured[(version.pk, "train_accuracy")],
                    measured[(version.pk, "test_accuracy")],
                )
                accuracy[ref][level] = {
                    "train": train.value,
                    "test": test.value,
                    "version": version.pk,
                }
                run = study.state[f"run:{ref} noise {level}"]
                snapshot = DatasetSnapshot.objects.get(pk=study.state[f"snapshot noise {level}"])
                lineage.append([ref, level, str(version), run, snapshot.content_hash])

        columns = ["Noise"] + [
            f"{ref} {split}" for ref in params.versions for split in ("train", "test")
        ]
        rows = [
            [float(level)]
            + [
                round(accuracy[ref][level][split], 4)
                for ref in params.versions
                for split in ("train", "test")
            ]
            for level in levels
        ]
        test_rows = baseline[params.versions[0]]["rows"]
        summary = (
            f"{len(params.versions)} version(s) trained by SFT at {len(levels)} label-noise levels "
            f"on {2 * params.items} true/false CosmosQA rows ({params.items} questions) and tested "
            f"on {test_rows} rows of {params.test_items} other questions with true labels. "
        ) + " ".join(
            f"{ref}: test accuracy {accuracy[ref][levels[0]]['test']:.1%} at noise {levels[0]}, "
            f"{accuracy[ref][levels[-1]]['test']:.1%} at noise {levels[-1]} "
            f"({baseline[ref]['test']:.1%} before training)."
            for ref in params.versions
        )

        def plot(split: str, title: str) -> ReportPlot:
            return ReportPlot(
                title=title,
                kind="line",
                x_label="Share of training labels flipped",
                y_label=f"{split.capitalize()} accuracy",
                series=[
                    ReportSeries(
                        name=ref,
                        points=[
                            {"x": float(level), "y": accuracy[ref][level][split]}
                            for level in levels
                        ],
                    )
                    for ref in params.versions
                ],
            )

        return Report(
            summary=summary,
            tables=[
                ReportTable(title="Accuracy by label noise", columns=columns, rows=rows),
                ReportTable(
                    title="Test accuracy before training",
                    columns=["Version", "Test accuracy", "Test rows"],
                    rows=[[ref, round(b["test"], 4), b["rows"]] for ref, b in baseline.items()],
                ),
                ReportTable(
                    title="Trained versions",
                    columns=["Base", "Noise", "Version", "Training run", "Snapshot"],
                    rows=lineage,
                ),
            ],
            plots=[
                plot("train", "Training accuracy by label noise (Figure 5)"),
                plot("test", "Test accuracy by label noise (Tables 5-6)"),
            ],
            data={"accuracy": accuracy, "before_training": baseline},
        )
