"""Writes of the loop: snapshots, training runs, evaluation, gated publishing and rollback."""

import dataclasses
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from accounts.models import RaterProfile
from loop.gates import DEFAULT_GATES, GATE_NAMES, gate_failures
from loop.models import (
    ACTIVE_RUN_STATUSES,
    FINISHED_RUN_STATUSES,
    DatasetSnapshot,
    LinePolicy,
    PublishAction,
    PublishDecision,
    Recipe,
    RunStatus,
    TrainingRun,
    Trigger,
)
from loop.providers import (
    BuildContext,
    constitution_principles,
    conversion_for,
    sft_target_is_harmful,
)
from realtime.events import event_send, event_send_now
from registry.lines import DEFAULT_LINES
from registry.models import ModelLine, ModelVersion, VersionStatus
from registry.selectors import published_version
from registry.services import model_line_ensure, model_version_publish, model_version_register
from signalpool.models import Signal
from training.snapshot import Candidate, DatasetRecipe, RecipeError
from training.snapshot import snapshot_build as build_rows

log = logging.getLogger(__name__)

# The dataset formats each recipe trains on.
RECIPE_FORMATS: dict[str, tuple[str, ...]] = {
    Recipe.SFT: ("sft",),
    Recipe.REWARD: ("preference",),
    Recipe.DPO: ("preference",),
    Recipe.WEAK_TO_STRONG: ("preference", "binary_qa"),
    # The run's snapshot is the competence data; the conformity pairs are a second snapshot.
    Recipe.ALTERNATING: ("sft",),
}
LICENCE_NOTES = (
    "Built from signals given to this Co-Align installation by its raters and models under its "
    "terms of participation. Imported public data keeps its own licence (see data/*/SOURCE.md)."
)


class RunConflict(Exception):
    """The line already has a queued or running run (the one-run-per-line lock)."""

    def __init__(self, run: TrainingRun) -> None:
        super().__init__(f"Run #{run.pk} for this line is still {run.status}.")
        self.run = run


def run_group(run_id: int) -> str:
    return f"run:{run_id}"


# --- snapshots -------------------------------------------------------------------------------


def _groups(signal: Signal, regions: dict[int, str]) -> dict[str, str]:
    if signal.source_model_id:
        version = signal.source_model
        assert version is not None
        return {
            "source": "model",
            "model_version": f"model:{version.line.slug}-v{version.number}",
            "rater_background": "model",
        }
    if not signal.source_user_id:
        # Imported human data: its annotators have no profile here.
        group = f"imported:{signal.source_dataset}"
        return {"source": "imported", "model_version": group, "rater_background": group}
    region = regions.get(signal.source_user_id) or "unspecified"
    return {"source": "human", "model_version": "human", "rater_background": f"region:{region}"}


def _candidates(recipe: DatasetRecipe) -> list[Candidate]:
    """Every kind's signals in the window, turned into candidates by the kind's conversion."""
    signals = Signal.objects.filter(kind__in=recipe.kinds).select_related("source_model__line")
    if recipe.since:
        signals = signals.filter(created_at__gte=recipe.since)
    if recipe.until:
        signals = signals.filter(created_at__lt=recipe.until)
    # A corrected signal is replaced by its correction (when that falls in the window too).
    corrected = set(signals.filter(corrects__isnull=False).values_list("corrects_id", flat=True))
    # Backgrounds are personal data kept only with consent; blank ones count as unspecified.
    regions = dict(RaterProfile.objects.filter(consent_given=True).values_list("user_id", "region"))
    context = BuildContext(
        until=recipe.until,
        groups=lambda signal: _groups(signal, regions),
        equal_raters=recipe.equal_raters,
    )
    by_kind: dict[str, list[Signal]] = {kind: [] for kind in sorted(recipe.kinds)}
    for signal in signals.order_by("id").iterator():
        if signal.pk not in corrected:
            by_kind[signal.kind].append(signal)
    candidates: list[Candidate] = []
    for kind, kind_signals in by_kind.items():
        conversion = conversion_for(kind)
        if conversion is not None and conversion.build is not None and kind_signals:
            candidates += conversion.build(kind_signals, context)
    if recipe.format == "sft":
        # A reply raters called harmful (adjudication first) is never taught, whatever kind
        # carried it: a red-team response must not become a demonstration.
        harmful = context.harmful_texts()
        candidates = [c for c in candidates if not sft_target_is_harmful(c, harmful)]
    return candidates


