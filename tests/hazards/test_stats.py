"""The statistics against values computed by hand or published with the method."""

import numpy as np
import pytest

from annotation.hazards.stats import (
    cohen_kappa,
    dawid_skene,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    majority_vote,
    pairwise_cohen_kappa,
)
from annotation.proportions import wilson_interval


def test_cohen_kappa_of_a_two_by_two_table() -> None:
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15: po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5.
    first = ["y"] * 25 + ["n"] * 25
    second = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None


def test_fleiss_kappa_of_the_textbook_table() -> None:
    # Fleiss (1971) style worked example: 10 items, 14 raters, 5 classes; kappa = 0.210.
    table = np.array(
        [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ]
    )
    assert fleiss_kappa(table) == pytest.approx(0.2099, abs=1e-4)


def test_krippendorff_alpha_by_hand_and_on_krippendorffs_example() -> None:
    # n = 6 values, o(a,b) + o(b,a) = 2, n_a = n_b = 3: alpha = 1 - 5 * 2 / 18.
    assert krippendorff_alpha_nominal([["a", "a"], ["a", "b"], ["b", "b"], ["a"]]) == (
        pytest.approx(1 - 10 / 18)
    )
    # Krippendorff (2011), 4 observers x 12 units with missing values: nominal alpha = 0.743.
    observers = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [[o[u] for o in observers if o[u] is not None] for u in range(12)]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=1e-3)
    assert krippendorff_alpha_nominal([["a", "a"], ["a", "a"]]) is None


def test_wilson_interval() -> None:
    low, high = wilson_interval(5, 10)
    assert (low, high) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert wilson_interval(0, 20)[0] == pytest.approx(0.0)


def test_pairwise_kappa_averages_rater_pairs() -> None:
    ratings = {"a": {1: 1, 2: 0, 3: 1}, "b": {1: 1, 2: 0, 3: 0}, "c": {1: 1}}
    # Only (a, b) share two or more items: po = 2/3, pe = (2*1 + 1*2)/9 = 4/9.
    assert pairwise_cohen_kappa(ratings) == pytest.approx((2 / 3 - 4 / 9) / (1 - 4 / 9))


def test_dawid_skene_recovers_planted_noise_better_than_majority_vote() -> None:
    rng = np.random.default_rng(7)
    n_items, n_raters = 400, 5
    truth = rng.random(n_items) < 0.3
    # Two reliable raters and three who flip most labels: majority vote follows the noisy three.
    accuracy = np.array([0.95, 0.9, 0.35, 0.4, 0.35])
    items, raters, labels = [], [], []
    for i in range(n_items):
        for r in range(n_raters):
            correct = rng.random() < accuracy[r]
            items.append(i)
            raters.append(r)
            labels.append(int(truth[i] if correct else not truth[i]))
    result = dawid_skene(items, raters, labels, n_items=n_items, n_raters=n_raters, n_classes=2)
    ds_accuracy = (result.labels == truth).mean()
    mv_accuracy = (majority_vote(items, labels, n_items, 2) == truth).mean()
    assert ds_accuracy > 0.9
    assert ds_accuracy > mv_accuracy + 0.1
    # The estimated confusion recovers each rater's planted accuracy.
    assert result.rater_accuracy() == pytest.approx(accuracy, abs=0.08)


def test_majority_vote_marks_unlabelled_items() -> None:
    assert majority_vote([0, 0, 0, 2], [1, 1, 0, 0], 3, 2).tolist() == [1, -1, 0]


def test_dawid_skene_equals_crowd_kit() -> None:
    import pandas as pd
    from crowdkit.aggregation import DawidSkene

    rng = np.random.default_rng(4)
    n_items, n_raters = 300, 12
    truth = rng.integers(0, 3, n_items)
    accuracy = rng.uniform(0.45, 0.9, n_raters)
    item = np.repeat(np.arange(n_items), 4)
    rater = rng.integers(0, n_raters, len(item))
    right = rng.random(len(item)) < accuracy[rater]
    label = np.where(right, truth[item], (truth[item] + rng.integers(1, 3, len(item))) % 3)
    # crowd-kit has no smoothing and stops on the evidence bound, we on the posteriors: run
    # both for the same number of EM steps (a negative tol never stops crowd-kit early).
    ours = dawid_skene(
        item,
        rater,
        label,
        n_items=n_items,
        n_raters=n_raters,
        n_classes=3,
        smoothing=0.0,
        tolerance=0.0,
        max_iterations=40,
    )
    assert ours.iterations == 40
    reference = DawidSkene(n_iter=40, tol=-np.inf).fit(
        pd.DataFrame({"task": item, "worker": rater, "label": label})
    )
    assert reference.probas_ is not None
    probas = reference.probas_.sort_index()[[0, 1, 2]].to_numpy()
    assert ours.posteriors == pytest.approx(probas, abs=1e-8)
    # crowd-kit reports the M-step after its last E-step; ours is the one that last E-step
    # used, i.e. crowd-kit's after one step fewer.
    one_fewer = DawidSkene(n_iter=39, tol=-np.inf).fit(
        pd.DataFrame({"task": item, "worker": rater, "label": label})
    )
    errors, priors = one_fewer.errors_, one_fewer.priors_
    assert errors is not None  # indexed by (worker, label said), a column per true class
    assert priors is not None
    for r in range(n_raters):
        for said in range(3):
            for true in range(3):
                expected = errors.loc[(r, said), true] if (r, said) in errors.index else 0.0
                assert ours.confusion[r, true, said] == pytest.approx(expected, abs=1e-8)
    assert ours.priors == pytest.approx(priors.sort_index().to_numpy(), abs=1e-8)
    assert (ours.labels == truth).mean() > 0.85
