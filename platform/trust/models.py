"""What the platform knows of how far to trust a rater: how long they looked at each item they
submitted, and the trust score computed per activity from that and what the activities measured.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SubmissionTiming(models.Model):
    """How long a person had an item visible and focused before submitting it: one row per
    signal they gave through an activity's submission endpoint.

    `too_fast` is decided when the submission arrives, against the floor configured then
    (`floor_ms`, kept so that a later change of the setting does not rewrite history). A
    submission that sent no dwell (a script through the API) has no row: the pages always
    send one.
    """

    signal = models.OneToOneField(
        "signalpool.Signal", on_delete=models.PROTECT, related_name="timing"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submission_timings"
    )
    # The activity the submission belongs to ("debates"): the trust score is per activity.
    activity = models.CharField(max_length=32)
    kind = models.CharField(max_length=32, help_text="The submission's signal kind.")
    dwell_ms = models.PositiveIntegerField()
    floor_ms = models.PositiveIntegerField()
    too_fast = models.BooleanField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["activity", "user"], name="timing_activity_user"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id}: {self.dwell_ms} ms"


class RaterTrust(models.Model):
    """A rater's trust score in one activity, as one computation found it.

    Rows are appended, never edited: a computation writes a row only where the figures changed
    since the rater's latest one, so `computed_at` says since when these figures hold. A
    snapshot reads the latest row before its window's end, so rebuilding it later gives the
    same rows. A component is None where nothing measured it (no gold items, nobody to agree
    with, no timed submission).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trust_scores"
    )
    activity = models.CharField(max_length=32)
    score = models.FloatField(help_text="In [0, 1]: see trust.components.trust_score.")
    gold_accuracy = models.FloatField(null=True, blank=True)
    gold_items = models.PositiveIntegerField(default=0)
    agreement = models.FloatField(null=True, blank=True)
    agreement_items = models.PositiveIntegerField(default=0)
    fast_share = models.FloatField(null=True, blank=True)
    timed_submissions = models.PositiveIntegerField(default=0)
    fast_submissions = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "activity", "computed_at"], name="trust_once_per_computation"
            ),
            models.CheckConstraint(
                name="trust_score_is_a_fraction",
                condition=models.Q(score__gte=0.0, score__lte=1.0),
            ),
        ]
        indexes = [
            models.Index(fields=["activity", "user", "-computed_at"], name="trust_latest"),
        ]

    def __str__(self) -> str:
        return f"trust of {self.user_id} in {self.activity}: {self.score:.2f}"
