"""Permissions read from the cache: every API request checks a role permission, and reading it
from PostgreSQL took two queries (the user's own and their groups' permissions) per request.

The cached set is per user and is dropped whenever what it is computed from changes: the user
row (superuser, active), their groups, their own permissions, a group's permissions, a group or
a permission deleted. The key holds the user's join time beside the id, so a database that is
recreated (ids start again) never meets an older database's entries. A TTL bounds anything the
signals cannot see (raw SQL on the permission tables).
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save, pre_delete

TTL_S = 300


def _key(user_id: int, joined: float) -> str:
    return f"accounts:perms:{user_id}:{joined:.6f}"


def _keys_of(user_ids: list[int]) -> list[str]:
    return [
        _key(pk, joined.timestamp())
        for pk, joined in User.objects.filter(pk__in=user_ids).values_list("pk", "date_joined")
    ]


class CachedModelBackend(ModelBackend):
    """Django's ModelBackend, with each user's permission set cached across requests."""

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = _key(user_obj.pk, user_obj.date_joined.timestamp())
            cached = cache.get(key)
            if cached is None:
                cached = super().get_all_permissions(user_obj)
                # Stored only once the transaction that read it commits: a set read inside a
                # transaction that changes roles and then rolls back must not outlive it.
                transaction.on_commit(lambda: cache.set(key, cached, TTL_S))
            user_obj._perm_cache = set(cached)
        perms: set[str] = user_obj._perm_cache
        return perms


def _forget(user_ids: list[int]) -> None:
    keys = _keys_of(user_ids)
    if keys:
        # Now, for reads later in this transaction, and again after the commit, for any
        # request that read the old rows meanwhile and cached them.
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def _user_saved(sender: Any, instance: User, **kwargs: Any) -> None:
    # is_superuser and is_active decide permissions too.
    _forget([instance.pk])


def _holders(group_ids: set[int] | None = None, permission: Permission | None = None) -> list[int]:
    """Users in the groups, or holding the permission themselves or through a group."""
    if permission is not None:
        users = User.objects.filter(
            Q(groups__permissions=permission) | Q(user_permissions=permission)
        )
    else:
        users = User.objects.filter(groups__in=group_ids or set())
    return list(users.values_list("pk", flat=True).distinct())


def _memberships_changed(
    sender: Any, instance: Any, action: str, pk_set: set[int] | None = None, **kwargs: Any
) -> None:
    # pre_clear: the rows that clear() removes are still there to be read.
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if isinstance(instance, User):  # user.groups.* or user.user_permissions.*
        users = [instance.pk]
    elif isinstance(instance, Group):  # group.user_set.* or group.permissions.*
        if sender is User.groups.through and pk_set is not None:
            users = list(pk_set)
        else:
            users = _holders(group_ids={instance.pk})
    elif sender is User.user_permissions.through and pk_set is not None:  # permission.user_set
        users = list(pk_set)
    else:  # permission.group_set.*
        users = _holders(group_ids=pk_set) + _holders(permission=instance)
    _forget(users)


def _group_deleted(sender: Any, instance: Group, **kwargs: Any) -> None:
    # Before the delete: its memberships go without m2m signals.
    _forget(_holders(group_ids={instance.pk}))


def _permission_deleted(sender: Any, instance: Permission, **kwargs: Any) -> None:
    _forget(_holders(permission=instance))


def permission_cache_connect() -> None:
    post_save.connect(_user_saved, sender=User, dispatch_uid="accounts.perms.user")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            _memberships_changed, sender=through, dispatch_uid=f"accounts.perms.{through.__name__}"
        )
    pre_delete.connect(_group_deleted, sender=Group, dispatch_uid="accounts.perms.group")
    pre_delete.connect(
        _permission_deleted, sender=Permission, dispatch_uid="accounts.perms.permission"
    )
