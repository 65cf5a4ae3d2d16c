from django.conf import settings
from django.contrib.postgres.indexes import BrinIndex
from django.db import models
from django.utils import timezone

from signalpool.kinds import SignalKind

IMPORTED = "imported"


class Signal(models.Model):
    """One supervision signal from a person, a model or an imported dataset: append-only,
    corrections are new rows.

    Exactly one source per row: a platform user, a model version, or an imported dataset with
    the pseudonym its annotator had there (imported annotators are not platform users: they
    have no account here, so personal-data export and erasure never concern them).
    The database refuses UPDATE and DELETE on this table (trigger in migration 0002).
    """

    kind = models.CharField(max_length=32, choices=SignalKind.choices)
    source_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signals",
    )
    source_model = models.ForeignKey(
        "registry.ModelVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signals",
    )
    source_dataset = models.CharField(
        max_length=64, blank=True, default="", help_text="Imported: the dataset's name."
    )
    source_annotator = models.CharField(
        max_length=128,
        blank=True,
        default="",
        help_text="Imported: the annotator's pseudonym in that dataset.",
    )
    # What the signal is about, as "app.model" and its primary key: signals outlive schema
    # changes of the activities, so this is a plain reference rather than a foreign key.
    item_type = models.CharField(max_length=64)
    item_id = models.CharField(max_length=64)
    payload = models.JSONField()
    constitution_version = models.PositiveIntegerField(null=True, blank=True)
    taxonomy_version = models.PositiveIntegerField(null=True, blank=True)
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    idempotency_key = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="signal_exactly_one_source",
                condition=(
                    models.Q(
                        source_user__isnull=False,
                        source_model__isnull=True,
                        source_dataset="",
                        source_annotator="",
                    )
                    | models.Q(
                        source_user__isnull=True,
                        source_model__isnull=False,
                        source_dataset="",
                        source_annotator="",
                    )
                    | (
                        models.Q(source_user__isnull=True, source_model__isnull=True)
                        & ~models.Q(source_dataset="")
                        & ~models.Q(source_annotator="")
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["source_user", "idempotency_key"],
                condition=models.Q(source_user__isnull=False),
                name="signal_idempotent_per_user",
            ),
            models.UniqueConstraint(
                fields=["source_model", "idempotency_key"],
                condition=models.Q(source_model__isnull=False),
                name="signal_idempotent_per_model",
            ),
            # An imported source is the dataset and the annotator's pseudonym in it.
            models.UniqueConstraint(
                fields=["source_dataset", "source_annotator", "idempotency_key"],
                condition=~models.Q(source_dataset=""),
                name="signal_idempotent_per_import",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "created_at"], name="signal_kind_time"),
            models.Index(fields=["item_type", "item_id", "kind"], name="signal_item"),
            models.Index(fields=["source_user", "created_at"], name="signal_user_time"),
            models.Index(fields=["source_model", "created_at"], name="signal_model_time"),
            models.Index(
                fields=["source_dataset", "created_at"],
                condition=~models.Q(source_dataset=""),
                name="signal_import_time",
            ),
            # Time-ordered appends make a BRIN index tiny and fast for window scans.
            BrinIndex(fields=["created_at"], name="signal_time_brin"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} on {self.item_type}:{self.item_id}"

    @property
    def source_kind(self) -> str:
        if self.source_user_id:
            return "human"
        return "model" if self.source_model_id else IMPORTED

    @property
    def rater(self) -> str:
        """Who gave it, one spelling per source, for agreement and rater quality."""
        return rater_key(
            self.source_user_id, self.source_model_id, self.source_dataset, self.source_annotator
        )


def rater_key(user_id: int | None, model_id: int | None, dataset: str, annotator: str) -> str:
    """Signal.rater from a signal's source columns (snapshots read them without instances)."""
    if user_id:
        return f"user:{user_id}"
    if model_id:
        return f"model:{model_id}"
    return f"import:{dataset}:{annotator}"
