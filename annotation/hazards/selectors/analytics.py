"""A campaign's analytics report (aggregated labels, agreement, disagreements, human vs AI,
hazard rates per version), computed by a task and read from the cache."""

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Max, Q

from annotation.hazards import stats
from annotation.hazards.models import Adjudication, Campaign, Label, Response, ResponseStatus
from annotation.hazards.selectors.aggregation import (
    agreement_rows,
    decisions,
    harmful_aggregate,
    human_matrix,
)
from annotation.hazards.selectors.reliability import rater_reliability
from annotation.proportions import wilson_interval
from annotation.results_cache import cached_read


def campaign_analytics_version(*, campaign: Campaign) -> str:
    """Changes whenever a label, adjudication or generated response of the campaign does; the
    newest label time keeps a new database, whose ids start again, from matching."""
    labels = Label.objects.filter(response__prompt__campaign=campaign).aggregate(
        n=Count("pk"), last=Max("pk"), at=Max("created_at")
    )
    adjudications = Adjudication.objects.filter(response__prompt__campaign=campaign).aggregate(
        n=Count("pk"), last=Max("pk")
    )
    responses = Response.objects.filter(prompt__campaign=campaign).aggregate(
        n=Count("pk"), done=Count("pk", Q(status=ResponseStatus.DONE))
    )
    return ":".join(str(v) for part in (labels, adjudications, responses) for v in part.values())


def campaign_analytics_key(campaign_id: int) -> str:
    return f"analytics:hazards:campaign:{campaign_id}"


def campaign_analytics_cached(*, campaign: Campaign) -> dict[str, Any]:
    """campaign_analytics as last computed by campaign_analytics_compute_task (queued when
    stale), with `computed_at` and `recomputing`; empty until the first result is stored."""
    from annotation.hazards.tasks import campaign_analytics_compute_task

    cached = cached_read(
        key=campaign_analytics_key(campaign.pk),
        version=campaign_analytics_version(campaign=campaign),
        enqueue=lambda: campaign_analytics_compute_task.delay(campaign.pk),
    )
    report = cached["result"] or {
        "campaign": campaign.pk,
        "labelled_items": 0,
        "human_labels": 0,
        "ai_labels": 0,
        "ds_majority_differences": 0,
        **{table: [] for table in ANALYTICS_TABLES},
    }
    return {**report, "computed_at": cached["computed_at"], "recomputing": cached["recomputing"]}


ANALYTICS_TABLES = (
    "items",
    "agreement",
    "raters",
    "disagreements",
    "human_vs_ai",
    "hazard_rates",
)


def campaign_analytics(*, campaign: Campaign) -> dict[str, Any]:
    """Aggregated labels, agreement, disagreements, human vs AI, hazard rates per version."""
    responses = {
        r.pk: r
        for r in Response.objects.filter(prompt__campaign=campaign).select_related(
            "prompt", "model_version__line"
        )
    }
    all_labels = list(
        Label.objects.filter(response__prompt__campaign=campaign)
        .select_related("rater", "response", "model_version__line")
        .order_by("id")
    )
    human = [label for label in all_labels if label.rater_id is not None]
    ai = [label for label in all_labels if label.model_version_id is not None]
    adjudications: dict[int, Adjudication] = {}
    for adjudication in Adjudication.objects.filter(response__prompt__campaign=campaign).order_by(
        "created_at", "id"
    ):
        adjudications[adjudication.response_id] = adjudication  # the latest one wins
    m = human_matrix(human)
    ds, majority = harmful_aggregate(m)
    codes = list(campaign.taxonomy.categories.values_list("code", flat=True))

    items: list[dict[str, Any]] = []
    votes: dict[int, list[bool]] = defaultdict(list)
    for label in human:
        votes[label.response_id].append(label.harmful)
    for index, response_id in enumerate(m.response_ids):
        items.append(
            {
                "response": response_id,
                "labels": len(votes[response_id]),
                "harmful_votes": sum(votes[response_id]),
                "majority_harmful": None if majority[index] < 0 else bool(majority[index]),
                "ds_harmful": bool(ds.labels[index]),
                "ds_probability": float(ds.posteriors[index, 1]),
                "adjudicated": response_id in adjudications,
            }
        )
    disagreements = [
        {
            "response": item["response"],
            "prompt": responses[item["response"]].prompt.text,
            "text": responses[item["response"]].text,
            "labels": item["labels"],
            "harmful_votes": item["harmful_votes"],
            "ds_probability": item["ds_probability"],
        }
        for item in items
        if item["labels"] >= 2
        and 0 < item["harmful_votes"] < item["labels"]
        and not item["adjudicated"]
    ]

    # Human (Dawid-Skene decision) vs each AI labeller, on the items both labelled.
    decided = decisions(m, ds, adjudications)
    human_vs_ai = []
    ai_by_version: dict[int, list[Label]] = defaultdict(list)
    for label in ai:
        assert label.model_version_id is not None
        ai_by_version[label.model_version_id].append(label)
    for version_labels in ai_by_version.values():
        pairs = [
            (decided[lab.response_id][0], lab.harmful)
            for lab in version_labels
            if lab.response_id in decided
        ]
        version = version_labels[0].model_version
        human_vs_ai.append(
            {
                "labeller": str(version),
                "items": len(pairs),
                "raw_agreement": (sum(a == b for a, b in pairs) / len(pairs)) if pairs else None,
                "cohen_kappa": stats.cohen_kappa([a for a, _ in pairs], [b for _, b in pairs])
                if pairs
                else None,
            }
        )

    # Hazard rate per producing version (or imported producer) and category.
    groups: dict[str, dict[str, Any]] = {}
    for response_id, (harmful, cats) in decided.items():
        response = responses[response_id]
        version = response.model_version
        key = str(version) if version else response.producer
        group = groups.setdefault(
            key,
            {
                "version": key,
                "number": version.number if version else None,
                "n": 0,
                "harmful": 0,
                "by_category": Counter(),
            },
        )
        group["n"] += 1
        group["harmful"] += int(harmful)
        group["by_category"].update(cats)
    hazard_rates = []
    for group in sorted(groups.values(), key=lambda g: (g["number"] is None, g["number"] or 0)):
        low, high = wilson_interval(group["harmful"], group["n"])
        categories = []
        for code in codes:
            count = group["by_category"][code]
            c_low, c_high = wilson_interval(count, group["n"])
            categories.append(
                {"code": code, "harmful": count, "rate": count / group["n"], "low": c_low}
                | {"high": c_high}
            )
        hazard_rates.append(
            {
                "version": group["version"],
                "number": group["number"],
                "n": group["n"],
                "harmful": group["harmful"],
                "rate": group["harmful"] / group["n"],
                "low": low,
                "high": high,
                "categories": categories,
            }
        )
    ds_vs_majority = sum(
        1
        for item in items
        if item["majority_harmful"] is not None and item["majority_harmful"] != item["ds_harmful"]
    )
    return {
        "campaign": campaign.pk,
        "labelled_items": len(items),
        "human_labels": len(human),
        "ai_labels": len(ai),
        "ds_majority_differences": ds_vs_majority,
        "items": items,
        "agreement": agreement_rows(m, codes),
        "raters": rater_reliability(human, ds, m),
        "disagreements": disagreements,
        "human_vs_ai": human_vs_ai,
        "hazard_rates": hazard_rates,
    }
