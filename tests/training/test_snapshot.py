"""Snapshots: reproducible hashes, item-level splits, mixing weights, agreement floors."""

import json
from pathlib import Path

import pytest

from training.snapshot import (
    Candidate,
    DatasetRecipe,
    RecipeError,
    snapshot_build,
    snapshot_export_hf,
    snapshot_write_jsonl,
)


def pair(
    signal_id: int,
    item: str,
    *,
    rater: str = "",
    source: str = "human",
    chosen: str = "a",
    created_at: str = "2026-01-01T00:00:00+00:00",
) -> Candidate:
    return Candidate(
        signal_id=signal_id,
        item=item,
        rater=rater or f"user:{signal_id}",
        groups={"source": source, "model_version": source, "rater_background": "unknown"},
        created_at=created_at,
        prompt=f"question {item}\n",
        chosen=chosen,
        rejected="b" if chosen == "a" else "a",
    )


def pool() -> list[Candidate]:
    return [pair(i, f"item{i}", source="human" if i % 3 else "model") for i in range(1, 61)]


def test_same_recipe_over_same_pool_gives_same_hash_and_rows() -> None:
    recipe = DatasetRecipe(kinds=("preference",))
    first = snapshot_build(recipe, pool())
    second = snapshot_build(recipe, list(reversed(pool())))
    assert first.content_hash == second.content_hash
    assert first.train == second.train
    assert snapshot_build(DatasetRecipe(kinds=("preference",), seed=1), pool()).content_hash != (
        first.content_hash
    )


def test_split_is_by_item_so_nothing_leaks() -> None:
    candidates = [pair(i, f"item{i % 20}", chosen="a") for i in range(200)]
    snapshot = snapshot_build(
        DatasetRecipe(kinds=("preference",), dedupe=False, eval_fraction=0.3), candidates
    )
    train_items = {r["item"] for r in snapshot.train}
    eval_items = {r["item"] for r in snapshot.eval}
    assert train_items
    assert eval_items
    assert not train_items & eval_items
    assert len(snapshot.train) + len(snapshot.eval) == 200


def test_weights_set_the_achieved_mix() -> None:
    snapshot = snapshot_build(
        DatasetRecipe(kinds=("preference",), weights={"human": 1, "model": 1}), pool()
    )
    # 40 human and 20 model signals: the model group limits a 50/50 mix to 20 + 20.
    assert snapshot.mix == {"human": 0.5, "model": 0.5}
    assert len(snapshot.signal_ids) == 40
    only_humans = snapshot_build(DatasetRecipe(kinds=("preference",), weights={"human": 1}), pool())
    assert only_humans.mix == {"human": 1.0}


def test_agreement_and_reliability_floors_drop_noise() -> None:
    candidates = [
        pair(1, "x", rater="u1", chosen="a"),
        pair(2, "x", rater="u2", chosen="a"),
        pair(3, "x", rater="u3", chosen="b"),
        pair(4, "y", rater="u1", chosen="a"),
        pair(5, "y", rater="u2", chosen="a"),
        pair(6, "y", rater="u3", chosen="b"),
        pair(7, "z", rater="u4", chosen="a"),
    ]
    loose = snapshot_build(DatasetRecipe(kinds=("preference",), dedupe=False), candidates)
    assert len(loose.signal_ids) == 7
    reliable = snapshot_build(
        DatasetRecipe(kinds=("preference",), dedupe=False, min_reliability=0.5), candidates
    )
    # u3 always disagrees with the majority; u4 is never measured, so kept.
    assert reliable.signal_ids == [1, 2, 4, 5, 7]
    agreed = snapshot_build(
        DatasetRecipe(kinds=("preference",), dedupe=False, min_agreement=0.9), candidates
    )
    assert agreed.signal_ids == [7]


def test_duplicates_and_window() -> None:
    candidates = [
        pair(1, "x", created_at="2026-01-01T00:00:00+00:00"),
        pair(2, "x", created_at="2026-01-02T00:00:00+00:00"),
        pair(3, "y", created_at="2026-01-03T00:00:00+00:00"),
    ]
    snapshot = snapshot_build(
        DatasetRecipe(kinds=("preference",), until="2026-01-03T00:00:00+00:00"), candidates
    )
    assert snapshot.signal_ids == [1]
    assert snapshot.counts["duplicates"] == 1


def test_formats() -> None:
    one = [pair(1, "x")]
    sft = snapshot_build(DatasetRecipe(kinds=("preference",), eval_fraction=0.0, format="sft"), one)
    assert [(r["prompt"], r["completion"]) for r in sft.train] == [("question x\n", "a")]
    qa = snapshot_build(
        DatasetRecipe(kinds=("preference",), eval_fraction=0.0, format="binary_qa"), one
    )
    assert [(r["answer"], r["label"]) for r in qa.train] == [("a", True), ("b", False)]


def test_bad_recipes_name_the_field() -> None:
    with pytest.raises(RecipeError) as caught:
        DatasetRecipe.from_dict({"kinds": [], "eval_fraction": 2, "colour": "red"})
    assert set(caught.value.fields) == {"colour"}
    with pytest.raises(RecipeError) as caught:
        DatasetRecipe.from_dict({"kinds": [], "eval_fraction": 2})
    assert set(caught.value.fields) == {"kinds", "eval_fraction"}


def test_exports_round_trip(tmp_path: Path) -> None:
    from datasets import load_from_disk

    snapshot = snapshot_build(DatasetRecipe(kinds=("preference",)), pool())
    paths = snapshot_write_jsonl(snapshot, tmp_path / "jsonl")
    rows = [json.loads(line) for line in paths["train"].read_text().splitlines()]
    assert rows == snapshot.train
    folder = snapshot_export_hf(snapshot, tmp_path / "hf", licence_notes="Test data.")
    loaded = load_from_disk(str(folder))
    assert loaded["train"].num_rows == len(snapshot.train)
    card = (folder / "README.md").read_text()
    assert snapshot.content_hash in card
    assert "Test data." in card
