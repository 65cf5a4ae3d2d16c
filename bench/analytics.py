"""Analytics at the issue's sizes, each next to a reference implementation from PyPI.

    make bench-analytics                       # or: .venv/bin/python bench/analytics.py

- Bradley-Terry with 200 bootstrap resamples on 100,000 judgements between 50 debaters
  (`persuasiveness`, what the debate analytics page shows) against choix's
  `ilsr_pairwise_dense` fitting the same model on the same resampled count matrices.
- Opinion groups for 1,500 voters x 300 statements (half the votes missing, three planted
  camps) against the plain scikit-learn pipeline (PCA, k-means on every voter, k by
  silhouette): no PyPI package implements Polis's clustering, so the comparison is the
  agreement of the groups (adjusted Rand index) with the planted camps and with that pipeline.
- Dawid-Skene on 100,000 labels (20,000 items, 200 raters, 2 classes) against crowd-kit's
  `DawidSkene`, run for as many EM steps as ours took.

No database is touched. Prints one table with the machine and the date; each time is the
best of --repeats runs, measured in this run for both sides.
"""

import argparse
import datetime as dt
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]

import numpy as np  # noqa: E402

from annotation.debates.analytics import (  # noqa: E402
    ELO,
    bradley_terry_bootstrap,
    persuasiveness,
    win_matrix,
)
from annotation.hazards.stats import dawid_skene  # noqa: E402
from annotation.principles.analysis import opinion_groups  # noqa: E402


