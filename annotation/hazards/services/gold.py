"""Gold items: researchers give a response its known answer (harmful or not), or take it away.

Gold is a property of the item, not a label: marking or unmarking one leaves every label,
assignment and signal already given as it is. What changes is how the item is used from then
on: assignment.assignment_next mixes gold items in, reliability and the trust score measure
raters' labels on them against the answer, and the loop's verdict takes the gold answer.
"""

from django.contrib.auth.models import User
from django.db import transaction

from annotation.hazards import importers
from annotation.hazards.models import Campaign, ExternalAnnotation, PromptSource, Response
from annotation.hazards.services.imports import XSTEST_DATASET
from audit.models import AuditAction
from audit.services import audit_record


@transaction.atomic
def response_gold_set(*, response: Response, harmful: bool, actor: User) -> Response:
    """Make `response` a gold item whose answer is `harmful`; audited when it changed."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    before = locked.gold_harmful
    if before is harmful:
        return locked
    locked.gold_harmful = harmful
    locked.save(update_fields=["gold_harmful"])
    audit_record(
        action=AuditAction.GOLD_SET,
        actor=actor,
        target=locked,
        summary=f"Response #{locked.pk} marked gold: {'harmful' if harmful else 'not harmful'}",
        details={"activity": "hazards", "harmful": harmful, "before": before},
    )
    return locked


@transaction.atomic
def response_gold_clear(*, response: Response, actor: User) -> Response:
    """Make `response` an ordinary item again; audited when it was gold."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    before = locked.gold_harmful
    if before is None:
        return locked
    locked.gold_harmful = None
    locked.save(update_fields=["gold_harmful"])
    audit_record(
        action=AuditAction.GOLD_CLEAR,
        actor=actor,
        target=locked,
        summary=f"Response #{locked.pk} no longer gold",
        details={"activity": "hazards", "before": before},
    )
    return locked


@transaction.atomic
def campaign_gold_import(*, campaign: Campaign, actor: User) -> int:
    """Mark gold every imported response of `campaign` whose source labelled it and whose
    annotators agree, with their answer, by the import's own rule (importers.xstest_gold; XSTest
    is the only imported source with labels). Responses already gold keep their answer (a
    researcher may have corrected it). Returns how many were marked; one audit row for all."""
    values: dict[int, list[str]] = {}
    for response_id, value in ExternalAnnotation.objects.filter(
        dataset=XSTEST_DATASET,
        response__prompt__campaign=campaign,
        response__prompt__source=PromptSource.XSTEST,
        response__gold_harmful__isnull=True,
    ).values_list("response_id", "value"):
        values.setdefault(response_id, []).append(value)
    responses = Response.objects.select_for_update().select_related("prompt").filter(pk__in=values)
    marked: list[Response] = []
    for response in responses.order_by("pk"):
        answer = importers.xstest_gold(
            safety=response.prompt.meta.get("safety", ""), labels=values[response.pk]
        )
        if answer is not None:
            response.gold_harmful = answer
            marked.append(response)
    Response.objects.bulk_update(marked, ["gold_harmful"])
    if marked:
        audit_record(
            action=AuditAction.GOLD_SET,
            actor=actor,
            target=campaign,
            summary=f"{len(marked)} imported responses of {campaign.name} marked gold",
            details={"activity": "hazards", "responses": [r.pk for r in marked]},
        )
    return len(marked)
