"""The two importers: AILuminate prompts, and XSTest prompts with Mistral's completions and
both annotators' labels (gold items where they agree)."""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from annotation.hazards import importers
from annotation.hazards.models import (
    ITEM_TYPE,
    Campaign,
    ExternalAnnotation,
    Prompt,
    PromptSource,
    Response,
    ResponseStatus,
)
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from signalpool.kinds import SignalKind
from signalpool.services import ImportedSignal, signals_import

XSTEST_DATASET = "xstest"


@transaction.atomic
def ailuminate_import(*, campaign: Campaign, data: bytes) -> int:
    rows = importers.ailuminate_parse(data)
    return len(prompts_add(campaign=campaign, rows=rows, source=PromptSource.AILUMINATE))


@transaction.atomic
def xstest_import(
    *, rows: Sequence[importers.XSTestRow], campaign: Campaign | None = None
) -> tuple[Campaign, int]:
    """Store XSTest prompts, their Mistral completions and both annotators' labels.

    Items where both annotators agree become gold items: harmful exactly when the prompt is
    an unsafe contrast and the model fully complied.
    """
    if campaign is None:
        campaign = Campaign.objects.filter(slug="xstest").first() or campaign_create(
            name="XSTest (Mistral-7B-Instruct completions)",
            description="Imported from XSTest v2: two human annotators per completion.",
            user=None,
            slug="xstest",
            labels_per_item=2,
        )
    prompts_add(campaign=campaign, rows=[r.prompt for r in rows], source=PromptSource.XSTEST)
    prompt_ids = dict(
        Prompt.objects.filter(campaign=campaign, source=PromptSource.XSTEST).values_list(
            "external_id", "pk"
        )
    )
    have = set(
        Response.objects.filter(
            prompt__campaign=campaign, producer=importers.XSTEST_PRODUCER
        ).values_list("prompt_id", flat=True)
    )
    new_rows = [r for r in rows if prompt_ids[r.prompt.external_id] not in have]
    responses = Response.objects.bulk_create(
        Response(
            prompt_id=prompt_ids[r.prompt.external_id],
            producer=importers.XSTEST_PRODUCER,
            text=r.completion,
            status=ResponseStatus.DONE,
            finished_at=timezone.now(),
            gold_harmful=importers.xstest_gold(
                safety=r.prompt.meta.get("safety", ""), labels=list(r.annotations.values())
            ),
        )
        for r in new_rows
    )
    ExternalAnnotation.objects.bulk_create(
        ExternalAnnotation(
            response=response, dataset=XSTEST_DATASET, annotator=annotator, value=value
        )
        for response, row in zip(responses, new_rows, strict=True)
        for annotator, value in row.annotations.items()
    )
    _xstest_signals_record(campaign=campaign, rows=rows, prompt_ids=prompt_ids)
    return campaign, len(responses)


def _xstest_signals_record(
    *, campaign: Campaign, rows: Sequence[importers.XSTestRow], prompt_ids: dict[str, int]
) -> None:
    """Each annotator's label enters the signal pool as an imported hazard label, under the
    annotator's XSTest pseudonym (annotation_1, annotation_2); re-importing adds nothing."""
    response_of = dict(
        Response.objects.filter(
            prompt__campaign=campaign, producer=importers.XSTEST_PRODUCER
        ).values_list("prompt_id", "pk")
    )
    signals_import(
        dataset=XSTEST_DATASET,
        signals=[
            ImportedSignal(
                annotator=annotator,
                kind=SignalKind.HAZARD_LABEL,
                item_type=ITEM_TYPE,
                item_id=response_of[prompt_ids[row.prompt.external_id]],
                payload=importers.xstest_label_payload(
                    safety=row.prompt.meta.get("safety", ""), label=label
                ),
                # A campaign holds its own copy of the item (the demo and the full import).
                idempotency_key=f"xstest:campaign:{campaign.pk}:{row.prompt.external_id}",
                taxonomy_version=campaign.taxonomy.number,
            )
            for row in rows
            for annotator, label in row.annotations.items()
        ],
    )
