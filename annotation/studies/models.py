"""A research study: a reproducible experiment run through the platform's own loop."""

from django.conf import settings
from django.db import models


class StudyStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    WAITING = "waiting", "Waiting for platform work (training runs, debates)"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


class Study(models.Model):
    """One run of a study kind with typed parameters, stepping through `kind.steps(params)`.

    Steps are idempotent and each runs in its own task: `step_index` is the next step to run,
    and `state` holds what finished steps produced (ids of the rows they created, numbers), so a
    task redelivered after its worker was killed runs its step again without duplicating work.
    """

    kind = models.CharField(max_length=32)
    params = models.JSONField(help_text="The kind's parameters, validated and with defaults.")
    status = models.CharField(
        max_length=16, choices=StudyStatus.choices, default=StudyStatus.QUEUED
    )
    step_index = models.PositiveIntegerField(default=0)
    steps = models.JSONField(default=list, help_text="The step names, fixed at creation.")
    state = models.JSONField(default=dict, blank=True)
    # Bumped each time a step task is sent; a task carrying an older number is a stale
    # redelivery (its worker died after the study moved on) and does nothing.
    dispatch = models.PositiveIntegerField(default=0)
    # When the task of the current `dispatch` is due (its countdown included), and the last
    # dispatch a task claimed to run its step. A due dispatch that no task claims for long is a
    # task that never reached the broker (the process died between the commit and the send,
    # which broker leases cannot see); services/steps.studies_resume sends it again.
    dispatch_due_at = models.DateTimeField(null=True, blank=True)
    claimed_dispatch = models.PositiveIntegerField(default=0)
    waiting = models.JSONField(
        default=dict, blank=True, help_text="While waiting: the runs waited for and why."
    )
    message = models.CharField(max_length=500, blank=True, help_text="The latest progress line.")
    code_version = models.CharField(max_length=64, blank=True)
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    runs = models.ManyToManyField("loop.TrainingRun", blank=True, related_name="studies")
    snapshots = models.ManyToManyField("loop.DatasetSnapshot", blank=True, related_name="studies")
    versions = models.ManyToManyField("registry.ModelVersion", blank=True, related_name="studies")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "studies"
        permissions = [("run_study", "Can start and cancel research studies")]

    def __str__(self) -> str:
        return f"study #{self.pk} {self.kind} ({self.status})"


FINISHED_STUDY_STATUSES = (StudyStatus.DONE, StudyStatus.FAILED, StudyStatus.CANCELLED)


class Measurement(models.Model):
    """One number a study measured of a model version (an accuracy on a snapshot's rows, on
    LLMBar), stored once per (study, version, name): a step that runs again finds it."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="measurements")
    version = models.ForeignKey(
        "registry.ModelVersion", on_delete=models.PROTECT, related_name="study_measurements"
    )
    name = models.CharField(max_length=64)
    snapshot = models.ForeignKey(
        "loop.DatasetSnapshot",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="study_measurements",
        help_text="The rows measured on; empty for a data folder such as LLMBar.",
    )
    value = models.FloatField(null=True, blank=True)
    count = models.PositiveIntegerField(default=0, help_text="Rows or pairs the value rests on.")
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["study", "version", "name"], name="study_measurement_once"
            )
        ]
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name} of {self.version_id} in study #{self.study_id}"
