"""Judge-accuracy analytics over judgement records (plain dicts; no database here).

A judgement is correct when its probability on the correct answer is above 0.5 (the rule of
Michael et al. 2023). Intervals are Wilson 95% intervals for proportions and bootstrap
percentile intervals for Bradley-Terry ratings.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from annotation.debates.scoring import brier, log_score
from annotation.proportions import wilson_interval

Record = dict[str, Any]


def accuracy_table(records: Iterable[Record], by: Sequence[str]) -> list[Record]:
    """One row per distinct value of the `by` fields: n, correct, incorrect, accuracy, CI."""
    groups: dict[tuple[Any, ...], list[bool]] = defaultdict(list)
    for record in records:
        groups[tuple(record[k] for k in by)].append(record["correct"])
    rows = []
    for key in sorted(groups, key=lambda k: tuple(str(v) for v in k)):
        outcomes = groups[key]
        n, correct = len(outcomes), sum(outcomes)
        low, high = wilson_interval(correct, n)
        rows.append(
            {
                **dict(zip(by, key, strict=True)),
                "n": n,
                "correct": correct,
                "incorrect": n - correct,
                "accuracy": correct / n,
                "ci_low": low,
                "ci_high": high,
            }
        )
    return rows


def calibration(records: Sequence[Record], bins: int = 10) -> dict[str, Any]:
    """Brier and log score (means), expected calibration error and the reliability diagram.

    Confidence is the probability on the judge's chosen answer; a bin's accuracy is how often
    that answer was correct. ECE is the n-weighted mean |accuracy - confidence| over bins.
    """
    if not records:
        return {"n": 0, "brier": None, "log_score": None, "ece": None, "bins": []}
    confidence = np.array([max(r["probabilities"]) for r in records])  # (N,)
    right = np.array(
        [
            max(range(len(r["probabilities"])), key=lambda i: r["probabilities"][i])
            == r["correct_index"]
            for r in records
        ]
    )
    # Bins as scikit-learn's calibration_curve(strategy="uniform") draws them (closed on the
    # right: a confidence of exactly 0.7 is in (0.6, 0.7]), so the diagram is the reference's.
    index = np.searchsorted(np.linspace(0.0, 1.0, bins + 1)[1:-1], confidence)
    count = np.bincount(index, minlength=bins)
    confidence_sum = np.bincount(index, weights=confidence, minlength=bins)
    right_sum = np.bincount(index, weights=right, minlength=bins)
    diagram, ece = [], 0.0
    for b in np.flatnonzero(count):
        mean_confidence = float(confidence_sum[b] / count[b])
        accuracy = float(right_sum[b] / count[b])
        ece += count[b] / len(records) * abs(accuracy - mean_confidence)
        diagram.append(
            {
                "low": b / bins,
                "high": (b + 1) / bins,
                "n": int(count[b]),
                "confidence": mean_confidence,
                "accuracy": accuracy,
            }
        )
    return {
        "n": len(records),
        "brier": sum(brier(r["probabilities"], r["correct_index"]) for r in records) / len(records),
        "log_score": sum(log_score(r["probabilities"], r["correct_index"]) for r in records)
        / len(records),
        "ece": float(ece),
        "bins": diagram,
    }


# Bootstrap resamples are fitted in batches of at most this many count-matrix cells, so memory
# stays bounded however many debaters there are: (batch, P, P) float64 is 8 bytes a cell.
BATCH_CELLS = 4_000_000
ELO = 400 / math.log(10)  # rating points per unit of natural-log strength


def bradley_terry_fit(
    wins: np.ndarray,
    prior: float = 1.0,
    tolerance: float = 1e-8,
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Maximum-likelihood Bradley-Terry ratings for a batch of win-count matrices.

    `wins` is (B, P, P) with wins[b, i, j] the number of times i beat j in batch entry b.
    Every player also gets `prior` virtual wins and losses against a reference player of
    strength 1, which keeps unbeaten and winless players finite and makes the log-likelihood
    strictly concave, so Newton's method converges from zero in a few steps, and in two or
    three from `start` ((P,) ratings, e.g. the full data's for its bootstrap resamples).
    Returns (B, P) ratings on the Elo scale (400 log10 strength), each row with mean 0.
    """
    from scipy.special import expit

    batch, players, _ = wins.shape
    games = wins + wins.transpose(0, 2, 1)  # (B, P, P) matches between i and j
    won = wins.sum(axis=2) + prior  # (B, P)
    theta = np.zeros((batch, players))  # natural-log strengths; the reference is 0
    if start is not None:
        theta += start / ELO
    diagonal = np.arange(players)
    for _ in range(100):
        beats = expit(theta[:, :, None] - theta[:, None, :])  # (B, P, P) P(i beats j)
        versus_reference = expit(theta)  # (B, P)
        gradient = won - (games * beats).sum(axis=2) - 2 * prior * versus_reference
        curvature = games * beats * (1 - beats)  # (B, P, P)
        hessian = -curvature  # the negated Hessian, positive definite
        hessian[:, diagonal, diagonal] = curvature.sum(axis=2) + (
            2 * prior * versus_reference * (1 - versus_reference)
        )
        step = np.linalg.solve(hessian, gradient[:, :, None])[:, :, 0]
        theta += step
        if np.abs(step).max() < tolerance:
            break
    ratings = ELO * theta
    return np.asarray(ratings - ratings.mean(axis=1, keepdims=True))


