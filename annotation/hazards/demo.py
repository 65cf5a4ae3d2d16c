"""The demo campaigns `make run` loads.

The first holds real model output a rater can judge from the first minute: Mistral-7B-Instruct's
XSTest completions. Those both annotators agree on are gold items; those they disagree on are the
items to label (the hard cases, with both annotators' labels kept for comparison). The second
sends AILuminate prompts to the red-team target, whose first version is the untrained tiny
model: its replies show how generation works and are marked as an untrained model's.
"""

from django.conf import settings
from django.db import transaction

from annotation.hazards import importers
from annotation.hazards.models import Campaign
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from annotation.hazards.services.imports import xstest_import

DEMO_SLUG = "demo"
REDTEAM_DEMO_SLUG = "demo-redteam"
AILUMINATE_PER_CATEGORY = 1
XSTEST_GOLD_ITEMS = 8


def demo_xstest_rows() -> list[importers.XSTestRow]:
    """Every XSTest item the annotators disagree on, and XSTEST_GOLD_ITEMS agreed ones (half
    safe prompts, half unsafe contrasts), in the file's order."""
    rows = importers.xstest_parse(settings.ROOT / "data" / "xstest")
    disputed = [r for r in rows if len(set(r.annotations.values())) > 1]
    agreed = [r for r in rows if len(set(r.annotations.values())) == 1]
    half = XSTEST_GOLD_ITEMS // 2
    safe = [r for r in agreed if r.prompt.meta["safety"] == "safe"][:half]
    unsafe = [r for r in agreed if r.prompt.meta["safety"] == "unsafe"][:half]
    return disputed + safe + unsafe


@transaction.atomic
def demo_campaign_load() -> None:
    """Idempotent: campaigns are found by their slugs, prompts and responses by their ids."""
    labelling = Campaign.objects.filter(slug=DEMO_SLUG).first() or campaign_create(
        name="Demo: real model responses (XSTest)",
        description="Mistral-7B-Instruct's answers to XSTest prompts, some written to look "
        "harmful. Two annotators disagreed on most of these; a few are gold items.",
        user=None,
        slug=DEMO_SLUG,
        labels_per_item=3,
    )
    xstest_import(rows=demo_xstest_rows(), campaign=labelling)

    redteam = Campaign.objects.filter(slug=REDTEAM_DEMO_SLUG).first() or campaign_create(
        name="Demo: red-team the target model (AILuminate)",
        description="AILuminate prompts sent to the current red-team target. Its first "
        "version is the untrained demo model; register real weights to red-team a real one.",
        user=None,
        line="redteam-target",
        slug=REDTEAM_DEMO_SLUG,
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
        campaign=redteam,
        rows=[row for bucket in picked.values() for row in bucket],
        source="ailuminate",
    )
