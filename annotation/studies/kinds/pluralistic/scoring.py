"""The pluralistic study's score step: every model's margin on the pooled snapshot's held-out
pairs, as asked and under each principle."""

import json
from pathlib import Path
from typing import Any

from annotation.studies.kinds.base import StepResult
from annotation.studies.kinds.pluralistic.groups import POOLED, model_names
from annotation.studies.kinds.pluralistic.params import PluralisticParams, ai_principles
from annotation.studies.models import Study
from annotation.studies.services.work import (
    StudyStepError,
    measurement_get,
    measurement_store,
    study_link,
)
from loop.models import DatasetSnapshot
from loop.providers import BuildContext
from registry.models import ModelVersion

MARGINS = "pair_margins"
# The pairs' own prompt, with no principle put before it.
UNCONDITIONED = ""
NO_CATEGORY = "none"


def conditioned(prompt: str, principle: str) -> str:
    """The prompt under one principle, in the form recipes conditioned on the constitution use."""
    if not principle:
        return prompt
    return f"Follow these principles:\n- {principle}\n\n{prompt}"


def margins_score(study: Study, params: PluralisticParams) -> StepResult:
    """Every model's margin (chosen minus rejected reward) on each held-out pair, as it is
    and under each principle; the principles and the pairs' hazard categories are stored
    with the margins, so the report reads nothing that can change."""
    from training.evaluation import Pair, Scorer, pair_margins

    pooled = DatasetSnapshot.objects.get(pk=study.state[f"snapshot {POOLED}"])
    pairs = held_out_pairs(pooled)
    if not pairs:
        raise StudyStepError("The pooled snapshot holds no held-out pairs to compare on.")
    principles = study.state.get("principles")
    if principles is None:
        principles = {
            key: text
            for key, text in ai_principles().items()
            if not params.principles or key in params.principles
        }
        categories = _categories(pooled, [p["item"] for p in pairs])
        study_link(study, state={"principles": principles, "categories": categories})
    conditions = {UNCONDITIONED: UNCONDITIONED, **principles}
    for name in model_names(study):
        version = ModelVersion.objects.get(pk=study.state[f"version {name}"])
        if measurement_get(study, version, MARGINS) is not None:
            continue
        # Every condition's pairs in one call: (conditions x pairs) margins, in that order.
        flat = pair_margins(
            Scorer(version.uri),
            [
                Pair(conditioned(p["prompt"], text), p["chosen"], p["rejected"])
                for text in conditions.values()
                for p in pairs
            ],
        )
        margins = {
            key: flat[i * len(pairs) : (i + 1) * len(pairs)] for i, key in enumerate(conditions)
        }
        measurement_store(
            study,
            version=version,
            name=MARGINS,
            value=None,
            count=len(pairs),
            snapshot=pooled,
            detail={"items": [p["item"] for p in pairs], "margins": margins},
        )
    return StepResult(
        message=f"Scored {len(pairs)} held-out pairs under {len(conditions)} conditions"
    )


def held_out_pairs(snapshot: DatasetSnapshot) -> list[dict[str, Any]]:
    path = Path(snapshot.folder) / "eval.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _categories(snapshot: DatasetSnapshot, items: list[str]) -> dict[str, list[str]]:
    """Per held-out item, the hazard categories its aggregated verdict names, as the snapshot's
    window saw them ("harmful" for harm without a category); none for other items."""
    verdicts = BuildContext(
        until=snapshot.recipe.get("until"), groups=lambda _signal: {}
    ).verdicts()
    out = {}
    for item in sorted(set(items)):
        verdict = verdicts.get(item)
        if verdict is None or not verdict.harmful:
            out[item] = [NO_CATEGORY]
        else:
            out[item] = list(verdict.categories) or ["harmful"]
    return out
