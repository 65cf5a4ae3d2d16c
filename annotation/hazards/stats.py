"""Agreement and aggregation statistics for labels, in plain numpy.

Pure functions without Django, so they are tested against hand-computed values. Labels are
small integers 0..K-1 (for a binary "harmful" label: 0 = not harmful, 1 = harmful).
"""

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

# Floor for probabilities whose logs are taken; crowd-kit's Dawid-Skene clips at the same.
TINY = 1e-10


@dataclass(frozen=True)
class DawidSkeneResult:
    posteriors: np.ndarray  # (items, K): P(true class = k | all labels of the item)
    confusion: np.ndarray  # (raters, K, K): P(rater says column | true class is row)
    priors: np.ndarray  # (K,): class shares
    iterations: int

    @property
    def labels(self) -> np.ndarray:
        """(items,) the most probable true class of each item."""
        return np.asarray(self.posteriors.argmax(axis=1))

    def rater_accuracy(self) -> np.ndarray:
        """(raters,) estimated chance a rater's label is right, weighted by the class shares."""
        diagonal = np.diagonal(self.confusion, axis1=1, axis2=2)  # (raters, K)
        return np.asarray(diagonal @ self.priors)


def majority_vote(
    items: Sequence[int], labels: Sequence[int], n_items: int, n_classes: int
) -> np.ndarray:
    """(n_items,) the most frequent label per item; ties go to the lower class, -1 if unlabelled."""
    counts = np.zeros((n_items, n_classes))
    np.add.at(counts, (np.asarray(items), np.asarray(labels)), 1)
    winners = counts.argmax(axis=1)
    winners[counts.sum(axis=1) == 0] = -1
    return np.asarray(winners)


