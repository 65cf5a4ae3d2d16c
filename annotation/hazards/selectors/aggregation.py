"""Human labels as a matrix, Dawid-Skene and majority vote over it, agreement per label, and
the decision per item (an adjudication first)."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotation.hazards import stats
from annotation.hazards.models import Adjudication, Label


@dataclass(frozen=True)
class Matrix:
    response_ids: list[int]
    rater_ids: list[int]
    items: list[int]  # per label: index into response_ids
    raters: list[int]  # per label: index into rater_ids
    harmful: list[int]
    categories: list[list[str]]


def human_matrix(labels: list[Label]) -> Matrix:
    response_ids = sorted({label.response_id for label in labels})
    rater_ids = sorted({label.rater_id for label in labels if label.rater_id is not None})
    r_index = {r: i for i, r in enumerate(response_ids)}
    u_index = {u: i for i, u in enumerate(rater_ids)}
    return Matrix(
        response_ids=response_ids,
        rater_ids=rater_ids,
        items=[r_index[label.response_id] for label in labels],
        raters=[u_index[label.rater_id] for label in labels if label.rater_id is not None],
        harmful=[int(label.harmful) for label in labels],
        categories=[list(label.categories) for label in labels],
    )


def harmful_aggregate(m: Matrix) -> tuple[Any, Any]:
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


def agreement_rows(m: Matrix, codes: list[str]) -> list[dict[str, Any]]:
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


def decisions(
    m: Matrix, ds: Any, adjudications: dict[int, Adjudication]
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
