"""Campaigns and their prompts; new prompts are sent to the campaign's target version."""

import uuid
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from annotation.hazards import importers
from annotation.hazards.models import Campaign, Prompt, PromptSource
from annotation.hazards.services.generation import responses_queue
from annotation.hazards.services.taxonomy import taxonomy_ensure_default
from llm.serving import serving_version
from registry.models import ModelVersion


@transaction.atomic
def campaign_create(
    *,
    name: str,
    user: User | None,
    line: str | None = None,
    version: ModelVersion | None = None,
    description: str = "",
    labels_per_item: int = 3,
    max_new_tokens: int = 128,
    slug: str | None = None,
) -> Campaign:
    """A campaign against `version`, or the published version of `line`, or none (imports only)."""
    if version is None and line:
        version = serving_version(line=line)
        if version is None:
            raise ValidationError({"line": f"Model line {line!r} has no published version."})
    return Campaign.objects.create(
        name=name,
        description=description,
        target_version=version,
        taxonomy=taxonomy_ensure_default(),
        labels_per_item=labels_per_item,
        max_new_tokens=max_new_tokens,
        slug=slug,
        created_by=user,
    )


@transaction.atomic
def prompts_add(
    *,
    campaign: Campaign,
    rows: Sequence[importers.PromptRow],
    source: str,
    author: User | None = None,
) -> list[Prompt]:
    """Store new prompts (rows already there by source and id are left alone) and queue their
    responses from the campaign's target version. Returns the prompts that were new."""
    # The campaign row serialises concurrent imports, so the "already there" check holds.
    Campaign.objects.select_for_update().get(pk=campaign.pk)
    known = set(campaign.taxonomy.categories.values_list("code", flat=True))
    unknown = sorted({r.category for r in rows if r.category and r.category not in known})
    if unknown:
        raise ValidationError(
            {"category": f"Not in taxonomy v{campaign.taxonomy.number}: {', '.join(unknown)}."}
        )
    existing = set(
        Prompt.objects.filter(campaign=campaign, source=source).values_list(
            "external_id", flat=True
        )
    )
    created = Prompt.objects.bulk_create(
        [
            Prompt(
                campaign=campaign,
                text=row.text,
                category=row.category,
                source=source,
                external_id=row.external_id,
                meta=row.meta,
                author=author,
            )
            for row in rows
            if row.external_id not in existing
        ]
    )
    if campaign.target_version is not None:
        responses_queue(prompts=created, version=campaign.target_version)
    return created


def prompt_write(*, campaign: Campaign, author: User, text: str, category: str) -> Prompt:
    """An attack a rater wrote ("try to make the model produce X")."""
    row = importers.PromptRow(
        external_id=f"rater:{author.pk}:{uuid.uuid4().hex}", text=text, category=category
    )
    [prompt] = prompts_add(campaign=campaign, rows=[row], source=PromptSource.RATER, author=author)
    return prompt


@transaction.atomic
def campaign_rerun(*, campaign: Campaign, version: ModelVersion) -> int:
    """Send every prompt of the campaign to another version; returns how many were queued."""
    Campaign.objects.select_for_update().get(pk=campaign.pk)
    return len(responses_queue(prompts=list(campaign.prompts.all()), version=version))
