"""Opinion groups and bridging consensus from a vote matrix, the way Polis computes them.

Pure numpy/scikit-learn, no Django: the same code analyses a platform round and an imported
Polis conversation. A vote matrix is participants x statements (shape P x S) holding agree 1,
disagree -1, pass 0 and NaN where the participant did not vote.
"""

from dataclasses import dataclass

import numpy as np

# Polis clusters only participants who voted on at least this many statements (or on all of
# them when there are fewer): a handful of votes places a person almost anywhere on the map.
MIN_VOTES = 7
MAX_GROUPS = 5
# Polis changes its number of groups only when a larger one is better for several updates in
# a row, which favours fewer groups. From one snapshot we keep that bias by taking the
# smallest k whose silhouette is within this margin of the best.
SILHOUETTE_MARGIN = 0.01
SEED = 0


@dataclass(frozen=True)
class OpinionGroups:
    labels: list[int | None]  # per participant; None where left out (too few votes)
    participant_xy: list[tuple[float, float]]  # per participant, PCA map coordinates
    statement_xy: list[tuple[float, float]]  # per statement, PCA loadings on the same axes
    k: int
    silhouette: float | None


def opinion_groups(matrix: np.ndarray) -> OpinionGroups:
    """Groups participants: mean-impute missing votes, PCA to 2-D, k-means with k by silhouette.

    Polis also scales each projection by sqrt(S / votes cast); on the shipped conversations
    that scaling lowered agreement with Polis's own groups, so the map is left unscaled.
    """
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.metrics import silhouette_score

    n_participants, n_statements = matrix.shape
    voted = ~np.isnan(matrix)
    counts = voted.sum(axis=1)  # (P,)
    kept = counts >= min(MIN_VOTES, n_statements) if n_statements else np.zeros(0, bool)
    xy = np.zeros((n_participants, 2))
    loadings = np.zeros((n_statements, 2))
    labels: list[int | None] = [None] * n_participants
    if kept.sum() == 0 or n_statements == 0:
        return OpinionGroups(labels, _pairs(xy), _pairs(loadings), 0, None)

    cast = voted[kept].sum(axis=0)  # (S,) votes per statement among kept participants
    totals = np.where(voted[kept], matrix[kept], 0.0).sum(axis=0)
    column_mean = np.divide(totals, cast, out=np.zeros(n_statements), where=cast > 0)
    filled = np.where(voted, matrix, column_mean)  # (P, S)
    if np.ptp(filled[kept], axis=0).max() == 0:
        # Everyone kept voted alike: one group, all at the origin of the map.
        for index in np.flatnonzero(kept):
            labels[int(index)] = 0
        return OpinionGroups(labels, _pairs(xy), _pairs(loadings), 1, None)
    components = min(2, int(kept.sum()), n_statements)
    pca = PCA(n_components=components, random_state=SEED).fit(filled[kept])
    xy[:, :components] = pca.transform(filled)
    loadings[:, :components] = pca.components_.T

    points = xy[kept]
    distinct = len(np.unique(points.round(9), axis=0))
    best: tuple[int, float, np.ndarray] | None = None
    scores: list[tuple[int, float, np.ndarray]] = []
    # silhouette needs 2 <= k <= points - 1, and k-means cannot find more groups than points.
    for k in range(2, min(MAX_GROUPS, distinct, len(points) - 1) + 1):
        fitted = KMeans(n_clusters=k, n_init=10, random_state=SEED).fit(points)
        scores.append((k, float(silhouette_score(points, fitted.labels_)), fitted.labels_))
    if scores:
        top = max(score for _, score, _ in scores)
        best = next(s for s in scores if s[1] >= top - SILHOUETTE_MARGIN)
    kept_labels = best[2] if best else np.zeros(int(kept.sum()), dtype=int)
    for index, label in zip(np.flatnonzero(kept), kept_labels, strict=True):
        labels[int(index)] = int(label)
    return OpinionGroups(
        labels,
        _pairs(xy),
        _pairs(loadings),
        best[0] if best else 1,
        best[1] if best else None,
    )


@dataclass(frozen=True)
class StatementSupport:
    votes: int  # human votes cast, passes included
    agree: int
    disagree: int
    passed: int
    agreement: float | None  # agree / votes
    group_agreement: dict[int, float | None]  # per group: agree / votes within the group
    min_group_agreement: float | None
    # Group-informed consensus: product over groups of (agree + 1) / (votes + 2), so that one
    # group's rejection sinks a statement however large the other groups are.
    consensus: float | None


def statement_support(matrix: np.ndarray, labels: list[int | None]) -> list[StatementSupport]:
    groups = sorted({label for label in labels if label is not None})
    member = {g: np.array([label == g for label in labels], dtype=bool) for g in groups}
    result = []
    for column in matrix.T:  # (P,)
        agree, disagree, passed = (int(np.sum(column == v)) for v in (1, -1, 0))
        votes = agree + disagree + passed
        per_group: dict[int, float | None] = {}
        consensus = 1.0
        for g in groups:
            cast = column[member[g] & ~np.isnan(column)]
            per_group[g] = float(np.mean(cast == 1)) if cast.size else None
            consensus *= (np.sum(cast == 1) + 1) / (cast.size + 2)
        known = [v for v in per_group.values() if v is not None]
        result.append(
            StatementSupport(
                votes=votes,
                agree=agree,
                disagree=disagree,
                passed=passed,
                agreement=agree / votes if votes else None,
                group_agreement=per_group,
                min_group_agreement=min(known) if known else None,
                consensus=float(consensus) if groups else None,
            )
        )
    return result


def _pairs(array: np.ndarray) -> list[tuple[float, float]]:
    return [(round(float(a), 6), round(float(b), 6)) for a, b in array]
