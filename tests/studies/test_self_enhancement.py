"""The self-enhancement study (ACCO Table 4) at its smallest size with the tiny model, run in this
process through the engine; its pairs and accuracies against a direct computation from the
signals, snapshots and versions it stored."""

import pytest

from annotation.studies.kinds.cosmosqa import LABELS
from annotation.studies.kinds.self_enhancement.rows import LABEL_CUE, target
from annotation.studies.models import Measurement, Study, StudyStatus
from annotation.studies.services.steps import study_params
from annotation.studies.services.studies import study_create
from annotation.studies.services.work import snapshot_rows
from loop.models import DatasetSnapshot, RunStatus
from registry.models import ModelVersion, VersionStatus
from signalpool.models import Signal
from tests.studies.conftest import study_drive
from training.evaluation import Scorer

pytestmark = pytest.mark.django_db

# One question per split: two true/false rows each.
SMALL = {
    "train_items": 1,
    "sample_items": 1,
    "test_items": 1,
    "samples": 3,
    "explanation_tokens": 8,
    "max_steps": 2,
}


def test_self_enhancement_trains_sft_then_dpo_on_its_own_ranking(study_lines) -> None:
    study = study_drive(study_create(kind="self_enhancement", params=SMALL, actor=None))

    assert study.status == StudyStatus.DONE, study.error
    assert study.report is not None
    assert [(r.recipe, r.status) for r in study.runs.order_by("pk")] == [
        ("sft", RunStatus.DONE),
        ("dpo", RunStatus.DONE),
    ]
    base = ModelVersion.objects.get(line__slug="debater", number=1)
    sft = ModelVersion.objects.get(pk=study.state["version sft"])
    dpo = ModelVersion.objects.get(pk=study.state["version dpo"])
    assert (sft.parent, dpo.parent) == (base, sft)
    assert {sft.status, dpo.status} == {VersionStatus.DRAFT}

    # SFT rows: the base's own explanation (its stored AI output) followed by the gold label.
    explanations = Signal.objects.filter(source_model=base, kind="ai_output")
    sft_rows = snapshot_rows(DatasetSnapshot.objects.get(pk=study.state["snapshot sft"]))
    assert len(sft_rows) == explanations.count() == 2
    explained = {f"{e.item_type}:{e.item_id}": e.payload for e in explanations}
    for row in sft_rows:
        # The base was told the gold label (Table 13): the SFT target ends with that label.
        told = explained[row["item"]]
        gold = LABELS[0] if "pair is correct." in told["prompt"] else LABELS[1]
        assert row["completion"] == target(told["completion"], gold)
    assert sorted(r["completion"].rsplit(" ", 1)[1] for r in sft_rows) == sorted(LABELS)

    # DPO pairs: per row, the SFT version's best and worst sample by its own mean token
    # log-probability, recomputed here from the stored samples.
    ranking = Measurement.objects.get(study=study, version=sft, name="sample_ranking")
    scorer = Scorer(sft.uri, per_token=True, max_length=1024)
    pairs = snapshot_rows(DatasetSnapshot.objects.get(pk=study.state["snapshot preference"]))
    assert len(pairs) == ranking.count > 0
    stored_pairs = {(p["prompt"], p["chosen"], p["rejected"]) for p in pairs}
    for entry in ranking.detail.values():
        if "chosen" not in entry:
            continue
        samples = {s.pk: s for s in Signal.objects.filter(pk__in=entry["ranked"])}
        prompt = samples[entry["chosen"]].payload["prompt"]
        texts = [samples[pk].payload["completion"].strip() for pk in entry["ranked"]]
        means = scorer.score([prompt] * len(texts), texts)
        assert means == pytest.approx(entry["mean_logprob"], abs=1e-3)
        assert means[0] == max(means)
        assert means[-1] == min(means)
        assert (prompt, texts[0], texts[-1]) in stored_pairs

    # Accuracy: each version's stored answers are the labels it scores higher after its own
    # explanation, and the report's numbers are their shares and differences.
    data = study.report["data"]
    for stage, version in (("base", base), ("sft", sft), ("dpo", dpo)):
        measured = Measurement.objects.get(study=study, version=version, name="test_accuracy")
        rows = list(measured.detail.values())
        scorer = Scorer(version.uri, per_token=True, max_length=1024)
        prompts = [f"{r['prompt']}{r['explanation']}{LABEL_CUE}" for r in rows]
        true, false = (scorer.score(prompts, [f" {label}"] * len(rows)) for label in LABELS)
        predicted = [LABELS[0] if t > f else LABELS[1] for t, f in zip(true, false, strict=True)]
        assert predicted == [r["predicted"] for r in rows]
        hits = sum(p == r["label"] for p, r in zip(predicted, rows, strict=True))
        assert data["accuracy"][stage]["accuracy"] == pytest.approx(hits / 2)
        assert data["accuracy"][stage]["rows"] == 2
    accuracy = {stage: a["accuracy"] for stage, a in data["accuracy"].items()}
    assert data["differences"]["dpo_minus_sft"] == pytest.approx(accuracy["dpo"] - accuracy["sft"])
    assert data["differences"]["sft_minus_base"] == pytest.approx(
        accuracy["sft"] - accuracy["base"]
    )
    assert [row[0] for row in study.report["tables"][0]["rows"]] == ["Base", "SFT", "LAIF (DPO)"]

    # Steps run again (their worker died before the engine recorded them) create nothing new.
    signals, snapshots = Signal.objects.count(), DatasetSnapshot.objects.count()
    Study.objects.filter(pk=study.pk).update(status=StudyStatus.RUNNING)
    kind, params = study_params(study)
    for step in ("explain", "sample", "measure dpo", "train dpo"):
        kind.step_run(study, params, step)
    assert (Signal.objects.count(), DatasetSnapshot.objects.count()) == (signals, snapshots)
    assert Measurement.objects.filter(study=study).count() == 4
    assert study.runs.count() == 2
