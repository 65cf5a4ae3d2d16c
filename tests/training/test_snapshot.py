"""Snapshots: reproducible hashes, item-level splits, mixing weights, agreement floors."""

import json
from dataclasses import replace
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
        choice=chosen,
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


def test_duplicates_differ_in_their_texts_not_in_spacing_or_where_one_text_ends() -> None:
    def texts(signal_id: int, prompt: str, chosen: str, rejected: str) -> Candidate:
        return replace(
            pair(signal_id, f"item{signal_id}"), prompt=prompt, chosen=chosen, rejected=rejected
        )

    candidates = [
        texts(1, "p", "ab", "c"),
        texts(2, "  p ", "ab\u2003", "c"),  # the same texts, spaced differently
        texts(3, "pa", "b", "c"),  # the same characters, split differently between the texts
    ]
    snapshot = snapshot_build(DatasetRecipe(kinds=("preference",), eval_fraction=0.0), candidates)
    assert snapshot.signal_ids == [1, 3]
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


def test_agreement_compares_choices_not_texts() -> None:
    # Two raters rewrite one response differently: same decision, different text.
    rewrites = [
        replace(pair(1, "r", rater="u1", chosen="I can't help."), choice="rewrite"),
        replace(pair(2, "r", rater="u2", chosen="Please ask a doctor."), choice="rewrite"),
    ]
    # A unanimous two-round debate: two judges, one pair per round, rounds differ in text.
    rounds = [
        replace(pair(10 + n, "debate", rater=f"j{n // 2}", chosen=f"A, round {n % 2}"), choice="A")
        for n in range(4)
    ]
    strict = DatasetRecipe(
        kinds=("x",), dedupe=False, min_agreement=0.9, min_reliability=0.9, eval_fraction=0.0
    )
    assert snapshot_build(strict, rewrites + rounds).signal_ids == [1, 2, 10, 11, 12, 13]
    # The same texts with different choices are a disagreement.
    split = [replace(c, choice=c.rater) for c in rewrites]
    assert snapshot_build(strict, split).signal_ids == []


def test_a_measured_agreement_or_quality_overrides_the_majority_count() -> None:
    candidates = [
        replace(pair(1, "x", rater="u1"), agreement=0.6),
        replace(pair(2, "y", rater="u2"), weight=0.3),
    ]
    recipe = DatasetRecipe(kinds=("x",), eval_fraction=0.0, dedupe=False)
    assert snapshot_build(replace(recipe, min_agreement=0.7), candidates).signal_ids == [2]
    assert snapshot_build(replace(recipe, min_reliability=0.5), candidates).signal_ids == [1]


def test_weight_by_quality_gives_every_row_a_positive_weight() -> None:
    candidates = [
        replace(pair(1, "x", rater="gold-good"), weight=0.9),
        replace(pair(2, "x", rater="gold-bad", chosen="b"), weight=0.0),
        pair(3, "y", rater="unmeasured"),
        pair(4, "z", rater="u1", chosen="a"),
        pair(5, "z", rater="u2", chosen="a"),
        pair(6, "z", rater="u3", chosen="b"),
    ]
    recipe = DatasetRecipe(
        kinds=("preference",), eval_fraction=0.0, dedupe=False, weight_by_quality=True
    )
    weighted = snapshot_build(recipe, candidates)
    weights = {r["signal_id"]: r["weight"] for r in weighted.train}
    assert weights == {1: 0.9, 2: 0.01, 3: 1.0, 4: 1.0, 5: 1.0, 6: 0.01}
    plain = snapshot_build(replace(recipe, weight_by_quality=False), candidates)
    assert all("weight" not in r for r in plain.train)
    assert weighted.content_hash != plain.content_hash


def test_recipes_from_before_quality_weighting_keep_their_canonical_form() -> None:
    recipe = DatasetRecipe(kinds=("preference",))
    assert "weight_by_quality" not in recipe.canonical()
    assert DatasetRecipe.from_dict(recipe.canonical()) == recipe
    assert DatasetRecipe(kinds=("preference",), weight_by_quality=True).canonical()[
        "weight_by_quality"
    ]
    with pytest.raises(RecipeError) as caught:
        DatasetRecipe.from_dict({"kinds": ["preference"], "weight_by_quality": "yes"})
    assert set(caught.value.fields) == {"weight_by_quality"}
