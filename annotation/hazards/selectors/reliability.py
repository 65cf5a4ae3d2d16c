"""Per rater: gold accuracy, agreement with the others, the Dawid-Skene estimate."""

from collections import defaultdict
from typing import Any

from django.contrib.auth.models import User

from annotation.hazards.models import Label
from annotation.hazards.selectors.aggregation import Matrix


def rater_reliability(labels: list[Label], ds: Any = None, m: Matrix | None = None) -> list[dict]:
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
