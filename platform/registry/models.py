from django.db import models

from registry.lines import UNTRAINED_DEMO_BASE


class ModelLine(models.Model):
    """A role a model plays (debater, judge, ...), served by one published version at a time."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.slug


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    EVALUATING = "evaluating", "Evaluating"
    PUBLISHED = "published", "Published"
    RETIRED = "retired", "Retired"


class ModelVersion(models.Model):
    """An immutable model artefact with its lineage; only `status` and `metrics` ever change."""

    line = models.ForeignKey(ModelLine, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    base = models.CharField(max_length=200, help_text="Base model name or hub id.")
    uri = models.CharField(max_length=500, help_text="Local folder, or a URI the workers can read.")
    status = models.CharField(
        max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    metrics = models.JSONField(default=dict, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    training_run_ref = models.CharField(max_length=64, blank=True)
    dataset_hash = models.CharField(max_length=64, blank=True)
    code_version = models.CharField(max_length=64, blank=True)
    artifact_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        permissions = [("publish_modelversion", "Can publish and roll back model versions")]
        constraints = [
            models.UniqueConstraint(fields=["line", "number"], name="model_version_number"),
            # At most one published version per line; publishing swaps inside one transaction.
            models.UniqueConstraint(
                fields=["line"],
                condition=models.Q(status="published"),
                name="model_line_one_published",
            ),
        ]
        ordering = ["line", "-number"]

    def __str__(self) -> str:
        return f"{self.line.slug} v{self.number}"

    @property
    def untrained_demo(self) -> bool:
        """Built from the tiny demo model (a fine-tuned child keeps its parent's base)."""
        return self.base == UNTRAINED_DEMO_BASE

    @property
    def served_name(self) -> str:
        """The name under which an OpenAI-compatible server (vLLM) serves this version."""
        return f"{self.line.slug}-v{self.number}"
