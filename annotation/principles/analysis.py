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
# Polis first summarises the map by k-means into about 100 base clusters and groups those
# (weighted by their sizes), which makes the groups insensitive to any single participant.
BASE_CLUSTERS = 100
# k-means restarts per number of groups. The inertia of two-group splits of one elongated
# cloud is nearly flat, so k-means' own choice (least inertia) flips between unrelated splits
# on resamples (15-per-hour-seattle: 250.4 vs 251.8, silhouettes 0.35 vs 0.41). Of the
# restarts' partitions we keep the least inertia among those whose silhouette is within
# PARTITION_MARGIN of the best: silhouette picks the split, inertia breaks near-ties.
RESTARTS = 24
PARTITION_MARGIN = 0.02
LLOYD_ITERATIONS = 50
# Polis changes its number of groups only after a new k has had the best silhouette on four
# updates in a row (group-k-buffer in its math/conversation.clj), so noise in the silhouette
# never changes k. One snapshot has no history, and on real conversations the silhouettes of
# k = 2..5 often lie within 0.03 of each other, so the argmax wanders between resamples
# (brexit-consensus: 2 to 5 on 85% subsets). We keep the same bias towards the standing k,
# starting from the smallest: trying k = 3, 4, 5 in turn, a larger k replaces the standing one
# only when its silhouette is higher by more than this margin.
SILHOUETTE_MARGIN = 0.05
SEED = 0


@dataclass(frozen=True)
class OpinionGroups:
    labels: list[int | None]  # per participant; None where left out (too few votes)
    participant_xy: list[tuple[float, float]]  # per participant, PCA map coordinates
    statement_xy: list[tuple[float, float]]  # per statement, PCA loadings on the same axes
    k: int
    silhouette: float | None


def opinion_groups(matrix: np.ndarray) -> OpinionGroups:
    """Groups participants the way Polis does: mean-impute missing votes, PCA to 2-D, ~100
    k-means base clusters, then k-means over the base clusters with k in 2..5 by silhouette.

    Polis also scales each projection by sqrt(S / votes cast); on the shipped conversations
    that scaling lowered agreement with Polis's own groups, so the map is left unscaled.
    """
    from threadpoolctl import threadpool_limits

    # These are many small BLAS/OpenMP calls: on a shared machine, spinning thread pools made
    # them several times slower than one thread (1,500 x 300: 3.7 s against 0.75 s).
    with threadpool_limits(limits=1):
        return _opinion_groups(matrix)


