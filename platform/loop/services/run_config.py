"""A run's recipe settings: which recipe module and config class, the checks of what a requester
may set, and the config a stored run trains with.

The recipe modules import transformers: they are imported inside the functions, so that
importing this module (as every web process does) loads none of it.
"""

import dataclasses
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from loop.models import DatasetSnapshot, Recipe, SnapshotStatus, TrainingRun
from registry.models import ModelVersion

# The dataset formats each recipe trains on.
RECIPE_FORMATS: dict[str, tuple[str, ...]] = {
    Recipe.SFT: ("sft",),
    Recipe.REWARD: ("preference",),
    Recipe.DPO: ("preference",),
    Recipe.WEAK_TO_STRONG: ("preference", "binary_qa"),
    # The run's snapshot is the competence data; the conformity pairs are a second snapshot.
    Recipe.ALTERNATING: ("sft",),
}

# Set by the loop from the run, never by the requester (weak_model comes from weak_version,
# conformity_file from conformity_snapshot).
_RUN_FIELDS = {
    "base_model",
    "train_file",
    "eval_file",
    "output_dir",
    "weak_model",
    "conformity_file",
}
WEAK_VERSION = "weak_version"
CONFORMITY_SNAPSHOT = "conformity_snapshot"
SCHEDULE = "difficulty_schedule"
# Settings that name a database row or need their own check, per recipe.
_SPECIAL = {
    Recipe.WEAK_TO_STRONG: {WEAK_VERSION},
    Recipe.ALTERNATING: {CONFORMITY_SNAPSHOT, SCHEDULE},
}


def recipe_module(recipe: str) -> Any:
    from training.recipes import alternating, dpo, reward, sft, weak_to_strong

    return {
        Recipe.SFT: sft,
        Recipe.REWARD: reward,
        Recipe.DPO: dpo,
        Recipe.WEAK_TO_STRONG: weak_to_strong,
        Recipe.ALTERNATING: alternating,
    }[Recipe(recipe)]


def _config_class(recipe: str) -> Any:
    from training.recipes import alternating, dpo, reward, sft, weak_to_strong

    return {
        Recipe.SFT: sft.SFTRecipeConfig,
        Recipe.REWARD: reward.RewardRecipeConfig,
        Recipe.DPO: dpo.DPORecipeConfig,
        Recipe.WEAK_TO_STRONG: weak_to_strong.WeakToStrongConfig,
        Recipe.ALTERNATING: alternating.AlternatingConfig,
    }[Recipe(recipe)]


def _alternating_check(config: dict[str, Any], errors: dict[str, str]) -> None:
    conformity = config.get(CONFORMITY_SNAPSHOT)
    snapshot = (
        DatasetSnapshot.objects.filter(pk=conformity, status=SnapshotStatus.READY).first()
        if isinstance(conformity, int) and not isinstance(conformity, bool)
        else None
    )
    if snapshot is None or snapshot.format != "preference" or not snapshot.counts.get("train"):
        errors[CONFORMITY_SNAPSHOT] = (
            "Give the id of a preference snapshot with training rows (the conformity pairs)."
        )
    schedule = config.get(SCHEDULE, [0.5, 1.0])
    if (
        not isinstance(schedule, list)
        or not schedule
        or not all(
            isinstance(s, int | float) and not isinstance(s, bool) and 0 < s <= 1 for s in schedule
        )
    ):
        errors[SCHEDULE] = "Give a list with one share in (0, 1] per round, e.g. [0.5, 1.0]."


def run_config_check(*, recipe: str, config: dict[str, Any]) -> None:
    """Refuse settings the recipe does not have, the loop sets itself, or of the wrong type."""
    fields = {f.name: f for f in dataclasses.fields(_config_class(recipe))}
    errors = {}
    if recipe == Recipe.WEAK_TO_STRONG:
        weak = config.get(WEAK_VERSION)
        if not isinstance(weak, int) or not ModelVersion.objects.filter(pk=weak).exists():
            errors[WEAK_VERSION] = "Give the id of the model version that labels the pairs."
    if recipe == Recipe.ALTERNATING:
        _alternating_check(config, errors)
    for name, value in config.items():
        if name in _SPECIAL.get(Recipe(recipe), set()):
            continue
        if name not in fields or name in _RUN_FIELDS:
            errors[name] = f"Not a setting of the {recipe} recipe."
        elif fields[name].type in (int, "int") and (
            not isinstance(value, int) or isinstance(value, bool) or value < 0
        ):
            errors[name] = "Give a whole number."
        elif fields[name].type in (float, "float") and (
            not isinstance(value, int | float) or isinstance(value, bool)
        ):
            errors[name] = "Give a number."
        elif fields[name].type in (bool, "bool") and not isinstance(value, bool):
            errors[name] = "Give true or false."
    if config.get("max_steps") == 0:
        errors["max_steps"] = "Give at least one step."
    if errors:
        raise ValidationError({"config": [f"{k}: {v}" for k, v in sorted(errors.items())]})


def run_config(run: TrainingRun) -> Any:
    """The recipe config the run trains with: its settings plus the files and rows it names."""
    folder = Path(run.snapshot.folder)
    eval_file = folder / "eval.jsonl"
    settings_ = dict(run.config)
    if WEAK_VERSION in settings_:
        settings_["weak_model"] = ModelVersion.objects.get(pk=settings_.pop(WEAK_VERSION)).uri
    if CONFORMITY_SNAPSHOT in settings_:
        conformity = DatasetSnapshot.objects.get(pk=settings_.pop(CONFORMITY_SNAPSHOT))
        settings_["conformity_file"] = str(Path(conformity.folder) / "train.jsonl")
    if SCHEDULE in settings_:
        settings_[SCHEDULE] = tuple(float(s) for s in settings_[SCHEDULE])
    return _config_class(run.recipe)(
        base_model=run.base_version.uri,
        train_file=str(folder / "train.jsonl"),
        eval_file=str(eval_file) if run.snapshot.counts.get("eval") else "",
        output_dir=str(Path(settings.MODELS_DIR) / "runs" / run.folder_name),
        **settings_,
    )
