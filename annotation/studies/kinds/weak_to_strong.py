"""Weak-to-strong with multiple objectives (the ACCO paper's Figure 6, appendix A.7.4).

Preference pairs (HH-RLHF, data/hh_rlhf) are split in two halves by a seeded order. The weak
version trains a reward model on the first half with its gold labels; the weak-to-strong
recipe then lets that reward model label the second half by reward score (the chosen answer
is the one it scores higher) and trains the strong version on those labels by DPO. For the
ceiling, the strong version also trains by DPO on the second half's gold labels.

Each model (the strong base, the weak one, the strong one trained on gold, the weak-to-strong
one) is scored on LLMBar (data/llmbar) as the loop scores versions. Scores are RewardBench-style:
a section's score weights its subsets by their pair counts (its pairs' accuracy) and the overall
score is the mean of the sections. The shipped data holds RewardBench's Chat Hard data only
(LLMBar), so the sections are LLMBar's natural and adversarial subsets. The performance gap
recovered is (weak-to-strong - weak) / (gold - weak), undefined when gold and weak score alike.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from annotation.studies.kinds.base import (
    Report,
    ReportPlot,
    ReportSeries,
    ReportTable,
    StepResult,
    Waiting,
)
from annotation.studies.kinds.knobs import (
    knob_errors,
    learning_rate_field,
    max_length_field,
    max_steps_field,
    seed_field,
)
from annotation.studies.measures import llmbar_counts
from annotation.studies.models import Measurement, Study
from annotation.studies.services.work import (
    imported_snapshot,
    measurement_get,
    measurement_store,
    snapshots_wait,
    trained_version,
    version_by_ref,
    versions_check,
)
from loop.models import DatasetSnapshot, Recipe
from registry.models import ModelVersion
from signalpool import hh_rlhf
from signalpool.kinds import SignalKind
from signalpool.services import ImportedSignal

LLMBAR_DIR = Path(settings.ROOT) / "data" / "llmbar"
SECTIONS: dict[str, tuple[str, ...]] = {
    "Natural": ("Natural",),
    "Adversarial": (
        "Adversarial_Neighbor",
        "Adversarial_GPTInst",
        "Adversarial_GPTOut",
        "Adversarial_Manual",
    ),
}
# The models compared, in the report's order: (key, what it is).
MODELS = (
    ("base", "Strong base"),
    ("weak", "Weak, trained on gold"),
    ("gold", "Strong, trained on gold"),
    ("w2s", "Weak-to-strong"),
)
TRAININGS = {
    "weak": (Recipe.REWARD, "weak"),
    "gold": (Recipe.DPO, "strong"),
    "w2s": (Recipe.WEAK_TO_STRONG, "strong"),
}


@dataclass(frozen=True)
class WeakToStrongParams:
    weak_version: str = field(
        default="judge:1",
        metadata={"help": "The weak model, as line:number; it trains a reward model on gold."},
    )
    strong_version: str = field(
        default="judge:1",
        metadata={"help": "The strong model, as line:number; trained on weak labels and on gold."},
    )
    pairs: int = field(
        default=32,
        metadata={
            "help": "HH-RLHF preference pairs used, split in two halves: one trains the weak "
            "model, the other is labelled by it for the strong one."
        },
    )
    max_chars: int | None = field(
        default=1000,
        metadata={
            "help": "Use only pairs whose prompt and longer answer together are at most this many "
            "characters, so that training cuts none (a trainer drops pairs longer than "
            "max_length); empty: every pair."
        },
    )
    llmbar_per_subset: int | None = field(
        default=5,
        metadata={"help": "LLMBar pairs scored per subset (the first n); empty scores all 419."},
    )
    seed: int = seed_field("Chooses which pairs fall in which half.")
    max_steps: int = max_steps_field()
    learning_rate: float = learning_rate_field()
    max_length: int = max_length_field("Longest training sequence, in tokens.")

    def __post_init__(self) -> None:
        errors: dict[str, str] = {}
        if self.max_chars is not None and self.max_chars < 1:
            errors["max_chars"] = "Give a positive number, or leave it empty for every pair."
        elif self.pairs < 4:
            errors["pairs"] = "Give at least 4 pairs."
        elif self.pairs > len(_usable_pairs(self.max_chars)):
            errors["pairs"] = (
                f"Only {len(_usable_pairs(self.max_chars))} pairs are at most {self.max_chars} "
                "characters long."
            )
        if self.llmbar_per_subset is not None and self.llmbar_per_subset < 1:
            errors["llmbar_per_subset"] = "Give at least 1, or leave it empty for all."
        errors |= knob_errors(self)
        if errors:
            raise ValidationError(errors)
        versions_check("weak_version", [self.weak_version])
        versions_check("strong_version", [self.strong_version])


@cache
def _pairs() -> list[tuple[int, dict[str, str]]]:
    return hh_rlhf.hh_rlhf_pairs(hh_rlhf.hh_rlhf_file())


def _usable_pairs(max_chars: int | None) -> list[tuple[int, dict[str, str]]]:
    """HH-RLHF's pairs (line number, pair) in file order, at most `max_chars` long."""
    return [
        (number, pair)
        for number, pair in _pairs()
        if max_chars is None
        or len(pair["prompt"]) + max(len(pair["chosen"]), len(pair["rejected"])) <= max_chars
    ]