def _opinion_groups(matrix: np.ndarray) -> OpinionGroups:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA

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

    points = xy[kept]  # (kept, 2)
    distinct = len(np.unique(points.round(9), axis=0))
    n_base = min(BASE_CLUSTERS, distinct)
    base = KMeans(n_clusters=n_base, n_init=1, random_state=SEED).fit(points)
    weights = np.bincount(base.labels_, minlength=n_base).astype(float)  # (B,) members
    used = weights > 0
    centres, weights = base.cluster_centers_[used], weights[used]
    member_of = (np.cumsum(used) - 1)[base.labels_]  # (kept,) index into centres
    distances = np.sqrt(((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=-1))
    rng = np.random.default_rng(SEED)
    best: tuple[int, float, np.ndarray] | None = None
    # Polis's bound: at most 2 + (base clusters / 12) groups, and never more than MAX_GROUPS;
    # k-means needs k distinct centres, and a silhouette k <= participants - 1.
    most = min(MAX_GROUPS, 2 + len(centres) // 12, len(centres), int(kept.sum()) - 1)
    for k in range(2, most + 1):
        assignment, inertia = _kmeans_restarts(centres, weights, k, rng)  # (R, B), (R,)
        scores = _weighted_silhouette(distances, weights, assignment, k)  # (R,)
        close = scores >= scores.max() - PARTITION_MARGIN
        top = int(np.flatnonzero(close)[inertia[close].argmin()])
        if best is None or scores[top] > best[1] + SILHOUETTE_MARGIN:
            best = (k, float(scores[top]), assignment[top])
    kept_labels = best[2][member_of] if best else np.zeros(int(kept.sum()), dtype=int)
    for index, label in zip(np.flatnonzero(kept), _by_size(kept_labels), strict=True):
        labels[int(index)] = int(label)
    return OpinionGroups(
        labels,
        _pairs(xy),
        _pairs(loadings),
        best[0] if best else 1,
        best[1] if best else None,
    )


def _kmeans_restarts(
    points: np.ndarray, weights: np.ndarray, k: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """R k-means++ restarts run together on B weighted 2-D points: the (R, B) cluster of each
    point and the (R,) weighted inertia."""
    n = len(points)
    # k-means++ seeding: each next centre drawn with probability ~ weight x squared distance.
    chosen = np.empty((RESTARTS, k), dtype=int)
    chosen[:, 0] = rng.choice(n, size=RESTARTS, p=weights / weights.sum())
    nearest = ((points[None, :, :] - points[chosen[:, :1]]) ** 2).sum(axis=-1)  # (R, B)
    for j in range(1, k):
        mass = weights * nearest + 1e-300  # the floor keeps identical points drawable
        cumulative = np.cumsum(mass, axis=1)
        draws = rng.random(RESTARTS) * cumulative[:, -1]
        chosen[:, j] = (cumulative < draws[:, None]).sum(axis=1).clip(max=n - 1)
        step = ((points[None, :, :] - points[chosen[:, j : j + 1]]) ** 2).sum(axis=-1)
        nearest = np.minimum(nearest, step)
    centres = points[chosen]  # (R, k, 2)
    assignment = np.full((RESTARTS, n), -1)
    for _ in range(LLOYD_ITERATIONS):
        squared = ((points[None, :, None, :] - centres[:, None, :, :]) ** 2).sum(axis=-1)
        updated = squared.argmin(axis=2)  # (R, B)
        if np.array_equal(updated, assignment):
            break
        assignment = updated
        one_hot = (assignment[:, :, None] == np.arange(k)) * weights[None, :, None]  # (R,B,k)
        mass = one_hot.sum(axis=1)  # (R, k)
        sums = np.einsum("rbk,bd->rkd", one_hot, points)
        # An emptied cluster keeps its old centre rather than dividing by zero.
        centres = np.where(
            mass[:, :, None] > 0, sums / np.maximum(mass, 1e-300)[:, :, None], centres
        )
    squared = ((points[None, :, None, :] - centres[:, None, :, :]) ** 2).sum(axis=-1)
    inertia = np.take_along_axis(squared, assignment[:, :, None], axis=2)[:, :, 0] * weights
    return assignment, inertia.sum(axis=1)


def _weighted_silhouette(
    distances: np.ndarray, weights: np.ndarray, assignment: np.ndarray, k: int
) -> np.ndarray:
    """(R,) mean silhouette of the members, each base cluster's members placed at its centre.

    Equals scikit-learn's silhouette_score over the members when every base cluster has one
    member; a member alone in its group scores 0, as there.
    """
    one_hot = (assignment[:, :, None] == np.arange(k)) * weights[None, :, None]  # (R, B, k)
    summed = np.einsum("ij,rjk->rik", distances, one_hot)  # (R, B, k): weighted distance sums
    size = one_hot.sum(axis=1)  # (R, k)
    own_size = np.take_along_axis(size, assignment, axis=1)  # (R, B)
    own_sum = np.take_along_axis(summed, assignment[:, :, None], axis=2)[:, :, 0]
    inside = np.divide(own_sum, own_size - 1, out=np.zeros_like(own_sum), where=own_size > 1)
    mean_to = np.divide(
        summed, size[:, None, :], out=np.full_like(summed, np.inf), where=size[:, None, :] > 0
    )
    np.put_along_axis(mean_to, assignment[:, :, None], np.inf, axis=2)
    nearest = mean_to.min(axis=2)  # (R, B)
    scale = np.maximum(inside, nearest)
    score = np.divide(
        nearest - inside,
        scale,
        out=np.zeros_like(inside),
        where=(own_size > 1) & (scale > 0) & np.isfinite(nearest),
    )
    return np.asarray((score * weights).sum(axis=1) / weights.sum())


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Group numbers renumbered largest first, so that the same split gets the same names."""
    sizes = np.bincount(labels)
    order = np.argsort(-sizes, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return np.asarray(rank[labels])


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
