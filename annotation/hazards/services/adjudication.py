"""A researcher's decision on a disputed item: a new signal; the labels stay as they were."""

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.hazards.models import ITEM_TYPE, Adjudication, Response
from annotation.hazards.selectors.campaigns import campaign_group
from annotation.hazards.selectors.taxonomy import taxonomy_codes
from realtime.events import event_send
from signalpool.kinds import SignalKind
from signalpool.services import signal_record


@transaction.atomic
def adjudication_record(
    *, researcher: User, response: Response, harmful: bool, categories: Sequence[str], reason: str
) -> Adjudication:
    """A researcher's decision on a disputed item: a new signal, the labels stay as they are."""
    locked = Response.objects.select_for_update().get(pk=response.pk)
    taxonomy = response.prompt.campaign.taxonomy
    if unknown := sorted(set(categories) - taxonomy_codes(taxonomy)):
        raise ValidationError({"categories": f"Not in the taxonomy: {', '.join(unknown)}."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why."})
    number = Adjudication.objects.filter(response=locked).count() + 1
    signal, _ = signal_record(
        kind=SignalKind.ADJUDICATION,
        item_type=ITEM_TYPE,
        item_id=response.pk,
        payload={
            "decision": {"harmful": harmful, "categories": sorted(set(categories))},
            "reason": reason.strip(),
        },
        idempotency_key=f"hazards.adjudication:{response.pk}:{number}",
        source_user=researcher,
        taxonomy_version=taxonomy.number,
    )
    adjudication = Adjudication.objects.create(
        response=locked,
        researcher=researcher,
        harmful=harmful,
        categories=sorted(set(categories)),
        reason=reason.strip(),
        signal=signal,
    )
    event_send(
        campaign_group(response.prompt.campaign_id),
        "label.adjudicated",
        {"response": response.pk},
    )
    return adjudication
