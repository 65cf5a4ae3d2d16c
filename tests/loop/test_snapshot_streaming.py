"""Preference snapshots stream the pool: no Signal model instance is made while one is built,
the rows come from plain values read a chunk at a time, and their choice keys still let a floor
on agreement drop the items raters split on."""

from typing import Any

import pytest
from django.db.models.signals import post_init

from accounts.roles import Role
from loop.services import snapshots
from signalpool.kinds import SignalKind
from signalpool.models import Signal
from signalpool.services import signal_record
from tests.factories import ModelVersionFactory
from tests.loop.builds import snapshot_create
from tests.loop.conftest import pair

pytestmark = pytest.mark.django_db


def test_a_preference_snapshot_is_built_without_signal_instances(record_preferences) -> None:
    record_preferences(30)
    made: list[Any] = []

    def count(sender: type[Signal], instance: Signal, **kwargs: Any) -> None:
        made.append(instance)

    post_init.connect(count, sender=Signal)
    try:
        snapshot, _ = snapshot_create(
            recipe={"kinds": ["preference"], "until": "2100-01-01T00:00:00Z"}
        )
    finally:
        post_init.disconnect(count, sender=Signal)
    assert snapshot.status == "ready", snapshot.error
    assert snapshot.counts["train"] + snapshot.counts["eval"] == 30
    assert made == []


def test_an_agreement_floor_over_stored_pairs_drops_the_item_raters_split_on(
    make_user, record_preferences
) -> None:
    # Items 0-2 from two raters who agree; on item 3 the second prefers the other reply.
    record_preferences(4)
    second = make_user(Role.RATER)
    for i in range(4):
        same = pair(i)
        swapped = {**same, "chosen": same["rejected"], "rejected": same["chosen"]}
        signal_record(
            kind=SignalKind.PREFERENCE,
            item_type="test.item",
            item_id=i,
            payload=swapped if i == 3 else same,
            idempotency_key=f"second-{i}",
            source_user=second,
        )
    window = {"kinds": ["preference"], "until": "2100-01-01T00:00:00Z", "dedupe": False}
    everything, _ = snapshot_create(recipe=window)
    agreed, _ = snapshot_create(recipe={**window, "min_agreement": 0.9})
    assert everything.counts["train"] + everything.counts["eval"] == 8
    assert agreed.counts["low_agreement_or_reliability"] == 2
    assert agreed.counts["train"] + agreed.counts["eval"] == 6


def test_a_pool_of_many_chunks_is_read_whole_with_queries_made_mid_read(
    record_preferences, monkeypatch
) -> None:
    # Chunks of 7 signals; the model's first signal, opening the third chunk, makes the build
    # look its version up while the cursor is open.
    monkeypatch.setattr(snapshots, "STREAM_CHUNK", 7)
    people = record_preferences(15)
    model = record_preferences(15, start=15, model=ModelVersionFactory.create())
    window = {"kinds": ["preference"], "until": "2100-01-01T00:00:00Z", "mix_by": "source"}
    snapshot, _ = snapshot_create(recipe=window)
    assert snapshot.signal_ids == sorted(s.pk for s in people + model)
    assert snapshot.mix == {"human": 0.5, "model": 0.5}
    monkeypatch.setattr(snapshots, "STREAM_CHUNK", 1000)
    assert snapshots.snapshot_rebuild(snapshot=snapshot).content_hash == snapshot.content_hash
