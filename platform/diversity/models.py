"""Quota plans: per activity object (a hazard campaign, a debate question set, a voting round),
how many submissions each rater group may or must give.

A plan is linked by (activity, object id) so this platform app needs no foreign key into an
activity app; the activity says what its objects are and what a submission is through
`activities.interface.Activity.quota_scopes` (diversity.scopes).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

# Raters who gave no consent, or left the field blank, form this group; quotas may cap it too.
UNDISCLOSED = "undisclosed"


class GroupField(models.TextChoices):
    """The consented background fields of accounts.RaterProfile that quotas and results group by
    (perspective is free text, not a group)."""

    REGION = "region", "Region"
    LANGUAGES = "languages", "Languages"
    EXPERTISE = "expertise", "Expertise"
    AGE_BAND = "age_band", "Age band"


class QuotaPlan(models.Model):
    activity = models.CharField(max_length=32)
    object_id = models.PositiveIntegerField()
    # Shares are shares of this many submissions; without it, of what the activity plans
    # (a campaign's responses x labels per item, a question set's judge places).
    planned_total = models.PositiveIntegerField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "object_id"], name="quota_plan_per_object")
        ]

    def __str__(self) -> str:
        return f"quotas of {self.activity} #{self.object_id}"


class Quota(models.Model):
    """One group's limits: counts and shares of the plan's total, each optional."""

    plan = models.ForeignKey(QuotaPlan, on_delete=models.CASCADE, related_name="quotas")
    field = models.CharField(max_length=16, choices=GroupField.choices)
    # Compared case-insensitively with the raters' values (diversity.groups.group_key).
    value = models.CharField(max_length=200)
    min_count = models.PositiveIntegerField(null=True, blank=True)
    max_count = models.PositiveIntegerField(null=True, blank=True)
    min_share = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)]
    )
    max_share = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)]
    )

    class Meta:
        ordering = ["field", "value"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "field", "value"], name="quota_once_per_group"),
            models.CheckConstraint(
                name="quota_shares_in_range",
                condition=(Q(min_share__isnull=True) | Q(min_share__gte=0, min_share__lte=1))
                & (Q(max_share__isnull=True) | Q(max_share__gte=0, max_share__lte=1)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.field}={self.value} in {self.plan}"
