"""Judge analytics against reference implementations (scikit-learn, choix); no database."""

import math

import choix
import numpy as np
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

from annotation.debates.analytics import (
    ELO,
    bradley_terry,
    bradley_terry_bootstrap,
    bradley_terry_fit,
    calibration,
    persuasiveness,
)


def _choix_ratings(wins: np.ndarray, prior: int = 1) -> np.ndarray:
    """The same model through choix: the prior's reference player is one more item that
    every player beat `prior` times and lost to `prior` times."""
    players = len(wins)
    comparisons = np.zeros((players + 1, players + 1))
    comparisons[:players, :players] = wins
    comparisons[:players, players] = prior
    comparisons[players, :players] = prior
    params = choix.ilsr_pairwise_dense(comparisons, max_iter=10_000, tol=1e-12)
    ratings = ELO * (params[:players] - params[players])
    return np.asarray(ratings - ratings.mean())


def test_calibration_equals_scikit_learn() -> None:
    rng = np.random.default_rng(3)
    records = []
    for _ in range(500):
        p = float(rng.uniform(0.01, 0.99))
        correct = int(rng.random() < 0.3 + 0.5 * p)  # judges somewhat over-confident
        records.append({"probabilities": [p, 1 - p], "correct_index": 1 - correct})
    # Boundary confidences must fall in the bin scikit-learn puts them in.
    records += [{"probabilities": [q, 1 - q], "correct_index": 0} for q in (0.3, 0.7, 0.8)]
    ours = calibration(records, bins=10)

    truth = np.array([r["correct_index"] for r in records])
    probabilities = np.array([r["probabilities"] for r in records])
    # Our Brier sums over both options; scikit-learn's multiclass form without the halving.
    assert ours["brier"] == pytest.approx(
        brier_score_loss(truth, probabilities, labels=[0, 1], scale_by_half=False)
    )
    assert ours["log_score"] == pytest.approx(-log_loss(truth, probabilities) / math.log(2))
    confidence = probabilities.max(axis=1)
    right = (probabilities.argmax(axis=1) == truth).astype(int)
    accuracy, mean_confidence = calibration_curve(right, confidence, n_bins=10)
    assert [b["accuracy"] for b in ours["bins"]] == pytest.approx(accuracy.tolist())
    assert [b["confidence"] for b in ours["bins"]] == pytest.approx(mean_confidence.tolist())
    counts = np.array([b["n"] for b in ours["bins"]])
    assert counts.sum() == len(records)
    expected_ece = float((counts / len(records) * np.abs(accuracy - mean_confidence)).sum())
    assert ours["ece"] == pytest.approx(expected_ece)
    assert ours["ece"] > 0.05  # the planted over-confidence shows


def test_bradley_terry_equals_choix() -> None:
    rng = np.random.default_rng(5)
    strength = rng.normal(0, 1, 6)
    matches = []
    for _ in range(400):
        a, b = rng.choice(6, size=2, replace=False)
        won = rng.random() < 1 / (1 + math.exp(strength[b] - strength[a]))
        matches.append((f"p{a}", f"p{b}") if won else (f"p{b}", f"p{a}"))
    matches.append(("unbeaten", "p0"))  # finite only thanks to the prior
    ours = bradley_terry(matches)
    names = sorted(ours)
    index = {n: i for i, n in enumerate(names)}
    wins = np.zeros((len(names), len(names)))
    for winner, loser in matches:
        wins[index[winner], index[loser]] += 1
    assert [ours[n] for n in names] == pytest.approx(_choix_ratings(wins).tolist(), abs=1e-6)
    assert np.corrcoef([ours[f"p{i}"] for i in range(6)], strength)[0, 1] > 0.9


def test_bootstrap_resamples_are_fitted_like_choix() -> None:
    rng = np.random.default_rng(7)
    wins = rng.integers(0, 30, size=(5, 5)).astype(float)
    np.fill_diagonal(wins, 0)
    resampled = bradley_terry_bootstrap(wins, 12, rng)
    assert resampled.shape == (12, 5, 5)
    # Each resample has as many matches as the data, only in cells the data has.
    assert (resampled.sum(axis=(1, 2)) == wins.sum()).all()
    assert (resampled[:, wins == 0] == 0).all()
    fitted = bradley_terry_fit(resampled, start=bradley_terry_fit(wins[None])[0])
    for draw, ratings in zip(resampled, fitted, strict=True):
        assert ratings == pytest.approx(_choix_ratings(draw), abs=1e-6)


def test_persuasiveness_interval_brackets_the_rating() -> None:
    rng = np.random.default_rng(11)
    records = []
    for _ in range(300):
        p = float(rng.uniform(0.05, 0.95))
        strong_wins = rng.random() < 0.7
        records.append(
            {
                "probabilities": [p, 1 - p] if p != 0.5 else [0.6, 0.4],
                "correct_index": 0,
                "debaters": [
                    {"identity": "strong", "answer_index": 0 if strong_wins == (p > 0.5) else 1},
                    {"identity": "weak", "answer_index": 1 if strong_wins == (p > 0.5) else 0},
                ],
            }
        )
    rows = {r["debater"]: r for r in persuasiveness(records, samples=100)}
    strong = rows["strong"]
    assert strong["matches"] == 300
    assert 180 < strong["wins"] < 240
    assert strong["rating"] > 0 > rows["weak"]["rating"]
    assert strong["ci_low"] < strong["rating"] < strong["ci_high"]
    # About 70% wins is about 147 Elo points apart; the interval is a few dozen wide.
    assert 20 < strong["ci_high"] - strong["ci_low"] < 150
