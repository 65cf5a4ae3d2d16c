"""A snapshot is built from a stream of candidates: the build holds one at a time, never the
pool, and writes the same rows and hash as the build that keeps them in memory."""

import json
import weakref
from collections.abc import Iterator
from pathlib import Path

from training.snapshot import Candidate, DatasetRecipe, snapshot_build, snapshot_write


def candidate(n: int) -> Candidate:
    return Candidate(
        signal_id=n,
        item=f"item{n // 2}",
        rater=f"user:{n % 7}",
        groups={"source": "human", "model_version": "human", "rater_background": "unknown"},
        created_at="2026-01-01T00:00:00.000000+00:00",
        prompt=f"question {n // 2}\n\u2028",
        chosen="yes" if n % 5 else "no",
        rejected="no" if n % 5 else "yes",
        choice="yes" if n % 5 else "no",
    )


def test_the_build_holds_one_candidate_at_a_time(tmp_path: Path) -> None:
    handed_out: list[weakref.ref[Candidate]] = []
    most_alive = 0

    def stream() -> Iterator[Candidate]:
        nonlocal most_alive
        for n in range(300):
            # Candidates handed out earlier that something still holds (the caller's loop
            # variable holds the last one until it takes the next).
            most_alive = max(most_alive, sum(ref() is not None for ref in handed_out))
            made = candidate(n)
            handed_out.append(weakref.ref(made))
            yield made

    recipe = DatasetRecipe(kinds=("preference",), min_agreement=0.5, weight_by_quality=True)
    written = snapshot_write(recipe, stream(), tmp_path)
    assert most_alive <= 1
    # The same snapshot as the one built from a list held in memory.
    in_memory = snapshot_build(recipe, [candidate(n) for n in range(300)])
    assert written.content_hash == in_memory.content_hash
    assert written.folder == tmp_path / in_memory.content_hash
    train = (written.folder / "train.jsonl").read_text(encoding="utf-8").split("\n")[:-1]
    assert [json.loads(line) for line in train] == in_memory.train
    assert (written.counts, written.mix) == (in_memory.counts, in_memory.mix)
    # Nothing else is left next to the snapshot's folder (the spool is removed).
    assert [p.name for p in tmp_path.iterdir()] == [in_memory.content_hash]
