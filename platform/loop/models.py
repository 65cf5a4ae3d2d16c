from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models


class Recipe(models.TextChoices):
    SFT = "sft", "Supervised fine-tuning"
    REWARD = "reward", "Reward model"
    DPO = "dpo", "Direct preference optimisation"
    WEAK_TO_STRONG = "weak_to_strong", "Weak-to-strong (a weaker version labels, DPO trains)"
    ALTERNATING = "alternating", "Alternating round (competence SFT, then conformity DPO)"


class SnapshotStatus(models.TextChoices):
    BUILDING = "building", "Building"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed to build"


class DatasetSnapshot(models.Model):
    """An immutable dataset built from the signal pool by a recipe; its hash is its identity.

    The recipe is stored with its time window closed (`until` set when it was requested), so
    building it again over the append-only pool gives the same rows and the same hash. The row
    is stored when requested, `building`, and filled in by a task (loop.tasks.snapshot_build_task);
    the rows, counts, folder and hash are set once it is `ready`.
    """

    # Empty until the snapshot is built.
    content_hash = models.CharField(max_length=64, blank=True)
    # sha256 of the canonical recipe: one row per recipe, so a repeated request (or a task
    # delivered twice) never makes a second snapshot. The recipe is part of the content hash,
    # so one recipe has one content.
    recipe_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=16, choices=SnapshotStatus.choices, default=SnapshotStatus.BUILDING
    )
    error = models.TextField(blank=True)
    build_s = models.FloatField(null=True, blank=True, help_text="Seconds the build took.")
    line = models.ForeignKey(
        "registry.ModelLine",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="snapshots",
        help_text="The line it was built for; the periodic trigger counts from it.",
    )
    recipe = models.JSONField()
    format = models.CharField(max_length=16)
    signal_ids = ArrayField(models.BigIntegerField(), default=list)
    counts = models.JSONField(default=dict)
    mix = models.JSONField(default=dict)
    folder = models.CharField(
        max_length=500, blank=True, help_text="Where train.jsonl and eval.jsonl lie."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        permissions = [("run_training", "Can build snapshots and start training runs")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~models.Q(content_hash=""),
                name="dataset_snapshot_content_hash_unique",
            )
        ]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"snapshot {self.content_hash[:12] or self.pk} ({self.status})"


class RunStatus(models.TextChoices):
    # Its snapshot is still being built; the run goes to the gpu queue once it is.
    WAITING = "waiting", "Waiting for its snapshot"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    EVALUATING = "evaluating", "Evaluating"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled by an admin"


ACTIVE_RUN_STATUSES = (
    RunStatus.WAITING,
    RunStatus.QUEUED,
    RunStatus.RUNNING,
    RunStatus.EVALUATING,
)
FINISHED_RUN_STATUSES = (RunStatus.DONE, RunStatus.FAILED, RunStatus.CANCELLED)


class Trigger(models.TextChoices):
    ADMIN = "admin", "Admin (UI or API)"
    COMMAND = "command", "Management command"
    PERIODIC = "periodic", "Periodic (enough new signals)"


class TrainingRun(models.Model):
    """One training run of a recipe on a snapshot, from a base version to a new version."""

    line = models.ForeignKey(
        "registry.ModelLine", on_delete=models.PROTECT, related_name="training_runs"
    )
    recipe = models.CharField(max_length=16, choices=Recipe.choices)
    config = models.JSONField(default=dict, help_text="Recipe hyperparameters.")
    base_version = models.ForeignKey(
        "registry.ModelVersion", on_delete=models.PROTECT, related_name="training_runs_from"
    )
    snapshot = models.ForeignKey(DatasetSnapshot, on_delete=models.PROTECT, related_name="runs")
    trigger = models.CharField(max_length=16, choices=Trigger.choices, default=Trigger.ADMIN)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    auto_publish = models.BooleanField(
        default=False, help_text="Publish the new version when it passes the gates."
    )
    status = models.CharField(max_length=16, choices=RunStatus.choices, default=RunStatus.QUEUED)
    step = models.PositiveIntegerField(default=0)
    total_steps = models.PositiveIntegerField(default=0)
    loss = models.FloatField(null=True, blank=True)
    eta_s = models.FloatField(null=True, blank=True)
    # [[step, loss], ...] as logged, for the loss plot.
    history = models.JSONField(default=list, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    resumed_from_step = models.PositiveIntegerField(default=0)
    worker_pid = models.PositiveIntegerField(null=True, blank=True)
    devices = models.PositiveIntegerField(
        null=True, blank=True, help_text="Devices the trainer used (GPUs, or 1 on the CPU)."
    )
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cancel_reason = models.TextField(blank=True)
    version = models.OneToOneField(
        "registry.ModelVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_run",
    )
    # Seconds spent in each phase: snapshot, training, evaluation, publish.
    timings = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [("cancel_trainingrun", "Can cancel a stuck queued or running run")]
        constraints = [
            # The one-run-per-line lock: a second active run for a line cannot be stored.
            models.UniqueConstraint(
                fields=["line"],
                condition=models.Q(status__in=["waiting", "queued", "running", "evaluating"]),
                name="training_run_one_active_per_line",
            )
        ]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"run #{self.pk} {self.recipe} on {self.line_id} ({self.status})"

    @property
    def folder_name(self) -> str:
        # The creation time keeps a recreated database's run 1 from resuming an old run 1.
        return f"run-{self.pk}-{self.created_at:%Y%m%dT%H%M%S%f}"


class LinePolicy(models.Model):
    """Per line: when the periodic trigger trains, how, and which gates a version must pass."""

    line = models.OneToOneField(
        "registry.ModelLine", on_delete=models.CASCADE, related_name="loop_policy"
    )
    auto_train = models.BooleanField(default=False)
    check_every_minutes = models.PositiveIntegerField(default=60)
    min_new_signals = models.PositiveIntegerField(default=100)
    recipe = models.CharField(max_length=16, choices=Recipe.choices, default=Recipe.DPO)
    dataset_recipe = models.JSONField(default=dict)
    training_config = models.JSONField(default=dict)
    auto_publish = models.BooleanField(default=False)
    # Gate name -> threshold; a missing or null gate is not checked. See loop.gates.
    gates = models.JSONField(default=dict)
    eval_llmbar_per_subset = models.PositiveIntegerField(
        null=True,
        blank=True,
        default=25,
        help_text="LLMBar pairs scored per subset (the first n); empty: all.",
    )
    last_checked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"policy of {self.line_id}"


class PublishAction(models.TextChoices):
    PUBLISH = "publish", "Published (gates passed)"
    OVERRIDE = "override", "Published over failed gates"
    ROLLBACK = "rollback", "Rolled back"
    REFUSED = "refused", "Refused by the gates"
    SEED = "seed", "Installed as the line's first version"


class PublishDecision(models.Model):
    """Audit row for every publish, override, rollback and refusal; never edited."""

    version = models.ForeignKey(
        "registry.ModelVersion", on_delete=models.PROTECT, related_name="publish_decisions"
    )
    replaced = models.ForeignKey(
        "registry.ModelVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(max_length=16, choices=PublishAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    gate_failures = models.JSONField(default=list)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.version_id}"
