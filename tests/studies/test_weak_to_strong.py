"""The weak-to-strong study at its smallest size with the tiny model, run in this process; its
section scores and gap recovered against a direct computation from the versions it stored."""

import pytest

from annotation.studies.kinds.weak_to_strong import LLMBAR_DIR, SECTIONS, gap_recovered
from annotation.studies.models import StudyStatus
from annotation.studies.services.studies import study_create
from annotation.studies.services.work import snapshot_rows
from loop.models import DatasetSnapshot, Recipe, RunStatus
from registry.models import ModelVersion
from tests.studies.conftest import study_drive
from training.evaluation import Scorer, llmbar_pairs, pair_margins

pytestmark = pytest.mark.django_db

SMALL = {"pairs": 8, "max_chars": 300, "llmbar_per_subset": 1, "max_steps": 2}


def section_scores(version: ModelVersion) -> dict[str, float]:
    """RewardBench-style: a section's accuracy over all its pairs; overall, the sections' mean."""
    scorer = Scorer(version.uri, per_token=True)
    pairs = llmbar_pairs(LLMBAR_DIR, max_per_subset=1)
    scores = {}
    for section, subsets in SECTIONS.items():
        margins = [m for s in subsets for m in pair_margins(scorer, pairs[s])]
        scores[section] = sum(m > 0 for m in margins) / len(margins)
    scores["overall"] = sum(scores.values()) / len(SECTIONS)
    return scores


def test_weak_to_strong_trains_three_versions_and_scores_four(study_lines) -> None:
    study = study_drive(study_create(kind="weak_to_strong", params=SMALL, actor=None))

    assert study.status == StudyStatus.DONE, study.error
    runs = list(study.runs.order_by("pk"))
    assert [r.recipe for r in runs] == [Recipe.REWARD, Recipe.DPO, Recipe.WEAK_TO_STRONG]
    assert all(r.status == RunStatus.DONE for r in runs)
    weak, gold, w2s = (r.version for r in runs)
    assert weak is not None
    assert gold is not None
    assert w2s is not None
    # The weak model labelled the strong half; the gold run trained on that half's own labels.
    assert w2s.metrics["training"]["recipe"] == "weak_to_strong"
    assert runs[2].config["weak_version"] == weak.pk
    halves = [
        DatasetSnapshot.objects.get(pk=study.state[f"snapshot {h}"]) for h in ("weak", "strong")
    ]
    assert (runs[0].snapshot, runs[1].snapshot, runs[2].snapshot) == (
        halves[0],
        halves[1],
        halves[1],
    )
    assert len(snapshot_rows(halves[0])) == len(snapshot_rows(halves[1])) == 4
    assert not {r["item"] for r in snapshot_rows(halves[0])} & {
        r["item"] for r in snapshot_rows(halves[1])
    }

    report = study.report
    assert report is not None
    data = report["data"]
    base = ModelVersion.objects.get(line__slug="judge", number=1)
    expected = {
        m: section_scores(v)
        for m, v in (("base", base), ("weak", weak), ("gold", gold), ("w2s", w2s))
    }
    for model, scores in expected.items():
        assert data["sections"][model] == pytest.approx(scores), model
    for part in [*SECTIONS, "overall"]:
        want = gap_recovered(expected["weak"][part], expected["gold"][part], expected["w2s"][part])
        assert data["gap_recovered"][part] == (pytest.approx(want) if want is not None else None)
    assert data["weak_label_agreement"] == w2s.metrics["training"]["weak_label_agreement"]
    assert report["tables"][0]["columns"] == [
        "Model",
        "Version",
        "Natural",
        "Adversarial",
        "Overall",
    ]
    assert [row[1] for row in report["tables"][0]["rows"]] == [
        str(v) for v in (base, weak, gold, w2s)
    ]


def test_the_gap_recovered_is_undefined_without_a_gap() -> None:
    assert gap_recovered(0.5, 0.75, 0.625) == 0.5
    assert gap_recovered(0.5, 0.5, 0.75) is None
