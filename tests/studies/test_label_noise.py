"""The label-noise study at its smallest size with the tiny model, run in this process; its
report against a direct computation from the versions and snapshots it stored."""

import pytest

from annotation.studies.kinds.cosmosqa import LABELS
from annotation.studies.models import Measurement, StudyStatus
from annotation.studies.services.studies import study_create
from annotation.studies.services.work import snapshot_rows
from loop.models import DatasetSnapshot, RunStatus
from registry.models import ModelVersion, VersionStatus
from signalpool.models import Signal
from tests.studies.conftest import study_drive
from training.evaluation import Scorer

pytestmark = pytest.mark.django_db

SMALL = {"noise_levels": [0.0, 1.0], "items": 4, "test_items": 2, "max_chars": 300, "max_steps": 3}


def accuracy(version: ModelVersion, snapshot: DatasetSnapshot) -> float:
    """Share of the snapshot's rows whose label the version gives a higher mean log-probability."""
    rows = snapshot_rows(snapshot)
    scorer = Scorer(version.uri, per_token=True)
    prompts = [r["prompt"] for r in rows]
    true, false = (scorer.score(prompts, [label] * len(rows)) for label in LABELS)
    predicted = ["True" if t > f else "False" for t, f in zip(true, false, strict=True)]
    return sum(p == r["completion"] for p, r in zip(predicted, rows, strict=True)) / len(rows)


def test_label_noise_trains_per_level_and_reports_what_it_measured(study_lines) -> None:
    study = study_drive(study_create(kind="label_noise", params=SMALL, actor=None))

    assert study.status == StudyStatus.DONE, study.error
    assert [run.status for run in study.runs.all()] == [RunStatus.DONE] * 2
    # Training noise: the 1.0 snapshot holds every label flipped, the 0.0 one none.
    clean = DatasetSnapshot.objects.get(pk=study.state["snapshot noise 0"])
    flipped = DatasetSnapshot.objects.get(pk=study.state["snapshot noise 1"])
    test = DatasetSnapshot.objects.get(pk=study.state["snapshot test"])
    assert len(snapshot_rows(clean)) == 8
    assert len(snapshot_rows(test)) == 4
    for a, b in zip(snapshot_rows(clean), snapshot_rows(flipped), strict=True):
        assert a["prompt"] == b["prompt"]
        assert a["completion"] != b["completion"]
    # The signals are in the pool, imported under datasets named by what shaped them.
    assert Signal.objects.filter(source_dataset="studies.cosmosqa.s0.c300.n4.noise1").count() == 8

    report = study.report
    assert report is not None
    data = report["data"]
    base = ModelVersion.objects.get(line__slug="judge", number=1)
    assert data["before_training"]["judge:1"]["test"] == pytest.approx(accuracy(base, test))
    for level, train in (("0", clean), ("1", flipped)):
        version = ModelVersion.objects.get(pk=data["accuracy"]["judge:1"][level]["version"])
        assert version.status == VersionStatus.DRAFT
        assert version.parent == base
        assert version.dataset_hash == train.content_hash
        measured = data["accuracy"]["judge:1"][level]
        assert measured["train"] == pytest.approx(accuracy(version, train))
        assert measured["test"] == pytest.approx(accuracy(version, test))
    assert Measurement.objects.filter(study=study).count() == 5
    table = report["tables"][0]
    assert table["columns"] == ["Noise", "judge:1 train", "judge:1 test"]
    assert [row[0] for row in table["rows"]] == [0.0, 1.0]
    assert {p["title"] for p in report["plots"]} == {
        "Training accuracy by label noise (Figure 5)",
        "Test accuracy by label noise (Tables 5-6)",
    }
