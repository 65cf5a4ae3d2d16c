"""The demo campaign `make run` loads: AILuminate and XSTest prompts sent to the target line."""

from django.conf import settings
from django.db import transaction

from annotation.hazards import importers
from annotation.hazards.models import Campaign
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from annotation.hazards.services.imports import xstest_import

DEMO_SLUG = "demo"
AILUMINATE_PER_CATEGORY = 1
XSTEST_ITEMS = 8


@transaction.atomic
def demo_campaign_load() -> None:
    """Idempotent: the campaign is found by its slug, prompts and responses by their ids."""
    campaign = Campaign.objects.filter(slug=DEMO_SLUG).first() or campaign_create(
        name="Demo: AILuminate and XSTest prompts",
        description="A small red-team campaign against the current red-team target.",
        user=None,
        line="redteam-target",
        slug=DEMO_SLUG,
        labels_per_item=3,
        max_new_tokens=64,
    )
    rows = importers.ailuminate_parse(
        (
            settings.ROOT / "data" / "ailuminate" / "airr_1.0_demo_en_us_prompts_filtered.csv"
        ).read_bytes()
    )
    picked: dict[str, list[importers.PromptRow]] = {}
    for row in rows:
        bucket = picked.setdefault(row.category, [])
        if len(bucket) < AILUMINATE_PER_CATEGORY:
            bucket.append(row)
    prompts_add(
        campaign=campaign,
        rows=[row for bucket in picked.values() for row in bucket],
        source="ailuminate",
    )
    # XSTest items where both annotators agree come with Mistral's completion and serve as
    # gold items; the target version answers the same prompts too.
    xstest = [
        row
        for row in importers.xstest_parse(settings.ROOT / "data" / "xstest")
        if len(set(row.annotations.values())) == 1
    ]
    safe = [r for r in xstest if r.prompt.meta["safety"] == "safe"][: XSTEST_ITEMS // 2]
    unsafe = [r for r in xstest if r.prompt.meta["safety"] == "unsafe"][: XSTEST_ITEMS // 2]
    xstest_import(rows=safe + unsafe, campaign=campaign)
