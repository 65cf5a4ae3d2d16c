"""The pluralistic study's steps: snapshots per group and pooled, a reward model on each, and
their scores."""

from typing import Any

from django.utils import timezone

from annotation.studies.kinds.base import Report, StepResult, Waiting
from annotation.studies.kinds.pluralistic.groups import POOLED, rater_groups
from annotation.studies.kinds.pluralistic.params import PluralisticParams
from annotation.studies.kinds.pluralistic.report import report_build
from annotation.studies.kinds.pluralistic.scoring import margins_score
from annotation.studies.models import Study
from annotation.studies.services.work import (
    StudyStepError,
    snapshots_wait,
    study_link,
    trained_version,
    version_by_ref,
)
from loop.models import DatasetSnapshot, Recipe
from loop.services.snapshots import iso_utc, snapshot_request


class Pluralistic:
    name = "pluralistic"
    title = "Pluralistic reward models"
    description = (
        "One reward model per opinion group of a principles round (or per consented background "
        "group) next to the pooled one; where the group models rank pairs differently, per "
        "principle and per hazard category, and how the pooled model sits between them."
    )
    params_class = PluralisticParams

    def steps(self, params: PluralisticParams) -> list[str]:
        return ["snapshots", "train", "score"]

    def model_steps(self, params: PluralisticParams) -> set[str]:
        return {"score"}

    def step_run(self, study: Study, params: PluralisticParams, step: str) -> StepResult:
        if step == "snapshots":
            return self._snapshots(study, params)
        if step == "train":
            return self._train(study, params)
        return margins_score(study, params)

    def _snapshots(self, study: Study, params: PluralisticParams) -> StepResult:
        state: dict[str, Any] = {}
        if "groups" not in study.state:
            groups = rater_groups(params)
            if len(groups) < 2:
                raise StudyStepError(
                    f"{len(groups)} group(s) of raters: two are needed to compare."
                )
            # The window closes once, so every snapshot of the study reads the same signals.
            until = params.until or iso_utc(timezone.now())
            state = {"groups": groups, "until": until}
            study_link(study, state=state)
        groups, until = study.state["groups"], study.state["until"]
        recipes = {name: sorted(raters) for name, raters in groups.items()}
        recipes[POOLED] = sorted(r for raters in groups.values() for r in raters)
        snapshots = {}
        for name, raters in recipes.items():
            snapshot, _ = snapshot_request(
                recipe={
                    "kinds": sorted(params.kinds),
                    "format": "preference",
                    "until": until,
                    "raters": raters,
                    "eval_fraction": params.eval_fraction,
                    "seed": params.seed,
                }
            )
            snapshots[f"snapshot {name}"] = snapshot
        study_link(study, snapshots=snapshots.values())
        waiting = snapshots_wait(snapshots.values())
        return StepResult(
            state={**state, **{key: s.pk for key, s in snapshots.items()}},
            waiting=waiting,
            message=waiting.reason if waiting else f"Built {len(snapshots)} snapshots",
        )

    def _train(self, study: Study, params: PluralisticParams) -> StepResult:
        """One reward model after another (they share the base version's line)."""
        base = version_by_ref(params.version)
        assert base is not None  # checked with the parameters; versions are never deleted
        trained: dict[str, Any] = {}
        for name in [*study.state["groups"], POOLED]:
            snapshot = DatasetSnapshot.objects.get(pk=study.state[f"snapshot {name}"])
            if not snapshot.counts.get("train"):
                if name == POOLED:
                    raise StudyStepError("The groups gave no preference pairs to train on.")
                continue  # a group with no pairs outside the held-out items has no model
            version = trained_version(
                study,
                key=f"reward {name}",
                recipe=Recipe.REWARD,
                base=base,
                snapshot=snapshot,
                config={
                    "max_steps": params.max_steps,
                    "learning_rate": params.learning_rate,
                    "seed": params.seed,
                },
            )
            if isinstance(version, Waiting):
                return StepResult(state=trained, waiting=version, message=version.reason)
            trained[f"version {name}"] = version.pk
        if len(trained) < 3:
            raise StudyStepError("Fewer than two groups gave pairs to train a model on.")
        return StepResult(state=trained, message=f"Trained {len(trained)} reward models")

    def report(self, study: Study, params: PluralisticParams) -> Report:
        return report_build(study, params)