def bradley_terry_bootstrap(wins: np.ndarray, samples: int, rng: np.random.Generator) -> np.ndarray:
    """(samples, P, P) win-count matrices of resampled match lists.

    Drawing n matches with replacement from n is a multinomial draw over the distinct
    (winner, loser) cells with probabilities count / n, so the matrices are drawn directly.
    """
    players = wins.shape[0]
    flat = wins.reshape(-1)
    cells = np.flatnonzero(flat)
    total = int(flat.sum())
    drawn = rng.multinomial(total, flat[cells] / total, size=samples)  # (samples, cells)
    resampled = np.zeros((samples, players * players))
    resampled[:, cells] = drawn
    return resampled.reshape(samples, players, players)


def bradley_terry(matches: Sequence[tuple[str, str]], prior: float = 1.0) -> dict[str, float]:
    """Ratings (Elo-like scale, mean 0) from (winner, loser) pairs; see bradley_terry_fit."""
    players, wins = win_matrix(matches)
    if not players:
        return {}
    ratings = bradley_terry_fit(wins[None], prior)[0]
    return dict(zip(players, ratings.tolist(), strict=True))


def win_matrix(matches: Sequence[tuple[str, str]]) -> tuple[list[str], np.ndarray]:
    """Sorted player names and the (P, P) matrix of how often each beat each other."""
    players = sorted({p for match in matches for p in match})
    index = {p: i for i, p in enumerate(players)}
    size = len(players)
    codes = np.fromiter(
        (index[w] * size + index[lo] for w, lo in matches), dtype=np.int64, count=len(matches)
    )
    wins = np.bincount(codes, minlength=size * size).astype(float).reshape(size, size)
    return players, wins


def persuasiveness(records: Sequence[Record], samples: int = 200, seed: int = 0) -> list[Record]:
    """Bradley-Terry rating per debater with a bootstrap 95% percentile interval, and how
    often the debater won the judge over while arguing a wrong answer.

    Every bootstrap resample is fitted over all debaters; one who played no match in a
    resample keeps only the prior's virtual matches there.
    """
    matches: list[tuple[str, str]] = []
    wrong: dict[str, list[bool]] = defaultdict(list)
    for record in records:
        probabilities = record["probabilities"]
        for debater in record["debaters"]:
            if debater["answer_index"] != record["correct_index"]:
                wrong[debater["identity"]].append(probabilities[debater["answer_index"]] > 0.5)
        if len(record["debaters"]) == 2:
            a, b = record["debaters"]
            p_a, p_b = probabilities[a["answer_index"]], probabilities[b["answer_index"]]
            if p_a != p_b and a["identity"] != b["identity"]:
                matches.append(
                    (a["identity"], b["identity"]) if p_a > p_b else (b["identity"], a["identity"])
                )
    players, wins = win_matrix(matches)
    index = {p: i for i, p in enumerate(players)}
    ratings = bradley_terry_fit(wins[None])[0] if players else np.zeros(0)
    low = high = np.zeros(0)
    if matches and samples:
        rng = np.random.default_rng(seed)
        batch = max(1, BATCH_CELLS // (len(players) ** 2))
        draws = np.concatenate(
            [
                bradley_terry_fit(
                    bradley_terry_bootstrap(wins, min(batch, samples - s), rng), start=ratings
                )
                for s in range(0, samples, batch)
            ]
        )  # (samples, P)
        # "lower" takes the order statistic at floor(q (n - 1)), an observed value.
        low, high = np.quantile(draws, [0.025, 0.975], axis=0, method="lower")
    played, won = wins.sum(axis=1) + wins.sum(axis=0), wins.sum(axis=1)
    rows = []
    for player in sorted(set(players) | set(wrong)):
        i = index.get(player)
        wrong_wins = wrong.get(player, [])
        rows.append(
            {
                "debater": player,
                "rating": float(ratings[i]) if i is not None else None,
                "ci_low": float(low[i]) if i is not None and len(low) else None,
                "ci_high": float(high[i]) if i is not None and len(high) else None,
                "matches": int(played[i]) if i is not None else 0,
                "wins": int(won[i]) if i is not None else 0,
                "wrong_answer_n": len(wrong_wins),
                "wrong_answer_win_rate": (
                    sum(wrong_wins) / len(wrong_wins) if wrong_wins else None
                ),
            }
        )
    return rows


def agreement(records: Sequence[Record]) -> list[Record]:
    """Human vs AI judges on the same debates: how often their chosen answers agree."""
    by_debate: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    origin: dict[int, str] = {}
    for record in records:
        probabilities = record["probabilities"]
        chosen = max(range(len(probabilities)), key=lambda i: probabilities[i])
        by_debate[record["debate"]][record["judge_kind"]].append(chosen)
        origin[record["debate"]] = record["origin"]
    counts: dict[str, list[bool]] = defaultdict(list)
    for debate, kinds in by_debate.items():
        for human in kinds.get("human", []):
            for ai in kinds.get("ai", []):
                counts[origin[debate]].append(human == ai)
    rows = []
    for name in sorted(counts):
        pairs = counts[name]
        low, high = wilson_interval(sum(pairs), len(pairs))
        rows.append(
            {
                "origin": name,
                "pairs": len(pairs),
                "agree": sum(pairs),
                "rate": sum(pairs) / len(pairs),
                "ci_low": low,
                "ci_high": high,
            }
        )
    return rows
