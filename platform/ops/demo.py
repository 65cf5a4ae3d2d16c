"""Demo content for `make run`: role accounts and the tiny model as every line's version 1.

Running it again adds nothing twice. Activities add their own demo content by registering a
loader in their AppConfig.ready(); each loader must itself be idempotent.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import Role, roles_sync
from registry.services import models_bootstrap


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


DemoLoader = Callable[[], None]
_loaders: list[DemoLoader] = []


def demo_loader_register(loader: DemoLoader) -> None:
    if loader not in _loaders:
        _loaders.append(loader)


def demo_load() -> list[DemoLogin]:
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
    for loader in _loaders:
        loader()
    return list(DEMO_LOGINS)
