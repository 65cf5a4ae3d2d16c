from datetime import date

from django.db.models import QuerySet

from audit.models import AuditEntry


def audit_entries(
    *,
    actions: list[str] | None = None,
    actor: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    """Entries newest first; `until` is inclusive (the whole day), dates in the server's zone."""
    entries = AuditEntry.objects.select_related("actor")
    if actions:
        entries = entries.filter(action__in=actions)
    if actor:
        entries = entries.filter(actor__username=actor)
    if since is not None:
        entries = entries.filter(at__date__gte=since)
    if until is not None:
        entries = entries.filter(at__date__lte=until)
    return entries
