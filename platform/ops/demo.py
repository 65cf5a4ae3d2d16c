"""Demo content for `make run`: role accounts, the tiny model as every line's version 1, and
real preference data to learn from.

The first DEMO_HH_RLHF_PAIRS usable pairs of the shipped HH-RLHF file become imported
preference signals, so the first admin-triggered DPO run (kinds ["preference"]) has training
and held-out pairs (about a fifth held out) and its gates measure something. The activities'
loaders add the rest: NYU debate judgements, XSTest completions with both annotators' labels.

Running it again adds nothing twice. Activities add their own demo content through their
activity's demo loader (activities.interface.Activity.demo_loader), in settings.ACTIVITIES
order; each loader must itself be idempotent.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import Role, roles_sync
from activities.installed import activities_installed
from loop.services.bootstrap import models_bootstrap
from signalpool.hh_rlhf import hh_rlhf_import


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    roles: tuple[Role, ...]


DEMO_LOGINS = (
    DemoLogin("admin", "admin-demo-pass", (Role.ADMIN, Role.RESEARCHER)),
    DemoLogin("researcher", "researcher-demo-pass", (Role.RESEARCHER,)),
    DemoLogin("rater1", "rater1-demo-pass", (Role.RATER,)),
    DemoLogin("rater2", "rater2-demo-pass", (Role.RATER,)),
    DemoLogin("rater3", "rater3-demo-pass", (Role.RATER,)),
)


# Enough pairs for a held-out split the preference gate can measure, few enough that loading
# stays well under a second (it runs in tests and at every `make run`).
DEMO_HH_RLHF_PAIRS = 100

DemoLoader = Callable[[], None]


class DemoRefused(Exception):
    """Demo accounts have published passwords, so they are never created with DEBUG off."""


def demo_load() -> list[DemoLogin]:
    if not settings.DEBUG:
        raise DemoRefused(
            "demo accounts are refused with DEBUG off: their passwords are public "
            "(create real accounts with `manage.py createsuperuser`)."
        )
    roles_sync()
    users = get_user_model()
    for login in DEMO_LOGINS:
        user, created = users.objects.get_or_create(username=login.username)
        if created:
            user.set_password(login.password)
            user.is_staff = Role.ADMIN in login.roles
            user.save()
        user.groups.add(*Group.objects.filter(name__in=[r.value for r in login.roles]))
    models_bootstrap()
    hh_rlhf_import(limit=DEMO_HH_RLHF_PAIRS)
    for activity in activities_installed():
        loader = activity.demo_loader()
        if loader is not None:
            loader()
    return list(DEMO_LOGINS)
