"""Reads for hazard labelling: queues, reliability, aggregation and the analytics report."""

import datetime as dt
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.contrib.auth.models import User
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from accounts.work import WorkItem
from annotation.hazards import stats
from annotation.hazards.models import (
    ASSIGNMENT_TTL,
    Adjudication,
    Assignment,
    Campaign,
    Category,
    ExternalAnnotation,
    Label,
    Response,
    ResponseStatus,
    Taxonomy,
)
from annotation.results_cache import cached_read


def taxonomy_codes(taxonomy: Taxonomy) -> frozenset[str]:
    """The category codes of a taxonomy version, read once per process: a version's categories
    are written with it and never change (a change is a new version)."""
    return _taxonomy_codes(taxonomy.pk, taxonomy.created_at)


@functools.lru_cache(maxsize=256)
def _taxonomy_codes(taxonomy_id: int, created_at: dt.datetime) -> frozenset[str]:
    # created_at in the key: a recreated database may give another version the same id.
    codes = (
        Category.objects.filter(taxonomy_id=taxonomy_id).order_by().values_list("code", flat=True)
    )
    return frozenset(codes)


def taxonomy_current() -> Taxonomy | None:
    return Taxonomy.objects.prefetch_related("categories").order_by("-number").first()


def campaigns_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("target_version__line", "taxonomy").annotate(
        prompt_count=Count("prompts", distinct=True),
        response_count=Count("prompts__responses", distinct=True),
    )


def responses_of(*, campaign: Campaign) -> QuerySet[Response]:
    return (
        Response.objects.filter(prompt__campaign=campaign)
        .select_related("prompt", "model_version__line")
        .annotate(
            human_labels=Count("labels", filter=Q(labels__rater__isnull=False)),
            ai_labels=Count("labels", filter=Q(labels__model_version__isnull=False)),
        )
        .order_by("id")
    )


def campaign_visible_to(user: Any, key: str) -> bool:
    """Realtime authorizer for "campaign:<id>": researchers and raters who may label."""
    if not key.isdigit() or not Campaign.objects.filter(pk=int(key)).exists():
        return False
    return bool(
        user.has_perm("hazards.view_campaign") or user.has_perm("accounts.take_rating_work")
    )


def labelling_work(user: User) -> list[WorkItem]:
    """Work-list entries for the rater home: per campaign, the responses this rater could get
    (finished, not yet handed to them, still short of k labels, or gold)."""
    if not user.has_perm("accounts.take_rating_work"):
        return []
    open_per_campaign: Counter[int] = Counter()
    rows = (
        Response.objects.filter(status=ResponseStatus.DONE)
        .exclude(assignments__rater=user)
        .annotate(
            taken=Count(
                "assignments",
                filter=Q(assignments__state=Assignment.State.LABELLED)
                | Q(
                    assignments__state=Assignment.State.OPEN,
                    assignments__created_at__gte=timezone.now() - ASSIGNMENT_TTL,
                ),
            )
        )
        .values_list(
            "prompt__campaign", "taken", "prompt__campaign__labels_per_item", "gold_harmful"
        )
    )
    for campaign_id, taken, k, gold in rows:
        if gold is not None or taken < k:
            open_per_campaign[campaign_id] += 1
    return [
        WorkItem(
            kind="hazards",
            title=f"Label model responses: {campaign.name}",
            description=(
                "Say whether responses are harmful, pick categories and severity, and "
                "write safe rewrites. Some text may be offensive; you can skip any item."
            ),
            url=f"/hazards/label/{campaign.pk}",
            count=open_per_campaign[campaign.pk],
        )
        for campaign in Campaign.objects.filter(pk__in=open_per_campaign).order_by("pk")
    ]


# Aggregation


@dataclass(frozen=True)
class _Matrix:
    response_ids: list[int]
    rater_ids: list[int]
    items: list[int]  # per label: index into response_ids
    raters: list[int]  # per label: index into rater_ids
    harmful: list[int]
    categories: list[list[str]]


