"""Snapshots from the signal pool: reproducible, recorded, split by item, exported."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.roles import Role
from loop.models import DatasetSnapshot
from loop.services.snapshots import snapshot_export, snapshot_rebuild
from signalpool.kinds import SignalKind
from signalpool.services import signal_record
from tests.loop.builds import snapshot_create

pytestmark = pytest.mark.django_db


def test_the_same_recipe_over_the_same_pool_gives_the_same_snapshot(record_preferences) -> None:
    signals = record_preferences(30)
    recipe = {"kinds": ["preference"], "until": timezone.now().isoformat()}
    first, created = snapshot_create(recipe=recipe)
    assert created
    # Signals after the window change nothing: the snapshot is reproducible.
    record_preferences(5, start=100)
    again, created_again = snapshot_create(recipe=recipe)
    assert (again.pk, created_again) == (first.pk, False)
    assert sorted(first.signal_ids) == sorted(s.pk for s in signals)
    assert snapshot_rebuild(snapshot=first).content_hash == first.content_hash
    assert first.counts["train"] + first.counts["eval"] == 30


def test_an_open_window_is_closed_at_build_time(record_preferences) -> None:
    record_preferences(10)
    snapshot, _ = snapshot_create(recipe={"kinds": ["preference"]})
    assert snapshot.recipe["until"]
    record_preferences(10, start=50)
    assert snapshot_rebuild(snapshot=snapshot).content_hash == snapshot.content_hash
    newer, created = snapshot_create(recipe={"kinds": ["preference"]})
    assert created
    assert len(newer.signal_ids) == 20


def test_rows_of_one_item_stay_on_one_side(record_preferences, make_user) -> None:
    # Three raters judge the same 20 items.
    for _ in range(3):
        record_preferences(20, user=make_user(Role.RATER))
    snapshot, _ = snapshot_create(
        recipe={"kinds": ["preference"], "dedupe": False, "eval_fraction": 0.3}
    )
    folder = Path(snapshot.folder)
    items = {
        split: {json.loads(line)["item"] for line in (folder / f"{split}.jsonl").open()}
        for split in ("train", "eval")
    }
    assert items["train"]
    assert items["eval"]
    assert not items["train"] & items["eval"]


def test_a_correction_replaces_the_signal_it_corrects(record_preferences) -> None:
    [original] = record_preferences(1)
    correction, _ = signal_record(
        kind=original.kind,
        item_type=original.item_type,
        item_id=original.item_id,
        payload={"prompt": "Question 0: can you help me?\n", "chosen": "Yes.", "rejected": "No."},
        idempotency_key="pref-0-fix",
        source_user=original.source_user,
        corrects=original,
    )
    snapshot, _ = snapshot_create(recipe={"kinds": ["preference"]})
    assert snapshot.signal_ids == [correction.pk]


def test_human_and_model_sources_are_mixed_by_weight(record_preferences, published_lines) -> None:
    record_preferences(20)
    record_preferences(10, start=100, model=published_lines[0])
    snapshot, _ = snapshot_create(
        recipe={"kinds": ["preference"], "weights": {"human": 1, "model": 1}, "dedupe": False}
    )
    assert snapshot.mix == {"human": 0.5, "model": 0.5}
    by_version, _ = snapshot_create(
        recipe={"kinds": ["preference"], "mix_by": "model_version", "dedupe": False}
    )
    assert by_version.mix == {"human": 20 / 30, "model:debater-v1": 10 / 30}


def test_other_kinds_come_in_through_their_builders(published_lines) -> None:
    signal_record(
        kind=SignalKind.AI_OUTPUT,
        source_model=published_lines[0],
        item_type="llm.generation",
        item_id=1,
        payload={"prompt": "Hello\n", "completion": "Hi there.", "params": {}},
        idempotency_key="gen-1",
    )
    snapshot, _ = snapshot_create(recipe={"kinds": ["ai_output"], "format": "sft"})
    assert snapshot.counts["train"] + snapshot.counts["eval"] == 1
    with pytest.raises(ValidationError) as caught:
        snapshot_create(recipe={"kinds": ["vote"]})
    assert "kinds" in caught.value.message_dict


def test_bad_recipes_store_nothing() -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"kinds": []}, "kinds"),
        ({"kinds": ["preference"], "eval_fraction": 1.5}, "eval_fraction"),
        ({"kinds": ["preference"], "until": "yesterday"}, "until"),
        ({"kinds": ["preference"], "shape": "round"}, "shape"),
    ]
    for recipe, field in cases:
        with pytest.raises(ValidationError) as caught:
            snapshot_create(recipe=recipe)
        assert field in caught.value.message_dict
    assert not DatasetSnapshot.objects.exists()


def test_export_writes_a_datasets_folder_with_a_card(record_preferences) -> None:
    from datasets import load_from_disk

    record_preferences(12)
    snapshot, _ = snapshot_create(recipe={"kinds": ["preference"]})
    folder = snapshot_export(snapshot=snapshot)
    loaded = load_from_disk(str(folder))
    assert loaded["train"].num_rows == snapshot.counts["train"]
    card = (folder / "README.md").read_text()
    assert snapshot.content_hash in card
    assert "Licence notes" in card
