"""Writing the platform-wide audit log. Callers pass what happened; the row joins their
transaction, so an action that rolls back leaves no entry and a committed one always has one."""

from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model

from audit.models import AuditAction, AuditEntry


def audit_record(
    *,
    action: AuditAction,
    actor: User | None,
    target: Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    summary: str,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Store one entry. The object is `target` (its model name and pk) or type and id given."""
    if target is not None:
        object_type = object_type or target._meta.model_name or ""
        object_id = object_id or target.pk
    return AuditEntry.objects.create(
        action=action,
        actor=actor,
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:500],
        details=details or {},
    )
