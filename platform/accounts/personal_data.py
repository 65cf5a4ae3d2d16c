"""What the platform holds about a person, gathered for export.

Apps that store personal data register an exporter in their AppConfig.ready(), so accounts
needs no knowledge of them.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User

Exporter = Callable[[User], Any]
_exporters: dict[str, Exporter] = {}


def exporter_register(section: str, exporter: Exporter) -> None:
    _exporters[section] = exporter


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
    for section, exporter in sorted(_exporters.items()):
        data[section] = exporter(user)
    return data
