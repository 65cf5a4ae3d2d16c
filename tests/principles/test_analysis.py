"""Opinion groups and support on small hand-made vote matrices (no database)."""

import numpy as np

from annotation.principles.analysis import opinion_groups, statement_support

N = np.nan


def test_missing_votes_are_imputed_and_sparse_voters_left_out() -> None:
    # Two camps over 8 statements; each member skips a different statement.
    camp = np.array([1, 1, 1, 1, -1, -1, -1, -1], dtype=float)
    rows = []
    for i in range(8):
        row = camp.copy() if i < 4 else -camp
        row[i] = N
        rows.append(row)
    rows.append(np.array([1, N, N, N, N, N, N, N]))  # one vote: too few to place
    groups = opinion_groups(np.array(rows))
    assert groups.k == 2
    assert groups.labels[8] is None
    assert len(set(groups.labels[:4])) == 1
    assert len(set(groups.labels[4:8])) == 1
    assert groups.labels[0] != groups.labels[4]
    assert len(groups.participant_xy) == 9
    assert len(groups.statement_xy) == 8


def test_unanimous_or_empty_matrices_form_one_group_or_none() -> None:
    same = opinion_groups(np.ones((3, 2)))
    assert same.labels == [0, 0, 0]
    assert same.k == 1
    empty = opinion_groups(np.full((2, 0), N))
    assert empty.labels == [None, None]
    assert empty.k == 0


def test_support_counts_passes_as_votes_and_consensus_needs_every_group() -> None:
    matrix = np.array([[1, 1], [1, 0], [-1, 1], [-1, N]], dtype=float)
    first, second = statement_support(matrix, [0, 0, 1, 1])
    assert (first.agree, first.disagree, first.passed, first.votes) == (2, 2, 0, 4)
    assert first.group_agreement == {0: 1.0, 1: 0.0}
    assert first.min_group_agreement == 0.0
    assert second.votes == 3
    assert second.agreement == 2 / 3
    assert second.group_agreement == {0: 0.5, 1: 1.0}
    # (2+1)/(2+2) * (0+1)/(2+2) for the first; (1+1)/(2+2) * (1+1)/(1+2) for the second.
    assert first.consensus == (3 / 4) * (1 / 4)
    assert second.consensus == (2 / 4) * (2 / 3)