def _human_matrix(labels: list[Label]) -> _Matrix:
    response_ids = sorted({label.response_id for label in labels})
    rater_ids = sorted({label.rater_id for label in labels if label.rater_id is not None})
    r_index = {r: i for i, r in enumerate(response_ids)}
    u_index = {u: i for i, u in enumerate(rater_ids)}
    return _Matrix(
        response_ids=response_ids,
        rater_ids=rater_ids,
        items=[r_index[label.response_id] for label in labels],
        raters=[u_index[label.rater_id] for label in labels if label.rater_id is not None],
        harmful=[int(label.harmful) for label in labels],
        categories=[list(label.categories) for label in labels],
    )


def _aggregate(m: _Matrix) -> tuple[Any, Any]:
    """(Dawid-Skene result or None, majority vote array) over the harmful label."""
    if not m.items:
        return None, []
    ds = stats.dawid_skene(
        m.items,
        m.raters,
        m.harmful,
        n_items=len(m.response_ids),
        n_raters=len(m.rater_ids),
        n_classes=2,
    )
    majority = stats.majority_vote(m.items, m.harmful, len(m.response_ids), 2)
    return ds, majority


def _agreement_rows(m: _Matrix, codes: list[str]) -> list[dict[str, Any]]:
    """Krippendorff's alpha, Fleiss' kappa and mean pairwise Cohen's kappa per label."""
    rows = []
    for code in ["harmful", *codes]:
        values = (
            m.harmful
            if code == "harmful"
            else [int(code in cats) for cats in m.categories]  # binary per category
        )
        units: dict[int, list[int]] = defaultdict(list)
        by_rater: dict[int, dict[int, int]] = defaultdict(dict)
        for item, rater, value in zip(m.items, m.raters, values, strict=True):
            units[item].append(value)
            by_rater[rater][item] = value
        counts = [[u.count(0), u.count(1)] for u in units.values()]
        rows.append(
            {
                "label": code,
                "items": sum(1 for u in units.values() if len(u) >= 2),
                "krippendorff_alpha": stats.krippendorff_alpha_nominal(list(units.values())),
                "fleiss_kappa": stats.fleiss_kappa(np.asarray(counts)) if counts else None,
                "cohen_kappa": stats.pairwise_cohen_kappa(by_rater),
            }
        )
    return rows


def _decisions(
    m: _Matrix, ds: Any, adjudications: dict[int, Adjudication]
) -> dict[int, tuple[bool, set[str]]]:
    """Per response: (harmful, categories), an adjudication first, else Dawid-Skene.

    A category counts when at least half of the item's labels that call it harmful name it.
    """
    named: dict[int, Counter[str]] = defaultdict(Counter)
    harmful_votes: Counter[int] = Counter()
    for item, harmful, cats in zip(m.items, m.harmful, m.categories, strict=True):
        if harmful:
            harmful_votes[item] += 1
            named[item].update(cats)
    out: dict[int, tuple[bool, set[str]]] = {}
    for index, response_id in enumerate(m.response_ids):
        harmful = bool(ds.labels[index]) if ds is not None else False
        chosen = {c for c, n in named[index].items() if harmful and 2 * n >= harmful_votes[index]}
        out[response_id] = (harmful, chosen)
    for response_id, adjudication in adjudications.items():
        out[response_id] = (adjudication.harmful, set(adjudication.categories))
    return out


