"""Preference snapshots stream the pool: no Signal model instance is made while one is built,
the rows come from plain values read a chunk at a time."""

from typing import Any

import pytest
from django.db.models.signals import post_init

from signalpool.models import Signal
from tests.loop.builds import snapshot_create

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
