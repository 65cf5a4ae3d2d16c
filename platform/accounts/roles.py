"""Roles are Django groups; what each role may do is a set of model permissions."""

from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AnonymousUser, Group, Permission, User


class Role(StrEnum):
    RATER = "rater"
    RESEARCHER = "researcher"
    ADMIN = "admin"


# "app_label.codename" for every permission a role grants. Apps add their own here as they grow.
ROLE_PERMISSIONS: dict[Role, set[str]] = {
    Role.RATER: {
        "accounts.take_rating_work",
        "principles.view_constitutionversion",
        "principles.add_proposal",
        "principles.add_vote",
    },
    Role.RESEARCHER: {
        "principles.view_constitutionversion",
        "principles.add_proposal",
        "principles.add_vote",
        "principles.manage_votinground",
        "signalpool.view_signal",
        "registry.view_modelversion",
        "llm.add_generation",
        "llm.view_serving",
        "loop.view_trainingrun",
        "debates.run_debate",
        "debates.view_debate_analytics",
        "hazards.view_campaign",
        "hazards.run_campaign",
        "hazards.add_taxonomy",
        "studies.run_study",
        "audit.view_auditentry",
        "principles.add_polisconversation",
        "trust.view_ratertrust",
        "webhooks.manage_webhookendpoint",
    },
    Role.ADMIN: {
        "principles.view_constitutionversion",
        "principles.manage_votinground",
        "signalpool.view_signal",
        "registry.view_modelversion",
        "registry.publish_modelversion",
        "llm.add_generation",
        "ops.view_workerheartbeat",
        "llm.view_serving",
        "loop.view_trainingrun",
        "loop.run_training",
        "loop.cancel_trainingrun",
        "debates.run_debate",
        "debates.view_debate_analytics",
        "studies.run_study",
        "audit.view_auditentry",
        "trust.view_ratertrust",
        "webhooks.manage_webhookendpoint",
    },
}


def roles_of(user: User | AnonymousUser) -> list[Role]:
    if not isinstance(user, User):
        return []
    if user.is_superuser:
        return [Role.RATER, Role.RESEARCHER, Role.ADMIN]
    names = set(Group.objects.filter(user=user).values_list("name", flat=True))
    return [role for role in Role if role.value in names]


def roles_sync() -> None:
    """Create the role groups and give each exactly its permissions (idempotent)."""
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = []
        for perm in sorted(perms):
            app_label, codename = perm.split(".", 1)
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


def roles_sync_after_migrate(sender: Any, **kwargs: Any) -> None:
    try:
        roles_sync()
    except Permission.DoesNotExist:
        # A partial migrate (one app) may run before other apps' permissions exist.
        return