def section_scores(counts: dict[str, dict[str, int]]) -> dict[str, float]:
    """Each section's accuracy over its subsets' pairs, and `overall`, the mean of sections."""
    scores = {
        section: sum(counts[s]["correct"] for s in subsets)
        / sum(counts[s]["pairs"] for s in subsets)
        for section, subsets in SECTIONS.items()
    }
    scores["overall"] = sum(scores.values()) / len(SECTIONS)
    return scores


def gap_recovered(weak: float, gold: float, w2s: float) -> float | None:
    """(w2s - weak) / (gold - weak); None when gold and weak score alike (no gap to recover)."""
    return None if gold == weak else (w2s - weak) / (gold - weak)


class WeakToStrong:
    name = "weak_to_strong"
    title = "Weak-to-strong with multiple objectives"
    description = (
        "A weak version's reward model labels preference pairs for a strong version; compare "
        "base, gold-trained and weak-to-strong versions on LLMBar sections and report the "
        "performance gap recovered (ACCO Figure 6)."
    )
    params_class = WeakToStrongParams

    def steps(self, params: WeakToStrongParams) -> list[str]:
        return [
            "import",
            "train weak",
            "train gold",
            "train w2s",
            *(f"score {model}" for model, _ in MODELS),
        ]

    def model_steps(self, params: WeakToStrongParams) -> set[str]:
        return {f"score {model}" for model, _ in MODELS}

    def step_run(self, study: Study, params: WeakToStrongParams, step: str) -> StepResult:
        action, model = step.split(" ", 1) if " " in step else (step, "")
        if action == "import":
            return self._import(study, params)
        if action == "train":
            return self._train(study, params, model)
        version = self._version(study, params, model)
        if measurement_get(study, version, "llmbar") is None:
            counts = llmbar_counts(
                model_dir=version.uri, folder=LLMBAR_DIR, per_subset=params.llmbar_per_subset
            )
            pairs = sum(c["pairs"] for c in counts.values())
            correct = sum(c["correct"] for c in counts.values())
            measurement_store(
                study,
                version=version,
                name="llmbar",
                value=correct / pairs,
                count=pairs,
                detail=counts,
            )
        return StepResult(message=f"Scored {version} on LLMBar")

    def _version(self, study: Study, params: WeakToStrongParams, model: str) -> ModelVersion:
        if model == "base":
            base = version_by_ref(params.strong_version)
            assert base is not None  # checked with the parameters; versions are never deleted
            return base
        return ModelVersion.objects.get(pk=study.state[f"version {model}"])

    def _import(self, study: Study, params: WeakToStrongParams) -> StepResult:
        pairs = _usable_pairs(params.max_chars)[: params.pairs]
        ordered = sorted(pairs, key=lambda p: _order(params.seed, p[0]))
        halves = {"weak": ordered[: len(ordered) // 2], "strong": ordered[len(ordered) // 2 :]}
        snapshots = {
            f"snapshot {half}": imported_snapshot(
                study,
                dataset=(
                    f"studies.hh_rlhf.s{params.seed}.n{params.pairs}.c{params.max_chars}.{half}"
                ),
                signals=[
                    ImportedSignal(
                        annotator=hh_rlhf.ANNOTATOR,
                        kind=SignalKind.PREFERENCE,
                        item_type=hh_rlhf.ITEM_TYPE,
                        item_id=number,
                        payload=pair,
                        idempotency_key=f"{hh_rlhf.DATASET}:line:{number}",
                    )
                    for number, pair in rows
                ],
                row_format="preference",
            )
            for half, rows in halves.items()
        }
        waiting = snapshots_wait(snapshots.values())
        return StepResult(
            state={key: snapshot.pk for key, snapshot in snapshots.items()},
            waiting=waiting,
            message=waiting.reason if waiting else "Built the weak and strong halves",
        )

    def _train(self, study: Study, params: WeakToStrongParams, model: str) -> StepResult:
        recipe, half = TRAININGS[model]
        base = version_by_ref(params.weak_version if model == "weak" else params.strong_version)
        assert base is not None
        config: dict[str, Any] = {
            "max_steps": params.max_steps,
            "learning_rate": params.learning_rate,
            "max_length": params.max_length,
            "seed": params.seed,
        }
        if model == "w2s":
            config["weak_version"] = study.state["version weak"]
        trained = trained_version(
            study,
            key=model,
            recipe=recipe,
            base=base,
            snapshot=DatasetSnapshot.objects.get(pk=study.state[f"snapshot {half}"]),
            config=config,
        )
        if isinstance(trained, Waiting):
            return StepResult(waiting=trained, message=trained.reason)
        return StepResult(state={f"version {model}": trained.pk}, message=f"Trained {trained}")

    def report(self, study: Study, params: WeakToStrongParams) -> Report:
        versions = {model: self._version(study, params, model) for model, _ in MODELS}
        measured = {m.version_id: m for m in Measurement.objects.filter(study=study, name="llmbar")}
        counts = {model: measured[v.pk].detail for model, v in versions.items()}
        scores = {model: section_scores(c) for model, c in counts.items()}
        parts = [*SECTIONS, "overall"]
        pgr = {
            part: gap_recovered(scores["weak"][part], scores["gold"][part], scores["w2s"][part])
            for part in parts
        }
        agreement = versions["w2s"].metrics.get("training", {}).get("weak_label_agreement")
        overall = pgr["overall"]
        summary = (
            f"A reward model trained from {params.weak_version} on {params.pairs // 2} HH-RLHF "
            f"pairs labelled {params.pairs - params.pairs // 2} others for {params.strong_version}"
            + (f" (agreeing with gold on {agreement:.0%})" if agreement is not None else "")
            + ". Overall LLMBar score: "
            + ", ".join(f"{label.lower()} {scores[m]['overall']:.1%}" for m, label in MODELS)
            + ". Performance gap recovered: "
            + (
                f"{overall:.2f}."
                if overall is not None
                else "undefined, as the gold-trained version scores the same as the weak one."
            )
        )
        subsets = [s for section in SECTIONS.values() for s in section]

        def score(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return Report(
            summary=summary,
            tables=[
                ReportTable(
                    title="LLMBar section scores (RewardBench-style)",
                    columns=["Model", "Version", *SECTIONS, "Overall"],
                    rows=[
                        [label, str(versions[m]), *(score(scores[m][p]) for p in parts)]
                        for m, label in MODELS
                    ],
                ),
                ReportTable(
                    title="Performance gap recovered: (weak-to-strong - weak) / (gold - weak)",
                    columns=["Score", "Weak", "Gold", "Weak-to-strong", "Gap recovered"],
                    rows=[
                        [
                            part,
                            *(score(scores[m][part]) for m in ("weak", "gold", "w2s")),
                            score(pgr[part]),
                        ]
                        for part in parts
                    ],
                ),
                ReportTable(
                    title="LLMBar accuracy per subset",
                    columns=["Subset", "Pairs", *(label for _, label in MODELS)],
                    rows=[
                        [
                            subset,
                            counts["base"][subset]["pairs"],
                            *(
                                score(counts[m][subset]["correct"] / counts[m][subset]["pairs"])
                                for m, _ in MODELS
                            ),
                        ]
                        for subset in subsets
                    ],
                ),
            ],
            plots=[
                ReportPlot(
                    title="LLMBar section scores (Figure 6)",
                    kind="bar",
                    x_label="Section",
                    y_label="Score",
                    series=[
                        ReportSeries(
                            name=label, points=[{"x": p, "y": scores[m][p]} for p in parts]
                        )
                        for m, label in MODELS
                    ],
                )
            ],
            data={
                "versions": {m: v.pk for m, v in versions.items()},
                "subsets": counts,
                "sections": scores,
                "gap_recovered": pgr,
                "weak_label_agreement": agreement,
            },
        )


def _order(seed: int, number: int) -> str:
    return hashlib.sha256(f"{seed}:split:{number}".encode()).hexdigest()
