"""Hazard taxonomy versions: append-only, the highest number is the current one."""

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.hazards import taxonomy_default
from annotation.hazards.models import Category, Taxonomy
from audit.models import AuditAction
from audit.services import audit_record


@transaction.atomic
def taxonomy_create(
    *,
    categories: Sequence[dict[str, Any]],
    severity_scale: Sequence[dict[str, Any]],
    note: str = "",
    user: User | None = None,
) -> Taxonomy:
    """Add the next taxonomy version; it becomes the current one."""
    codes = [c["code"] for c in categories]
    if not codes:
        raise ValidationError({"categories": "Give at least one category."})
    if len(set(codes)) != len(codes):
        raise ValidationError({"categories": "Category codes must be unique."})
    levels = sorted(int(level["level"]) for level in severity_scale)
    if levels != list(range(len(levels))) or len(levels) < 2:
        raise ValidationError({"severity_scale": "Levels must run 0, 1, 2, ... (two at least)."})
    # Lock the table's newest row so two researchers cannot take the same number.
    latest = Taxonomy.objects.select_for_update().order_by("-number").first()
    taxonomy = Taxonomy.objects.create(
        number=(latest.number + 1) if latest else 1,
        note=note,
        severity_scale=list(severity_scale),
        created_by=user,
    )
    Category.objects.bulk_create(
        Category(
            taxonomy=taxonomy,
            code=c["code"],
            name=c["name"],
            definition=c["definition"],
            examples=list(c.get("examples", [])),
        )
        for c in categories
    )
    audit_record(
        action=AuditAction.TAXONOMY_EDIT,
        actor=user,
        target=taxonomy,
        object_id=taxonomy.number,
        summary=f"Hazard taxonomy v{taxonomy.number}: {len(codes)} categories"
        + (f" ({note})" if note else ""),
        details={"categories": codes, "levels": len(levels)},
    )
    return taxonomy


def taxonomy_ensure_default() -> Taxonomy:
    """The current taxonomy, creating version 1 from the AILuminate categories if none exists."""
    current = Taxonomy.objects.order_by("-number").first()
    if current is not None:
        return current
    return taxonomy_create(
        categories=taxonomy_default.CATEGORIES,
        severity_scale=taxonomy_default.SEVERITY_SCALE,
        note="AILuminate 1.0 demo set categories",
    )