def dawid_skene(
    items: Sequence[int] | np.ndarray,
    raters: Sequence[int] | np.ndarray,
    labels: Sequence[int] | np.ndarray,
    *,
    n_items: int,
    n_raters: int,
    n_classes: int,
    max_iterations: int = 100,
    tolerance: float = 1e-6,
    smoothing: float = 0.01,
) -> DawidSkeneResult:
    """Dawid & Skene (1979) EM: true classes and one confusion matrix per rater.

    Starts from the per-item label shares (soft majority vote). `smoothing` is a small
    pseudo-count that keeps confusion rows and priors away from exact zeros, whose logs would
    make one rater's single label veto every other rater.
    """
    item = np.asarray(items, dtype=int)
    rater = np.asarray(raters, dtype=int)
    label = np.asarray(labels, dtype=int)
    k = n_classes
    # Sums over annotations are bincounts on a flat code (much faster than np.add.at).
    said = rater * k + label  # (annotations,) flat index into (raters, K)
    # Flat indices per true class, computed once: index arithmetic on every annotation in
    # every iteration cost more than the gathers themselves.
    item_at = [item * k + true for true in range(k)]  # into posteriors (items, K)
    confusion_at = [rater * k * k + true * k + label for true in range(k)]  # into (R, K, K)
    counts = np.bincount(item * k + label, minlength=n_items * k).reshape(n_items, k)
    posteriors = counts.astype(float)
    unlabelled = posteriors.sum(axis=1) == 0
    posteriors[unlabelled] = 1.0
    posteriors /= posteriors.sum(axis=1, keepdims=True)

    confusion = np.zeros((n_raters, k, k))
    priors = np.full(k, 1.0 / k)
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007 (the count is returned)
        # M-step: class shares and each rater's confusion from the current soft labels.
        priors = np.maximum(posteriors.sum(axis=0) + smoothing, TINY)
        priors /= priors.sum()
        confusion = np.empty((n_raters, k, k))
        for true in range(k):
            # confusion[r, true, said] = sum of posteriors[i, true] over annotations (i, r, said)
            confusion[:, true, :] = np.bincount(
                said, weights=np.take(posteriors, item_at[true]), minlength=n_raters * k
            ).reshape(n_raters, k)
        # The floor stands for crowd-kit's: with smoothing 0 a never-seen cell is not log 0.
        confusion = np.maximum(confusion + smoothing, TINY)
        confusion /= confusion.sum(axis=2, keepdims=True)
        # E-step: log P(true = k) + sum over the item's labels of log P(said | true = k).
        log_confusion = np.log(confusion)
        log_post = np.empty((n_items, k))
        for true in range(k):
            log_post[:, true] = np.log(priors[true]) + np.bincount(
                item, weights=np.take(log_confusion, confusion_at[true]), minlength=n_items
            )
        log_post -= log_post.max(axis=1, keepdims=True)
        updated = np.exp(log_post)
        updated /= updated.sum(axis=1, keepdims=True)
        change = float(np.abs(updated - posteriors).max())
        posteriors = updated
        if change < tolerance:
            break
    return DawidSkeneResult(posteriors, confusion, priors, iterations)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters over the same items; None when chance agreement is 1."""
    if len(first) != len(second):
        raise ValueError("Both raters must label the same items.")
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    counts_a, counts_b = Counter(first), Counter(second)
    expected = sum(counts_a[c] * counts_b[c] for c in counts_a) / (n * n)
    if expected >= 1.0:
        return None
    return float((observed - expected) / (1.0 - expected))


def fleiss_kappa(counts: np.ndarray) -> float | None:
    """Fleiss' kappa from an (items, K) table of how many raters chose each class.

    Items may have different numbers of raters (each needs at least two): per-item agreement
    is the share of agreeing rater pairs, and chance agreement uses the pooled class shares.
    """
    table = np.asarray(counts, dtype=float)
    per_item = table.sum(axis=1)
    table = table[per_item >= 2]
    per_item = per_item[per_item >= 2]
    if len(table) == 0:
        return None
    agreement = ((table * (table - 1)).sum(axis=1) / (per_item * (per_item - 1))).mean()
    shares = table.sum(axis=0) / table.sum()
    expected = float((shares**2).sum())
    if expected >= 1.0:
        return None
    return float((agreement - expected) / (1.0 - expected))


def krippendorff_alpha_nominal(units: Sequence[Sequence[Hashable]]) -> float | None:
    """Krippendorff's alpha for nominal data; `units` lists the values given to each unit.

    Units with fewer than two values are not pairable and are left out, as in Krippendorff
    (2011). None when every pairable value is the same (no expected disagreement).
    """
    pairable = [list(u) for u in units if len(u) >= 2]
    values = sorted({v for u in pairable for v in u}, key=repr)
    index = {v: i for i, v in enumerate(values)}
    coincidence = np.zeros((len(values), len(values)))
    for unit in pairable:
        m = len(unit)
        for a, b in combinations(unit, 2):
            # Each ordered pair of different raters' values counts 1 / (m - 1).
            coincidence[index[a], index[b]] += 1.0 / (m - 1)
            coincidence[index[b], index[a]] += 1.0 / (m - 1)
    marginals = coincidence.sum(axis=1)
    n = marginals.sum()
    if n <= 1:
        return None
    disagree_observed = coincidence.sum() - np.trace(coincidence)
    disagree_expected = (marginals.sum() ** 2 - (marginals**2).sum()) / (n - 1)
    if disagree_expected == 0:
        return None
    return float(1.0 - disagree_observed / disagree_expected)


def pairwise_cohen_kappa(ratings: Mapping[Any, Mapping[Any, Hashable]]) -> float | None:
    """Mean Cohen's kappa over rater pairs, each on the items both labelled (at least 2).

    `ratings` maps rater -> item -> label.
    """
    kappas = []
    for a, b in combinations(sorted(ratings, key=repr), 2):
        shared = sorted(set(ratings[a]) & set(ratings[b]), key=repr)
        if len(shared) < 2:
            continue
        kappa = cohen_kappa([ratings[a][i] for i in shared], [ratings[b][i] for i in shared])
        if kappa is not None:
            kappas.append(kappa)
    return float(np.mean(kappas)) if kappas else None
