"""A study's imported datasets (flipped labels, a weak model's labels) never reach a snapshot
whose recipe does not name them, so production training cannot pick them up by accident."""

import pytest
from django.utils import timezone

from signalpool.kinds import SignalKind
from signalpool.models import Signal
from signalpool.services import ImportedSignal, signals_import
from tests.loop.builds import snapshot_create

pytestmark = pytest.mark.django_db


def _pairs(dataset: str, count: int) -> list[Signal]:
    signals_import(
        dataset=dataset,
        signals=[
            ImportedSignal(
                annotator="a",
                kind=SignalKind.PREFERENCE,
                item_type="pair",
                item_id=f"{dataset}-{n}",
                payload={"prompt": f"{dataset} q{n}", "chosen": "yes", "rejected": "no"},
                idempotency_key=f"{dataset}:{n}",
            )
            for n in range(count)
        ],
    )
    return list(Signal.objects.filter(source_dataset=dataset))


def test_a_study_dataset_is_taken_only_when_the_recipe_names_it() -> None:
    public = _pairs("hh", 6)
    flipped = _pairs("studies.noise1.0", 6)
    until = timezone.now().isoformat()

    everything, _ = snapshot_create(recipe={"kinds": ["preference"], "until": until})
    assert sorted(everything.signal_ids) == sorted(s.pk for s in public)

    named, _ = snapshot_create(
        recipe={
            "kinds": ["preference"],
            "until": until,
            "mix_by": "model_version",
            "weights": {"imported:studies.noise1.0": 1.0},
        }
    )
    assert sorted(named.signal_ids) == sorted(s.pk for s in flipped)
