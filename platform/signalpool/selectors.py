from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet

from signalpool.models import IMPORTED, Signal


def signals_query(
    *,
    kind: str | None = None,
    source: str | None = None,
    item_type: str | None = None,
    item_id: str | None = None,
    dataset: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> QuerySet[Signal]:
    """Signals filtered by what researchers and dataset recipes ask for, newest first."""
    qs = Signal.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if source == "human":
        qs = qs.filter(source_user__isnull=False)
    elif source == "model":
        qs = qs.filter(source_model__isnull=False)
    elif source == IMPORTED:
        qs = qs.exclude(source_dataset="")
    if dataset:
        qs = qs.filter(source_dataset=dataset)
    if item_type:
        qs = qs.filter(item_type=item_type)
    if item_id:
        qs = qs.filter(item_id=item_id)
    if since:
        qs = qs.filter(created_at__gte=since)
    if until:
        qs = qs.filter(created_at__lt=until)
    return qs.order_by("-created_at", "-id")


def signals_of_user_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "id": s.pk,
            "kind": s.kind,
            "item_type": s.item_type,
            "item_id": s.item_id,
            "payload": s.payload,
            "created_at": s.created_at.isoformat(),
        }
        for s in Signal.objects.filter(source_user=user).order_by("id").iterator()
    ]
