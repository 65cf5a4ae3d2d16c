from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models


class AgeBand(models.TextChoices):
    UNSPECIFIED = "", "Prefer not to say"
    A18_24 = "18-24", "18-24"
    A25_34 = "25-34", "25-34"
    A35_44 = "35-44", "35-44"
    A45_54 = "45-54", "45-54"
    A55_64 = "55-64", "55-64"
    A65_PLUS = "65+", "65+"


class RaterProfile(models.Model):
    """Optional background of a rater: personal data, stored only while consent is given."""

    BACKGROUND_FIELDS = ("languages", "region", "expertise", "age_band", "perspective")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rater_profile"
    )
    consent_given = models.BooleanField(default=False)
    consent_at = models.DateTimeField(null=True, blank=True)
    languages = ArrayField(models.CharField(max_length=35), default=list, blank=True, size=20)
    region = models.CharField(max_length=100, blank=True)
    expertise = models.CharField(max_length=200, blank=True)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices, blank=True)
    perspective = models.TextField(max_length=2000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        permissions = [("take_rating_work", "Can take rating work (judging, labelling, voting)")]
        constraints = [
            models.CheckConstraint(
                name="rater_profile_background_needs_consent",
                condition=models.Q(consent_given=True)
                | (
                    models.Q(languages=[])
                    & models.Q(region="")
                    & models.Q(expertise="")
                    & models.Q(age_band="")
                    & models.Q(perspective="")
                ),
            )
        ]

    def __str__(self) -> str:
        return f"profile of {self.user}"