def rater_reliability(labels: list[Label], ds: Any = None, m: _Matrix | None = None) -> list[dict]:
    """Per rater: gold accuracy, agreement with the other raters' majority, and the Dawid-Skene
    accuracy estimate (when `ds` is given)."""
    by_item: dict[int, list[Label]] = defaultdict(list)
    for label in labels:
        by_item[label.response_id].append(label)
    rows: dict[int, dict[str, Any]] = {}
    for label in labels:
        assert label.rater_id is not None
        row = rows.setdefault(
            label.rater_id,
            {
                "rater": label.rater_id,
                "username": label.rater.username if label.rater else "",
                "labels": 0,
                "gold_items": 0,
                "gold_correct": 0,
                "compared": 0,
                "agreed": 0,
            },
        )
        row["labels"] += 1
        gold = label.response.gold_harmful
        if gold is not None:
            row["gold_items"] += 1
            row["gold_correct"] += int(label.harmful == gold)
        others = [o.harmful for o in by_item[label.response_id] if o.rater_id != label.rater_id]
        if others and 2 * sum(others) != len(others):
            row["compared"] += 1
            row["agreed"] += int(label.harmful == (2 * sum(others) > len(others)))
    estimated = {}
    if ds is not None and m is not None:
        estimated = dict(zip(m.rater_ids, ds.rater_accuracy().tolist(), strict=True))
    for row in rows.values():
        row["gold_accuracy"] = (
            row["gold_correct"] / row["gold_items"] if row["gold_items"] else None
        )
        row["agreement"] = row["agreed"] / row["compared"] if row["compared"] else None
        row["estimated_accuracy"] = estimated.get(row["rater"])
    return sorted(rows.values(), key=lambda r: r["rater"])


def own_reliability(*, user: User) -> dict[str, Any]:
    """A rater's own figures over all campaigns (the same measures researchers see)."""
    response_ids = Label.objects.filter(rater=user).values("response_id")
    labels = list(
        Label.objects.filter(response_id__in=response_ids, rater__isnull=False).select_related(
            "rater", "response"
        )
    )
    rows = [r for r in rater_reliability(labels) if r["rater"] == user.pk]
    if rows:
        return rows[0]
    return {
        "rater": user.pk,
        "username": user.username,
        "labels": 0,
        "gold_items": 0,
        "gold_correct": 0,
        "compared": 0,
        "agreed": 0,
        "gold_accuracy": None,
        "agreement": None,
        "estimated_accuracy": None,
    }


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
    m = _human_matrix(human)
    ds, majority = _aggregate(m)
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
    decided = _decisions(m, ds, adjudications)
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
        low, high = stats.wilson_interval(group["harmful"], group["n"])
        categories = []
        for code in codes:
            count = group["by_category"][code]
            c_low, c_high = stats.wilson_interval(count, group["n"])
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
        "agreement": _agreement_rows(m, codes),
        "raters": rater_reliability(human, ds, m),
        "disagreements": disagreements,
        "human_vs_ai": human_vs_ai,
        "hazard_rates": hazard_rates,
    }


def imported_sets_report() -> list[dict[str, Any]]:
    """Per imported annotation set: items, raters, raw agreement, Cohen's kappa, label counts.

    Items with exactly two annotators are compared (XSTest has two per completion).
    """
    report = []
    datasets = ExternalAnnotation.objects.values_list("dataset", flat=True).distinct()
    for dataset in sorted(set(datasets)):
        by_item: dict[int, dict[str, str]] = defaultdict(dict)
        rows = ExternalAnnotation.objects.filter(dataset=dataset).values_list(
            "response_id", "annotator", "value"
        )
        for response_id, annotator, value in rows:
            by_item[response_id][annotator] = value
        annotators = sorted({a for labels in by_item.values() for a in labels})
        pairs = [
            (labels[annotators[0]], labels[annotators[1]])
            for labels in by_item.values()
            if len(annotators) == 2 and len(labels) == 2
        ]
        distribution = Counter(value for labels in by_item.values() for value in labels.values())
        report.append(
            {
                "dataset": dataset,
                "items": len(by_item),
                "raters": len(annotators),
                "raw_agreement": (sum(a == b for a, b in pairs) / len(pairs)) if pairs else None,
                "cohen_kappa": stats.cohen_kappa([a for a, _ in pairs], [b for _, b in pairs])
                if pairs
                else None,
                "label_distribution": dict(sorted(distribution.items())),
            }
        )
    return report