def best_of(repeats: int, run: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def judgements(n: int, players: int, rng: np.random.Generator) -> list[dict[str, Any]]:
    skill = rng.normal(0, 1, players)
    a = rng.integers(0, players, n)
    b = (a + rng.integers(1, players, n)) % players
    p = np.clip(1 / (1 + np.exp(skill[b] - skill[a])) + rng.normal(0, 0.1, n), 0.01, 0.99)
    return [
        {
            "probabilities": [float(p[i]), float(1 - p[i])],
            "correct_index": 0,
            "debaters": [
                {"identity": f"debater-{a[i]}", "answer_index": 0},
                {"identity": f"debater-{b[i]}", "answer_index": 1},
            ],
        }
        for i in range(n)
    ]


def choix_bootstrap(records: list[dict[str, Any]], samples: int, seed: int) -> np.ndarray:
    """(3, P) rating, 2.5% and 97.5% bounds through choix, on the same resampled matrices."""
    import choix

    matches = []
    for r in records:
        (first, second), p = r["debaters"], r["probabilities"]
        if p[0] != p[1]:
            pair = (first["identity"], second["identity"])
            matches.append(pair if p[0] > p[1] else pair[::-1])
    _, wins = win_matrix(matches)
    players = len(wins)

    def fit(w: np.ndarray) -> np.ndarray:
        # The prior's reference player as one more item, beaten once by and beating each.
        full = np.ones((players + 1, players + 1))
        full[:players, :players] = w
        full[players, players] = 0
        params = choix.ilsr_pairwise_dense(full, max_iter=1000, tol=1e-10)
        ratings = ELO * (params[:players] - params[players])
        return np.asarray(ratings - ratings.mean())

    rng = np.random.default_rng(seed)
    resampled = bradley_terry_bootstrap(wins, samples, rng)
    draws = np.array([fit(w) for w in resampled])
    low, high = np.quantile(draws, [0.025, 0.975], axis=0, method="lower")
    return np.array([fit(wins), low, high])


def vote_matrix(voters: int, statements: int, rng: np.random.Generator) -> tuple[Any, Any]:
    camp = rng.integers(0, 3, voters)
    stance = rng.choice([-1.0, 0.0, 1.0], size=(3, statements))
    noise = rng.choice([-1.0, 0.0, 1.0], size=(voters, statements))
    matrix = np.where(rng.random((voters, statements)) < 0.75, stance[camp], noise)
    matrix[rng.random(matrix.shape) < 0.5] = np.nan
    return matrix, camp


def sklearn_groups(matrix: np.ndarray) -> np.ndarray:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA
    from sklearn.metrics import silhouette_score

    filled = np.where(np.isnan(matrix), np.nanmean(matrix, axis=0), matrix)
    points = PCA(n_components=2, random_state=0).fit_transform(filled)
    fits = [KMeans(k, n_init=10, random_state=0).fit(points) for k in range(2, 6)]
    return max(fits, key=lambda f: silhouette_score(points, f.labels_)).labels_


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judgements", type=int, default=100_000)
    parser.add_argument("--labels", type=int, default=100_000)
    parser.add_argument("--voters", type=int, default=1_500)
    parser.add_argument("--statements", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    from sklearn.metrics import adjusted_rand_score

    rng = np.random.default_rng(0)
    rows = []

    records = judgements(args.judgements, 50, rng)
    ours_s, ours = best_of(args.repeats, lambda: persuasiveness(records, samples=200, seed=1))
    ref_s, ref = best_of(1, lambda: choix_bootstrap(records, 200, seed=1))
    mine = np.array([[r["rating"], r["ci_low"], r["ci_high"]] for r in ours]).T
    rows.append(
        (
            f"Bradley-Terry + 200 bootstraps, {args.judgements:,} judgements",
            "choix ilsr_pairwise_dense",
            ours_s,
            ref_s,
            f"{np.abs(mine - ref).max():.2e} Elo points (rating and bounds)",
        )
    )

    matrix, camp = vote_matrix(args.voters, args.statements, rng)
    ours_s, groups = best_of(args.repeats, lambda: opinion_groups(matrix))
    ref_s, theirs = best_of(args.repeats, lambda: sklearn_groups(matrix))
    labels = np.array(groups.labels)
    rows.append(
        (
            f"opinion groups, {args.voters:,} x {args.statements}",
            "scikit-learn PCA + k-means",
            ours_s,
            ref_s,
            f"k {groups.k} vs {len(set(theirs))}; ARI vs camps "
            f"{adjusted_rand_score(camp, labels):.3f}, vs reference "
            f"{adjusted_rand_score(theirs, labels):.3f}",
        )
    )

    import pandas as pd
    from crowdkit.aggregation import DawidSkene

    items, raters = args.labels // 5, 200
    truth = rng.integers(0, 2, items)
    accuracy = rng.uniform(0.55, 0.95, raters)
    item = np.repeat(np.arange(items), 5)
    rater = rng.integers(0, raters, len(item))
    label = np.where(rng.random(len(item)) < accuracy[rater], truth[item], 1 - truth[item])
    ours_s, result = best_of(
        args.repeats,
        lambda: dawid_skene(item, rater, label, n_items=items, n_raters=raters, n_classes=2),
    )
    frame = pd.DataFrame({"task": item, "worker": rater, "label": label})
    ref_s, reference = best_of(
        1, lambda: DawidSkene(n_iter=result.iterations, tol=-np.inf).fit(frame)
    )
    probas = reference.probas_.sort_index()[[0, 1]].to_numpy()
    rows.append(
        (
            f"Dawid-Skene, {len(item):,} labels",
            "crowd-kit DawidSkene",
            ours_s,
            ref_s,
            f"{np.abs(result.posteriors - probas).max():.2e} posterior"
            f" ({result.iterations} EM steps, our smoothing 0.01 against none)",
        )
    )

    print(
        f"# bench/analytics.py, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.node()}: {os.cpu_count()} CPUs, {platform.machine()}, "
        f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}, "
        f"numpy {np.__version__}"
    )
    print("| aggregation | reference | ours (s) | reference (s) | speed-up | max difference |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, reference_name, mine_s, theirs_s, difference in rows:
        print(
            f"| {name} | {reference_name} | {mine_s:.2f} | {theirs_s:.2f} | "
            f"{theirs_s / mine_s:.1f}x | {difference} |"
        )


if __name__ == "__main__":
    main()
