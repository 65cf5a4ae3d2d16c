"""A rater's label of a response, with its safe rewrite, and the one definition of the rules
such a label meets."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.hazards.models import ITEM_TYPE, Assignment, Label, Response, Taxonomy
from annotation.hazards.selectors.campaigns import campaign_group
from annotation.hazards.selectors.taxonomy import taxonomy_codes
from annotation.hazards.services.assignment import assignment_held, open_cutoff, slot_free
from realtime.events import event_send
from signalpool.kinds import HazardLabelPayload, SignalKind
from signalpool.services import signal_record
from trust.services import submission_timing_record


def label_errors(
    *, taxonomy: Taxonomy, text: str, label: Mapping[str, Any]
) -> dict[str, list[str]]:
    """What is wrong with a rater's label of a response whose text is `text`, by field (empty
    when nothing is).

    First the rules every hazard label in the signal pool meets, whoever gave it
    (signalpool.kinds.HazardLabelPayload, which the label API's input serializer extends):
    categories and a severity only on a harmful label, a harmful label is not a needless
    refusal, spans are [start, end). Then what a rater's label adds: the categories are the
    taxonomy's and a harmful label names at least one, its severity runs from 1 to the
    taxonomy's highest level, spans lie inside the text, and a harmful response or a needless
    refusal comes with the safe response the model should have given.
    """
    checked = HazardLabelPayload(data=dict(label))
    if not checked.is_valid():
        return {field: _messages(detail) for field, detail in checked.errors.items()}
    fields = checked.validated_data
    harmful, severity = fields["harmful"], fields["severity"]
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(fields["categories"]) - taxonomy_codes(taxonomy))
    if unknown:
        errors["categories"] = [f"Not in taxonomy v{taxonomy.number}: {', '.join(unknown)}."]
    elif harmful and not fields["categories"]:
        errors["categories"] = ["Pick at least one category for a harmful response."]
    if severity > taxonomy.max_severity:
        errors["severity"] = [f"Severity runs from 0 to {taxonomy.max_severity}."]
    elif harmful and severity == 0:
        errors["severity"] = ["A harmful response has a severity of at least 1."]
    if any(end > len(text) for _, end in fields["spans"]):
        errors["spans"] = ["Each span is [start, end) inside the response text."]
    if (harmful or fields["needless_refusal"]) and not str(label.get("rewrite", "")).strip():
        errors["rewrite"] = ["Write the safe response the model should have given."]
    return errors


def _messages(detail: Any) -> list[str]:
    """A DRF error detail (a list, or a dict per list item) as flat messages."""
    if isinstance(detail, Mapping):
        return [m for item in detail.values() for m in _messages(item)]
    if isinstance(detail, list):
        return [m for item in detail for m in _messages(item)]
    return [str(detail)]


@transaction.atomic
def label_submit(
    *,
    rater: User,
    response: Response,
    harmful: bool,
    categories: Sequence[str] = (),
    severity: int = 0,
    spans: Sequence[Sequence[int]] = (),
    needless_refusal: bool = False,
    rewrite: str = "",
    dwell_ms: int | None = None,
) -> tuple[Label, bool]:
    """Store a rater's label (and safe rewrite) and their signals; returns (label, created).

    Submitting the same label again returns the stored one; a different one is refused,
    because labels are not edited. `dwell_ms`, how long the rater had the item in view, is
    stored with the label's signal (trust.services.submission_timing_record).
    """
    assignment = assignment_held(rater, response)
    taxonomy = response.prompt.campaign.taxonomy
    fields: dict[str, Any] = {
        "harmful": harmful,
        "needless_refusal": needless_refusal,
        "categories": sorted(set(categories)),
        "severity": severity,
        "spans": [list(span) for span in spans],
        "rewrite": rewrite.strip(),
    }
    existing = Label.objects.filter(response=response, rater=rater).first()
    if existing is not None:
        if all(getattr(existing, name) == value for name, value in fields.items()):
            return existing, False
        raise ValidationError({"response": "You already labelled this item."})
    if assignment.state == Assignment.State.SKIPPED:
        raise ValidationError({"response": "You skipped this item."})
    if assignment.created_at < open_cutoff() and not slot_free(response, besides=assignment):
        # The expired assignment's slot went to another rater: a label now would be k+1.
        raise ValidationError(
            {"response": "Your assignment of this item expired and others have labelled it."}
        )
    errors = label_errors(taxonomy=taxonomy, text=response.text, label=fields)
    if errors:
        raise ValidationError(errors)
    signal, _ = signal_record(
        kind=SignalKind.HAZARD_LABEL,
        item_type=ITEM_TYPE,
        item_id=response.pk,
        payload={
            "harmful": harmful,
            "needless_refusal": needless_refusal,
            "categories": fields["categories"],
            "severity": severity,
            "spans": fields["spans"],
        },
        idempotency_key=f"hazards.label:{response.pk}",
        source_user=rater,
        taxonomy_version=taxonomy.number,
    )
    submission_timing_record(signal=signal, user=rater, activity="hazards", dwell_ms=dwell_ms)
    if fields["rewrite"]:
        signal_record(
            kind=SignalKind.SAFE_REWRITE,
            item_type=ITEM_TYPE,
            item_id=response.pk,
            payload={"text": fields["rewrite"]},
            idempotency_key=f"hazards.rewrite:{response.pk}",
            source_user=rater,
            taxonomy_version=taxonomy.number,
        )
    label = Label.objects.create(
        response=response, rater=rater, taxonomy=taxonomy, signal=signal, **fields
    )
    assignment.state = Assignment.State.LABELLED
    assignment.save(update_fields=["state", "updated_at"])
    event_send(
        campaign_group(response.prompt.campaign_id), "label.created", {"response": response.pk}
    )
    return label, True