CONDITION = "condition_on_constitution"


def dataset_recipe_parse(data: dict[str, Any]) -> DatasetRecipe:
    """The recipe with its window closed at now, so that rebuilding it is reproducible.

    `condition_on_constitution: true` puts the current constitution's AI-binding principles
    into the recipe's system text, so the snapshot records exactly what it was conditioned on.
    """
    data = dict(data)
    condition = data.pop(CONDITION, False)
    if not isinstance(condition, bool):
        raise ValidationError({CONDITION: "Give true or false."})
    if condition:
        if data.get("system"):
            raise ValidationError({CONDITION: "Give either system text or this, not both."})
        principles = constitution_principles()
        if not principles:
            raise ValidationError({CONDITION: "The current constitution has no principles."})
        data["system"] = "Follow these principles:\n" + "\n".join(f"- {p}" for p in principles)
    try:
        recipe = DatasetRecipe.from_dict(data)
    except RecipeError as exc:
        raise ValidationError(exc.fields) from exc
    except TypeError as exc:
        raise ValidationError({"recipe": str(exc)}) from exc
    kinds_error = _kinds_error(recipe)
    if kinds_error:
        raise ValidationError({"kinds": kinds_error})
    window: dict[str, str | None] = {}
    for name in ("since", "until"):
        value = getattr(recipe, name)
        if value is None:
            window[name] = None
            continue
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            raise ValidationError({name: "Give an ISO 8601 date and time."})
        window[name] = iso_utc(parsed)
    until = window["until"] or iso_utc(timezone.now())
    return dataclasses.replace(recipe, since=window["since"], until=until)


def _kinds_error(recipe: DatasetRecipe) -> str:
    """Why the recipe's kinds cannot feed its format, or "" (see the README's signal table)."""
    problems = []
    for kind in sorted(recipe.kinds):
        conversion = conversion_for(kind)
        if conversion is None:
            problems.append(f"No dataset conversion for signal kind {kind!r}.")
        elif not conversion.formats:
            problems.append(f"{kind!r} is not a training signal: {conversion.context}")
        elif recipe.format not in conversion.formats:
            feeds = ", ".join(conversion.formats)
            problems.append(f"{kind!r} feeds {feeds}, not {recipe.format}.")
    return " ".join(problems)


def iso_utc(moment: datetime) -> str:
    """One spelling per instant, so that window bounds compare correctly as strings."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def snapshot_create(
    *, recipe: dict[str, Any], line: ModelLine | None = None, user: User | None = None
) -> tuple[DatasetSnapshot, bool]:
    """Build a snapshot; the same recipe over the same pool returns the stored one."""
    parsed = dataset_recipe_parse(recipe)
    built = build_rows(parsed, _candidates(parsed))
    from training.snapshot import snapshot_write_jsonl

    folder = Path(settings.DATASETS_DIR) / "snapshots" / built.content_hash
    # Files first (same content for the same hash, so rewriting is harmless), then the row.
    snapshot_write_jsonl(built, folder)
    with transaction.atomic():
        snapshot, created = DatasetSnapshot.objects.get_or_create(
            content_hash=built.content_hash,
            defaults={
                "line": line,
                "recipe": parsed.canonical(),
                "format": parsed.format,
                "signal_ids": built.signal_ids,
                "counts": built.counts,
                "mix": built.mix,
                "folder": str(folder),
                "created_by": user,
            },
        )
    return snapshot, created


def snapshot_rebuild(*, snapshot: DatasetSnapshot) -> Any:
    """Build the snapshot's recipe again over the pool (its rows and hash, not stored)."""
    recipe = DatasetRecipe.from_dict(snapshot.recipe)
    return build_rows(recipe, _candidates(recipe))


