"""Judge-accuracy analytics over judgement records (plain dicts; no database here).

A judgement is correct when its probability on the correct answer is above 0.5 (the rule of
Michael et al. 2023). Intervals are Wilson 95% intervals for proportions and bootstrap
percentile intervals for Bradley-Terry ratings.
"""

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from annotation.debates.scoring import brier, log_score

Record = dict[str, Any]
Z95 = 1.959963984540054


def wilson(correct: int, n: int) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = correct / n
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / (1 + Z95**2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def accuracy_table(records: Iterable[Record], by: Sequence[str]) -> list[Record]:
    """One row per distinct value of the `by` fields: n, correct, incorrect, accuracy, CI."""
    groups: dict[tuple[Any, ...], list[bool]] = defaultdict(list)
    for record in records:
        groups[tuple(record[k] for k in by)].append(record["correct"])
    rows = []
    for key in sorted(groups, key=lambda k: tuple(str(v) for v in k)):
        outcomes = groups[key]
        n, correct = len(outcomes), sum(outcomes)
        low, high = wilson(correct, n)
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
    filled: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for record in records:
        probabilities = record["probabilities"]
        chosen = max(range(len(probabilities)), key=lambda i: probabilities[i])
        confidence = probabilities[chosen]
        index = min(int(confidence * bins), bins - 1)
        filled[index].append((confidence, chosen == record["correct_index"]))
    diagram, ece = [], 0.0
    for index, items in enumerate(filled):
        if not items:
            continue
        mean_confidence = sum(c for c, _ in items) / len(items)
        accuracy = sum(ok for _, ok in items) / len(items)
        ece += len(items) / len(records) * abs(accuracy - mean_confidence)
        diagram.append(
            {
                "low": index / bins,
                "high": (index + 1) / bins,
                "n": len(items),
                "confidence": mean_confidence,
                "accuracy": accuracy,
            }
        )
    return {
        "n": len(records),
        "brier": sum(brier(r["probabilities"], r["correct_index"]) for r in records) / len(records),
        "log_score": sum(log_score(r["probabilities"], r["correct_index"]) for r in records)
        / len(records),
        "ece": ece,
        "bins": diagram,
    }


def bradley_terry(
    matches: Sequence[tuple[str, str]], iterations: int = 200, prior: float = 1.0
) -> dict[str, float]:
    """Ratings (Elo-like scale, mean 0) from (winner, loser) pairs, fitted by Hunter's MM.

    Every player gets `prior` virtual wins and losses against a reference player of strength
    1, which keeps unbeaten and winless players finite.
    """
    players = sorted({p for match in matches for p in match})
    if not players:
        return {}
    wins: dict[str, float] = {p: prior for p in players}
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for winner, loser in matches:
        wins[winner] += 1
        pairs[(winner, loser)] += 1
        pairs[(loser, winner)] += 1
    strength = {p: 1.0 for p in players}
    for _ in range(iterations):
        updated = {}
        for p in players:
            denominator = 2 * prior / (strength[p] + 1.0)
            for (a, b), count in pairs.items():
                if a == p:
                    denominator += count / (strength[p] + strength[b])
            updated[p] = wins[p] / denominator
        strength = updated
    logs = {p: 400 * math.log10(s) for p, s in strength.items()}
    mean = sum(logs.values()) / len(logs)
    return {p: v - mean for p, v in logs.items()}


def persuasiveness(records: Sequence[Record], samples: int = 200, seed: int = 0) -> list[Record]:
    """Bradley-Terry rating per debater with a bootstrap 95% interval, and how often the
    debater won the judge over while arguing a wrong answer."""
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
    ratings = bradley_terry(matches)
    rng = random.Random(seed)
    draws: dict[str, list[float]] = defaultdict(list)
    for _ in range(samples if matches else 0):
        sample = [matches[rng.randrange(len(matches))] for _ in matches]
        for player, value in bradley_terry(sample, iterations=50).items():
            draws[player].append(value)
    rows = []
    for player in sorted(set(ratings) | set(wrong)):
        values = sorted(draws.get(player, []))
        played = sum(player in m for m in matches)
        won = sum(m[0] == player for m in matches)
        wrong_wins = wrong.get(player, [])
        rows.append(
            {
                "debater": player,
                "rating": ratings.get(player),
                "ci_low": values[int(0.025 * (len(values) - 1))] if values else None,
                "ci_high": values[int(0.975 * (len(values) - 1))] if values else None,
                "matches": played,
                "wins": won,
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
        low, high = wilson(sum(pairs), len(pairs))
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
