"""Role changes have no service of their own (the Django admin and scripts edit a user's
groups directly), so the log hears them from the membership signal."""

from typing import Any

from django.contrib.auth.models import Group, User
from django.db.models.signals import m2m_changed

from accounts.roles import Role
from audit.models import AuditAction
from audit.services import audit_record

_ROLE_NAMES = {role.value for role in Role}


def _roles_changed(
    sender: Any,
    instance: User | Group,
    action: str,
    pk_set: set[int] | None = None,
    **kwargs: Any,
) -> None:
    # pre_clear: the memberships that clear() removes can still be read.
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    verb = "added" if action == "post_add" else "removed"
    if isinstance(instance, User):
        groups = Group.objects.filter(pk__in=pk_set) if pk_set else instance.groups.all()
        changes = [(instance, g.name) for g in groups if g.name in _ROLE_NAMES]
    else:
        if instance.name not in _ROLE_NAMES:
            return
        users = User.objects.filter(pk__in=pk_set) if pk_set else instance.user_set.all()
        changes = [(user, instance.name) for user in users]
    for user, role in changes:
        audit_record(
            action=AuditAction.ROLE_CHANGE,
            # The signal does not know who made the change; the Django admin's own history does.
            actor=None,
            target=user,
            summary=f"{user.username}: role {role} {verb}",
            details={"role": role, "change": verb},
        )


def audit_receivers_connect() -> None:
    m2m_changed.connect(
        _roles_changed, sender=User.groups.through, dispatch_uid="audit.roles_changed"
    )
