from django.conf import settings
from django.db import models


class GenerationStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class Generation(models.Model):
    """A prompt sent to a model line's published version from the playground, and its output."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="generations"
    )
    model_version = models.ForeignKey(
        "registry.ModelVersion", on_delete=models.PROTECT, related_name="generations"
    )
    prompt = models.TextField(max_length=20000)
    params = models.JSONField(default=dict)
    status = models.CharField(
        max_length=16, choices=GenerationStatus.choices, default=GenerationStatus.QUEUED
    )
    output = models.TextField(blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["requested_by", "-created_at"], name="generation_user")]

    def __str__(self) -> str:
        return f"generation #{self.pk} ({self.status})"


class EndpointState(models.TextChoices):
    STOPPED = "stopped", "No server"
    STARTING = "starting", "Server starting, loading weights"
    READY = "ready", "Serving"
    DRAINING = "draining", "Finishing its requests before it stops"
    FAILED = "failed", "Server failed"


class ServingEndpoint(models.Model):
    """The OpenAI-compatible server (vLLM) of one model version, as the serving agent runs it.

    Rows outlive their servers: a stopped endpoint is started again when its version is wanted
    once more (a rollback, or a debate still pinned to it).
    """

    version = models.OneToOneField(
        "registry.ModelVersion", on_delete=models.PROTECT, related_name="endpoint"
    )
    agent = models.CharField(max_length=200, blank=True, help_text="Serving agent in charge.")
    base_url = models.CharField(max_length=300, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(
        max_length=16, choices=EndpointState.choices, default=EndpointState.STOPPED
    )
    error = models.TextField(blank=True)
    # Generations that ask for a version which is not its line's current one keep it served
    # (or get it started) for SERVING_IDLE_S after their last request.
    requested_at = models.DateTimeField(null=True, blank=True)
    state_since = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    ready_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["version_id"]
        permissions = [("view_serving", "Can see which versions are served and where")]

    def __str__(self) -> str:
        return f"endpoint of {self.version} ({self.state})"


class ServingRoute(models.Model):
    """Which version a line's generation goes to: the published one once its server is ready."""

    line = models.OneToOneField(
        "registry.ModelLine", on_delete=models.CASCADE, related_name="serving_route"
    )
    version = models.ForeignKey(
        "registry.ModelVersion", on_delete=models.PROTECT, related_name="routes"
    )
    switched_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.line} -> {self.version}"
