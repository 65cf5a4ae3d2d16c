"""What the platform holds about a person, gathered for export.

Apps that store personal data give an exporter per section through their activity
(activities.interface.Activity.personal_data_exporters), so accounts needs no knowledge of them.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User

from activities.installed import contributions_merged

Exporter = Callable[[User], Any]


def personal_data_export(*, user: User) -> dict[str, Any]:
    from accounts.roles import roles_of
    from accounts.services import profile_get

    profile = profile_get(user=user)
    data: dict[str, Any] = {
        "account": {
            "id": user.pk,
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": [role.value for role in roles_of(user)],
        },
        "profile": {
            "consent_given": profile.consent_given,
            "consent_at": profile.consent_at.isoformat() if profile.consent_at else None,
            **{name: getattr(profile, name) for name in profile.BACKGROUND_FIELDS},
        },
    }
    exporters = contributions_merged(
        "Personal data section", lambda activity: activity.personal_data_exporters()
    )
    for section, exporter in sorted(exporters.items()):
        data[section] = exporter(user)
    return data
