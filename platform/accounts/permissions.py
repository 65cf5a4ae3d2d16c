from typing import Any

from django.contrib.auth.models import User
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


def authenticated_user(request: Request) -> User:
    """The request's user, for views whose permission classes already required a login."""
    if not isinstance(request.user, User):
        raise NotAuthenticated()
    return request.user


def permission_required(perm: str) -> type[BasePermission]:
    """A DRF permission class granting access to users who hold `perm` through their role."""

    class HasPermission(BasePermission):
        message = f"Your role does not allow this ({perm})."

        def has_permission(self, request: Request, view: Any) -> bool:
            return bool(request.user and request.user.has_perm(perm))

    HasPermission.__name__ = f"Has_{perm.replace('.', '_')}"
    return HasPermission
