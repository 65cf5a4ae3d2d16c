"""Which rater group a person belongs to, by one consented background field of their profile.

Quotas see everyone: a rater without consent, or who left the field blank, is in UNDISCLOSED.
Per-group results see only consenting profiles with a value (groups_consented).
"""

from collections.abc import Collection

from accounts.models import RaterProfile
from diversity.models import UNDISCLOSED, GroupField


def group_key(value: str) -> str:
    """One spelling per group: free-text fields ("EU", " eu") compare as the same group."""
    return value.strip().casefold()


def _values(profile: RaterProfile, field: str) -> list[str]:
    raw = getattr(profile, field)
    values = raw if isinstance(raw, list) else [raw]
    # A set: "EN" and "en" listed twice are one language.
    return sorted({group_key(v) for v in values if v and v.strip()})


def groups_of(
    user_ids: Collection[int], fields: Collection[str]
) -> dict[int, dict[str, list[str]]]:
    """user id -> field -> the groups the user is in (languages may give several)."""
    profiles = {
        p.user_id: p
        for p in RaterProfile.objects.filter(user_id__in=user_ids, consent_given=True).only(
            "user_id", *fields
        )
    }
    result: dict[int, dict[str, list[str]]] = {}
    for user_id in user_ids:
        profile = profiles.get(user_id)
        result[user_id] = {
            field: (_values(profile, field) if profile is not None else []) or [UNDISCLOSED]
            for field in fields
        }
    return result


def groups_consented(user_ids: Collection[int], field: GroupField) -> dict[int, list[str]]:
    """user id -> groups, for consenting profiles that gave a value; everyone else is absent."""
    profiles = RaterProfile.objects.filter(user_id__in=user_ids, consent_given=True).only(
        "user_id", field
    )
    groups = {p.user_id: _values(p, field) for p in profiles}
    return {user_id: values for user_id, values in groups.items() if values}
