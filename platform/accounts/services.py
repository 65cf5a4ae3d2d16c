from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import RaterProfile


def profile_get(*, user: User) -> RaterProfile:
    profile, _ = RaterProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_update(*, user: User, changes: dict[str, Any]) -> RaterProfile:
    """Apply validated profile changes; background data is kept only while consent is given.

    Withdrawing consent erases the background fields in the same transaction.
    """
    profile, _ = RaterProfile.objects.select_for_update().get_or_create(user=user)
    consent = changes.get("consent_given", profile.consent_given)
    background = {k: v for k, v in changes.items() if k in RaterProfile.BACKGROUND_FIELDS}
    if not consent:
        given = {k: v for k, v in background.items() if v not in ("", [], None)}
        if given:
            raise ValidationError(
                {
                    name: "Tick the consent box before sharing background information."
                    for name in given
                }
            )
        _erase_background(profile)
    elif not profile.consent_given:
        profile.consent_at = timezone.now()
    profile.consent_given = consent
    for name, value in background.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def profile_erase(*, user: User) -> RaterProfile:
    profile, _ = RaterProfile.objects.select_for_update().get_or_create(user=user)
    _erase_background(profile)
    profile.consent_given = False
    profile.save()
    return profile


def _erase_background(profile: RaterProfile) -> None:
    profile.consent_at = None
    profile.languages = []
    profile.region = profile.expertise = profile.age_band = profile.perspective = ""