def snapshot_export(*, snapshot: DatasetSnapshot) -> Path:
    """A Hugging Face `datasets` folder with a dataset card, next to the JSONL files."""
    from training.snapshot import snapshot_export_hf

    built = snapshot_rebuild(snapshot=snapshot)
    if built.content_hash != snapshot.content_hash:
        raise ValidationError({"snapshot": "The pool no longer reproduces this snapshot."})
    folder = Path(snapshot.folder) / "hf"
    if not (folder / "README.md").is_file():
        snapshot_export_hf(built, folder, licence_notes=LICENCE_NOTES)
    return folder


# --- runs ------------------------------------------------------------------------------------


def _recipe_module(recipe: str) -> Any:
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


def _alternating_check(config: dict[str, Any], errors: dict[str, str]) -> None:
    conformity = config.get(CONFORMITY_SNAPSHOT)
    snapshot = (
        DatasetSnapshot.objects.filter(pk=conformity).first()
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


def _config_check(recipe: str, config: dict[str, Any]) -> None:
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


@transaction.atomic
def training_run_start(
    *,
    line: ModelLine,
    recipe: str,
    config: dict[str, Any] | None = None,
    base_version: ModelVersion | None = None,
    snapshot: DatasetSnapshot | None = None,
    dataset_recipe: dict[str, Any] | None = None,
    trigger: str = Trigger.ADMIN,
    user: User | None = None,
    auto_publish: bool = False,
) -> TrainingRun:
    """Queue a run on the gpu queue; refuses (RunConflict) while the line has an active run."""
    from loop.tasks import training_run_task

    if recipe not in Recipe.values:
        raise ValidationError({"recipe": f"Choose one of {', '.join(Recipe.values)}."})
    config = config or {}
    _config_check(recipe, config)
    active = TrainingRun.objects.filter(line=line, status__in=ACTIVE_RUN_STATUSES).first()
    if active is not None:
        raise RunConflict(active)
    base_version = base_version or published_version(line=line.slug)
    if base_version is None:
        raise ValidationError({"base_version": "The line has no published version to start from."})
    if base_version.line_id != line.pk:
        raise ValidationError({"base_version": "The base version belongs to another line."})
    started = time.monotonic()
    if snapshot is None:
        if dataset_recipe is None:
            raise ValidationError({"snapshot": "Give a snapshot or a dataset recipe."})
        snapshot, _ = snapshot_create(recipe=dataset_recipe, line=line, user=user)
    snapshot_s = time.monotonic() - started
    formats = RECIPE_FORMATS[Recipe(recipe)]
    if snapshot.format not in formats:
        raise ValidationError(
            {"snapshot": f"The {recipe} recipe needs a {' or '.join(formats)} snapshot."}
        )
    if not snapshot.counts.get("train"):
        raise ValidationError({"snapshot": "The snapshot has no training rows."})
    try:
        with transaction.atomic():
            run = TrainingRun.objects.create(
                line=line,
                recipe=recipe,
                config=config,
                base_version=base_version,
                snapshot=snapshot,
                trigger=trigger,
                requested_by=user,
                auto_publish=auto_publish,
                timings={"snapshot_s": round(snapshot_s, 3)},
            )
    except IntegrityError as exc:
        # Lost a race with another start: the partial unique index is the real lock.
        raise RunConflict(
            TrainingRun.objects.get(line=line, status__in=ACTIVE_RUN_STATUSES)
        ) from exc
    transaction.on_commit(lambda: training_run_task.delay(run.pk))
    event_send("registry", "run.queued", {"id": run.pk, "line": line.slug})
    return run


def devices_used(processes: int) -> int:
    """The processes of a launch over several, else the GPUs the in-process trainer uses."""
    import torch

    return processes if processes > 1 else max(1, torch.cuda.device_count())


@transaction.atomic
def training_run_cancel(*, run: TrainingRun, actor: User, reason: str) -> TrainingRun:
    """End a stuck queued/running run so that it stops holding its line's lock; audited.

    Its worker, if still alive, finds the run cancelled and registers nothing.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say why the run is cancelled."})
    locked = TrainingRun.objects.select_for_update().get(pk=run.pk)
    if locked.status not in ACTIVE_RUN_STATUSES:
        raise ValidationError({"run": f"The run is already {locked.status}."})
    locked.status = RunStatus.CANCELLED
    locked.cancelled_by = actor
    locked.cancel_reason = reason
    locked.finished_at = timezone.now()
    locked.save(update_fields=["status", "cancelled_by", "cancel_reason", "finished_at"])
    event_send(
        run_group(locked.pk), "run.completed", {"id": locked.pk, "status": RunStatus.CANCELLED}
    )
    return locked


def _run_config(run: TrainingRun) -> Any:
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


class _ProgressReporter:
    """Streams every logged step to the run's group; writes the row at most every interval."""

    def __init__(self, run: TrainingRun, interval_s: float = 0.5) -> None:
        self.run_id, self.interval_s = run.pk, interval_s
        self.history: list[list[float]] = list(run.history)
        self.last_write = 0.0
        self.trimmed = False

    def __call__(self, progress: Any) -> None:
        if progress.loss is None:
            return
        if not self.trimmed:
            # After a resume the steps past the checkpoint are logged again.
            self.history = [h for h in self.history if h[0] < progress.step]
            self.trimmed = True
        self.history.append([progress.step, round(progress.loss, 6)])
        fields = {
            "step": progress.step,
            "total_steps": progress.total_steps,
            "loss": progress.loss,
            "eta_s": progress.eta_s,
        }
        event_send_now(run_group(self.run_id), "run.progress", {"id": self.run_id, **fields})
        now = time.monotonic()
        if now - self.last_write >= self.interval_s or progress.step >= progress.total_steps:
            TrainingRun.objects.filter(pk=self.run_id).update(history=self.history, **fields)
            self.last_write = now


def _recipe_run(run: TrainingRun, processes: int) -> Any:
    """Train in this process, or over several processes through accelerate (one per GPU)."""
    from loop.launch import recipe_launch

    config, reporter = _run_config(run), _ProgressReporter(run)
    if processes <= 1:
        return _recipe_module(run.recipe).run(config, reporter)
    return recipe_launch(
        recipe=run.recipe,
        config=config,
        processes=processes,
        folder=Path(config.output_dir),
        on_progress=reporter,
    )


def _run_fail(run_id: int, error: str) -> None:
    with transaction.atomic():
        # A cancelled run stays cancelled when its trainer fails afterwards.
        TrainingRun.objects.filter(pk=run_id).exclude(status=RunStatus.CANCELLED).update(
            status=RunStatus.FAILED, error=error[:5000], finished_at=timezone.now()
        )
        event_send(run_group(run_id), "run.completed", {"id": run_id, "status": RunStatus.FAILED})


def training_run_execute(*, run_id: int) -> None:
    """Run a queued run to the end: train, register, evaluate, publish if asked and allowed.

    Idempotent: a finished run is left alone. A redelivered run (its worker was killed)
    resumes training from its last complete checkpoint; a version is registered once per run
    (keyed by the run) and only from a completely saved model.
    """
    from loop.launch import training_processes

    with transaction.atomic():
        run = (
            TrainingRun.objects.select_for_update(of=("self",))
            .select_related("line", "base_version", "snapshot", "version")
            .filter(pk=run_id)
            .first()
        )
        if run is None or run.status in FINISHED_RUN_STATUSES:
            return
        if run.version_id is None:
            run.status = RunStatus.RUNNING
        run.attempts += 1
        run.worker_pid = os.getpid()
        processes = training_processes()
        run.devices = devices_used(processes)
        run.started_at = run.started_at or timezone.now()
        run.save(update_fields=["status", "attempts", "worker_pid", "devices", "started_at"])
    event_send_now(run_group(run.pk), "run.started", {"id": run.pk, "attempt": run.attempts})
    timings = dict(run.timings)
    if run.version is None:
        started = time.monotonic()
        try:
            result = _recipe_run(run, processes)
        except Exception as exc:
            log.exception("training run %s failed", run.pk)
            _run_fail(run.pk, f"{type(exc).__name__}: {exc}")
            return
        timings["training_s"] = round(time.monotonic() - started, 3)
        registered = _run_version_register(run, result, timings)
        if registered is None:
            return
        version = registered
    else:
        version = run.version
    started = time.monotonic()
    try:
        version_evaluate(version=version, snapshot=run.snapshot)
    except Exception as exc:
        log.exception("evaluating run %s failed", run.pk)
        _run_fail(run.pk, f"Evaluation failed: {type(exc).__name__}: {exc}")
        return
    timings["evaluation_s"] = round(time.monotonic() - started, 3)
    started = time.monotonic()
    if run.auto_publish:
        try:
            version_publish(version=version, actor=None)
        except PublishRefused:
            # The refusal is audited on the version; the run itself is complete.
            log.info("run %s: version %s failed its gates, left unpublished", run.pk, version)
    timings["publish_s"] = round(time.monotonic() - started, 3)
    with transaction.atomic():
        TrainingRun.objects.filter(pk=run.pk).exclude(status=RunStatus.CANCELLED).update(
            status=RunStatus.DONE, timings=timings, finished_at=timezone.now()
        )
        version.refresh_from_db()
        event_send(
            run_group(run.pk),
            "run.completed",
            {"id": run.pk, "status": RunStatus.DONE, "version": version.pk},
        )


@transaction.atomic
def _run_version_register(
    run: TrainingRun, result: Any, timings: dict[str, Any]
) -> ModelVersion | None:
    """The run's version, registered once; None when the run was cancelled meanwhile."""
    from training.tiny import model_fingerprint

    locked = TrainingRun.objects.select_for_update().get(pk=run.pk)
    if locked.status == RunStatus.CANCELLED:
        return None
    if locked.version_id is not None:
        return ModelVersion.objects.get(pk=locked.version_id)
    lineage = {}
    if CONFORMITY_SNAPSHOT in run.config:
        conformity = DatasetSnapshot.objects.get(pk=run.config[CONFORMITY_SNAPSHOT])
        lineage["conformity_dataset_hash"] = conformity.content_hash
    version = model_version_register(
        line=run.line,
        base=run.base_version.base,
        uri=str(result.model_dir),
        parent=run.base_version,
        status=VersionStatus.EVALUATING,
        metrics={
            "training": {
                "recipe": run.recipe,
                **lineage,
                "first_loss": result.losses[0][1] if result.losses else None,
                "last_loss": result.losses[-1][1] if result.losses else None,
                **{k: v for k, v in result.metrics.items() if isinstance(v, int | float)},
            }
        },
        training_run_ref=f"loop.run:{run.pk}",
        dataset_hash=run.snapshot.content_hash,
        artifact_hash=model_fingerprint(result.model_dir),
    )
    locked.version = version
    locked.status = RunStatus.EVALUATING
    locked.resumed_from_step = result.resumed_from_step
    locked.timings = timings
    locked.save(update_fields=["version", "status", "resumed_from_step", "timings"])
    run.version = version
    event_send(run_group(run.pk), "run.evaluating", {"id": run.pk, "version": version.pk})
    return version


# --- evaluation and publishing ---------------------------------------------------------------


def version_evaluate(
    *, version: ModelVersion, snapshot: DatasetSnapshot | None = None
) -> dict[str, Any]:
    """Evaluate a version, store the results in its metrics and return them."""
    from loop.evaluation import evaluate

    policy = line_policy(version.line)
    metrics = evaluate(
        version=version, snapshot=snapshot, llmbar_per_subset=policy.eval_llmbar_per_subset
    )
    with transaction.atomic():
        locked = ModelVersion.objects.select_for_update().get(pk=version.pk)
        locked.metrics = {**locked.metrics, **metrics}
        update = ["metrics"]
        if locked.status == VersionStatus.EVALUATING:
            locked.status = VersionStatus.DRAFT
            update.append("status")
        locked.save(update_fields=update)
    version.metrics, version.status = locked.metrics, locked.status
    return metrics


def line_policy(line: ModelLine) -> LinePolicy:
    """The line's stored policy, or the defaults (unsaved) when none was set."""
    policy = LinePolicy.objects.filter(line=line).first()
    return policy or LinePolicy(line=line, gates=dict(DEFAULT_GATES))


class PublishRefused(Exception):
    """The gates refused the version; `override` says what an override would need."""

    def __init__(self, failures: list[str], override: str) -> None:
        super().__init__(" ".join(failures))
        self.failures = failures
        self.override = override


OVERRIDE_PERMISSION = "registry.publish_modelversion"


def _may_override(actor: User | None) -> bool:
    # Only admins hold the publish permission; automatic publishing (no actor) never overrides.
    return actor is not None and actor.has_perm(OVERRIDE_PERMISSION)


def version_publish(
    *, version: ModelVersion, actor: User | None, override_reason: str = ""
) -> ModelVersion:
    """Publish a version that passes its line's gates, or, by an admin, any evaluated one
    with a written reason. This is the one way a version becomes published (rollback and the
    first install of a line are the other two audited actions below).

    Every outcome is audited; a refusal is recorded (and committed) before PublishRefused is
    raised.
    """
    with transaction.atomic():
        ModelLine.objects.select_for_update().get(pk=version.line_id)
        version = ModelVersion.objects.select_related("line").get(pk=version.pk)
        if version.status == VersionStatus.PUBLISHED:
            return version
        if version.status == VersionStatus.EVALUATING:
            raise ValidationError({"version": "The version is still being evaluated."})
        replaced = published_version(line=version.line.slug)
        failures = gate_failures(version.metrics, line_policy(version.line).gates)
        override_reason = override_reason.strip()
        overridden = bool(failures) and bool(override_reason) and _may_override(actor)
        refused = bool(failures) and not overridden
        action = (
            PublishAction.REFUSED
            if refused
            else PublishAction.OVERRIDE
            if failures
            else PublishAction.PUBLISH
        )
        PublishDecision.objects.create(
            version=version,
            replaced=replaced,
            action=action,
            actor=actor,
            gate_failures=failures,
            reason=override_reason,
        )
        if not refused:
            return model_version_publish(version=version)
    override = (
        "Only an admin can override failed gates."
        if override_reason and not _may_override(actor)
        else "Give a reason to override."
    )
    raise PublishRefused(failures, override)


@transaction.atomic
def version_rollback(*, version: ModelVersion, actor: User, reason: str = "") -> ModelVersion:
    """Make an earlier, once-published version the published one again, in one step."""
    ModelLine.objects.select_for_update().get(pk=version.line_id)
    version = ModelVersion.objects.select_related("line").get(pk=version.pk)
    if version.status == VersionStatus.PUBLISHED:
        return version
    if version.published_at is None:
        raise ValidationError(
            {"version": "Only a version that was published before can be rolled back to."}
        )
    PublishDecision.objects.create(
        version=version,
        replaced=published_version(line=version.line.slug),
        action=PublishAction.ROLLBACK,
        actor=actor,
        reason=reason.strip(),
    )
    return model_version_publish(version=version)


SEED_REASON = "The line's first version, built from the tiny model at installation."


def models_bootstrap(*, models_dir: Path | None = None) -> list[ModelVersion]:
    """Give every default line a published version 1 built from the tiny model (idempotent).

    There is nothing to gate a line's first version against; its publishing is audited as a
    seed. Nothing is downloaded: the tiny model is built from a config with a local byte
    tokenizer.
    """
    from training.tiny import TINY_BASE, build_tiny_model, model_fingerprint

    path = build_tiny_model((models_dir or settings.MODELS_DIR) / "tiny-llama-seed0", seed=0)
    fingerprint = model_fingerprint(path)
    published = []
    for slug, name, description in DEFAULT_LINES:
        with transaction.atomic():
            line = model_line_ensure(slug=slug, name=name, description=description)
            ModelLine.objects.select_for_update().get(pk=line.pk)
            current = ModelVersion.objects.filter(line=line).order_by("number").first()
            if current is None:
                current = model_version_register(
                    line=line, base=TINY_BASE, uri=str(path), artifact_hash=fingerprint
                )
                PublishDecision.objects.create(
                    version=current, action=PublishAction.SEED, reason=SEED_REASON
                )
                current = model_version_publish(version=current)
                log.info("registered %s from the tiny model at %s", current, path)
        published.append(current)
    return published


# --- policies and the periodic trigger --------------------------------------------------------


@transaction.atomic
def line_policy_set(*, line: ModelLine, **fields: Any) -> LinePolicy:
    gates = fields.get("gates")
    if gates is not None:
        unknown = sorted(set(gates) - set(GATE_NAMES))
        if unknown:
            raise ValidationError({"gates": f"Unknown gates {unknown}; known: {list(GATE_NAMES)}."})
    if "dataset_recipe" in fields:
        dataset_recipe_parse(fields["dataset_recipe"])
    if "training_config" in fields:
        _config_check(fields.get("recipe", Recipe.DPO), fields["training_config"])
    policy, _ = LinePolicy.objects.select_for_update().get_or_create(
        line=line, defaults={"gates": dict(DEFAULT_GATES)}
    )
    for name, value in fields.items():
        setattr(policy, name, value)
    policy.save()
    return policy


def new_signals_since_last_snapshot(*, policy: LinePolicy) -> int:
    kinds = policy.dataset_recipe.get("kinds", [])
    last = DatasetSnapshot.objects.filter(line=policy.line).order_by("-created_at", "-id").first()
    signals = Signal.objects.filter(kind__in=kinds)
    if last is not None and last.recipe.get("until"):
        signals = signals.filter(created_at__gte=last.recipe["until"])
    return signals.count()


def periodic_trigger(*, now: Any = None) -> list[TrainingRun]:
    """Start a run for each line whose policy is due and has enough new signals."""
    now = now or timezone.now()
    started = []
    for policy in LinePolicy.objects.filter(auto_train=True).select_related("line"):
        due = policy.last_checked_at is None or (
            (now - policy.last_checked_at).total_seconds() >= policy.check_every_minutes * 60
        )
        if not due:
            continue
        LinePolicy.objects.filter(pk=policy.pk).update(last_checked_at=now)
        if new_signals_since_last_snapshot(policy=policy) < policy.min_new_signals:
            continue
        try:
            started.append(
                training_run_start(
                    line=policy.line,
                    recipe=policy.recipe,
                    config=policy.training_config,
                    dataset_recipe={k: v for k, v in policy.dataset_recipe.items() if k != "until"},
                    trigger=Trigger.PERIODIC,
                    auto_publish=policy.auto_publish,
                )
            )
        except (RunConflict, ValidationError) as exc:
            log.info("periodic trigger skipped %s: %s", policy.line.slug, exc)
    return started
