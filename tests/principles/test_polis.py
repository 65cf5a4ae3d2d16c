"""Polis import and clustering: our groups must match Polis's own on the shipped exports."""

import json
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from sklearn.metrics import adjusted_rand_score

from annotation.principles.analysis import opinion_groups
from annotation.principles.models import PolisConversation, PolisParticipant, PolisVote
from annotation.principles.polis import polis_matrix

DATA = Path(__file__).resolve().parents[2] / "data" / "polis"

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["15-per-hour-seattle", "brexit-consensus"])
def test_platform_groups_agree_with_polis_groups(name: str) -> None:
    call_command("principles_import_polis", str(DATA / name), stdout=StringIO())
    out = StringIO()
    call_command("principles_groups", name, "--json", stdout=out)
    ours = json.loads(out.getvalue())
    theirs = dict(
        PolisParticipant.objects.filter(conversation__slug=name).values_list(
            "polis_id", "polis_group"
        )
    )
    assert set(ours) == {str(pid) for pid in theirs}
    pairs = [
        (theirs[int(pid)], group)
        for pid, group in ours.items()
        if group is not None and theirs[int(pid)] is not None
    ]
    # Nearly everyone Polis grouped is grouped by us too (Polis's 7-vote rule, same data).
    assert len(pairs) >= 0.9 * sum(g is not None for g in theirs.values())
    ari = adjusted_rand_score(*zip(*pairs, strict=True))
    assert ari >= 0.75, f"{name}: adjusted Rand index {ari:.3f}"


@pytest.mark.parametrize("name", ["15-per-hour-seattle", "brexit-consensus"])
def test_groups_are_stable_on_random_subsets_of_the_voters(name: str) -> None:
    """Any 85% of the voters: the same number of groups as on the whole conversation, and
    agreement with Polis's groups (ARI) of at least 0.75, over 20 seeded subsets."""
    call_command("principles_import_polis", str(DATA / name), stdout=StringIO())
    conversation = PolisConversation.objects.get(slug=name)
    participants, _, matrix = polis_matrix(conversation=conversation)
    theirs = dict(conversation.participants.values_list("polis_id", "polis_group"))
    polis = np.array([theirs[p] if theirs[p] is not None else -1 for p in participants])
    full = opinion_groups(matrix)
    assert full.k == len(set(polis) - {-1}) == 2
    for seed in range(20):
        rng = np.random.default_rng(seed)
        subset = np.sort(rng.choice(len(participants), round(0.85 * len(participants)), False))
        groups = opinion_groups(matrix[subset])
        ours = np.array([g if g is not None else -1 for g in groups.labels])
        both = (ours >= 0) & (polis[subset] >= 0)
        ari = adjusted_rand_score(polis[subset][both], ours[both])
        assert (groups.k, ari >= 0.75) == (full.k, True), f"seed {seed}: k={groups.k} {ari=:.3f}"


def test_import_keeps_the_last_vote_and_is_idempotent() -> None:
    folder = DATA / "brexit-consensus"
    call_command("principles_import_polis", str(folder), stdout=StringIO())
    counts = (PolisParticipant.objects.count(), PolisVote.objects.count())
    call_command("principles_import_polis", str(folder), stdout=StringIO())
    assert (PolisParticipant.objects.count(), PolisVote.objects.count()) == counts
    conversation = PolisConversation.objects.get(slug="brexit-consensus")
    assert conversation.topic == "Can there be consensus on Brexit?"
    assert counts[0] == 204
    # votes.csv has one row per vote cast; re-votes replace earlier ones.
    with (folder / "votes.csv").open() as handle:
        pairs = {tuple(line.split(",")[2:4]) for line in list(handle)[1:]}
    assert counts[1] == len(pairs)


def test_commands_refuse_bad_input_with_one_line(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"missing comments\.csv"):
        call_command("principles_import_polis", str(tmp_path))
    with pytest.raises(CommandError, match="run principles_import_polis first"):
        call_command("principles_groups", "nope", "--json")
    assert not PolisConversation.objects.exists()
