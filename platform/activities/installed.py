"""The installed activities: `settings.ACTIVITIES`, imported once.

This is where the platform finds what plugs into it (activities.interface). Tests change the
list with pytest-django's `settings` fixture or `override_settings`; the list is loaded again
then.
"""

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from activities.interface import Activity

T = TypeVar("T")


@cache
def activities_installed() -> tuple[Activity, ...]:
    """One instance of each class named in settings.ACTIVITIES, in that order."""
    installed: list[Activity] = []
    for path in settings.ACTIVITIES:
        activity = import_string(path)()
        if not isinstance(activity, Activity):
            raise ImproperlyConfigured(
                f"ACTIVITIES names {path}, which does not implement activities.interface.Activity."
            )
        if any(other.name == activity.name for other in installed):
            raise ImproperlyConfigured(f"ACTIVITIES names two activities called {activity.name!r}.")
        installed.append(activity)
    return tuple(installed)


@receiver(setting_changed)
def _activities_reload(*, setting: str, **kwargs: Any) -> None:
    if setting == "ACTIVITIES":
        activities_installed.cache_clear()


def contributions_merged(what: str, member: Callable[[Activity], Mapping[str, T]]) -> dict[str, T]:
    """Every activity's named contributions to one extension point, in one mapping.

    A name given by two activities is refused rather than letting one silently win.
    """
    merged: dict[str, T] = {}
    owner: dict[str, str] = {}
    for activity in activities_installed():
        for key, value in member(activity).items():
            if key in merged:
                raise ImproperlyConfigured(
                    f"{what} {key!r} is given by both {owner[key]!r} and {activity.name!r}."
                )
            merged[key] = value
            owner[key] = activity.name
    return merged
