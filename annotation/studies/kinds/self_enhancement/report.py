"""The self-enhancement study's report (ACCO Table 4), from its measurements and the versions
and snapshots it stored."""

from typing import Any

from annotation.proportions import wilson_interval
from annotation.studies.kinds.base import Report, ReportPlot, ReportSeries, ReportTable
from annotation.studies.kinds.self_enhancement.measure import ACCURACY, RANKING
from annotation.studies.kinds.self_enhancement.params import SelfEnhancementParams
from annotation.studies.models import Study
from annotation.studies.services.work import measurement_get, version_by_ref
from loop.models import DatasetSnapshot
from registry.models import ModelVersion


def report_build(study: Study, params: SelfEnhancementParams) -> Report:
    """Table 4 from the stored accuracies, with the SFT version's own pairs and the lineage."""
    base = version_by_ref(params.version)
    assert base is not None
    versions = {
        "base": base,
        "sft": ModelVersion.objects.get(pk=study.state["version sft"]),
        "dpo": ModelVersion.objects.get(pk=study.state["version dpo"]),
    }
    stages = {"base": "Base", "sft": "SFT", "dpo": "LAIF (DPO)"}
    accuracy: dict[str, Any] = {}
    for stage, version in versions.items():
        measured = measurement_get(study, version, ACCURACY)
        assert measured is not None
        rows = measured.detail.values()
        hits = sum(r["predicted"] == r["label"] for r in rows)
        low, high = wilson_interval(hits, len(rows))
        accuracy[stage] = {
            "version": version.pk,
            "name": str(version),
            "correct": hits,
            "rows": len(rows),
            "accuracy": hits / len(rows),
            "ci_low": low,
            "ci_high": high,
        }
    differences = {
        "sft_minus_base": accuracy["sft"]["accuracy"] - accuracy["base"]["accuracy"],
        "dpo_minus_sft": accuracy["dpo"]["accuracy"] - accuracy["sft"]["accuracy"],
        "dpo_minus_base": accuracy["dpo"]["accuracy"] - accuracy["base"]["accuracy"],
    }
    ranking = measurement_get(study, versions["sft"], RANKING)
    assert ranking is not None
    ranked = [e for e in ranking.detail.values() if "chosen" in e]
    margins = [e["mean_logprob"][0] - e["mean_logprob"][-1] for e in ranked]
    pairs = {
        "rows": len(ranking.detail),
        "pairs": len(ranked),
        "samples": sum(len(e["samples"]) for e in ranking.detail.values()),
        "mean_margin": sum(margins) / len(margins) if margins else None,
    }
    snapshots = {
        key: DatasetSnapshot.objects.get(pk=study.state[f"snapshot {key}"])
        for key in ("sft", "preference")
    }

    def points(value: float) -> float:
        return round(100 * value, 2)

    summary = (
        f"{base} explained {2 * params.train_items} true/false CosmosQA rows for SFT; the SFT "
        f"version {versions['sft']} ranked {pairs['samples']} of its own samples into "
        f"{pairs['pairs']} preference pairs and DPO trained {versions['dpo']} on them. "
        f"Accuracy on {accuracy['base']['rows']} test rows: base "
        f"{accuracy['base']['accuracy']:.1%}, SFT {accuracy['sft']['accuracy']:.1%}, "
        f"LAIF (DPO) {accuracy['dpo']['accuracy']:.1%}; LAIF - SFT "
        f"{points(differences['dpo_minus_sft']):+.2f} points."
    )
    return Report(
        summary=summary,
        tables=[
            ReportTable(
                title="Accuracy (Table 4)",
                columns=[
                    "Stage",
                    "Version",
                    "Correct",
                    "Rows",
                    "Accuracy",
                    "95% low",
                    "95% high",
                ],
                rows=[
                    [
                        stages[stage],
                        a["name"],
                        a["correct"],
                        a["rows"],
                        round(a["accuracy"], 4),
                        round(a["ci_low"], 4),
                        round(a["ci_high"], 4),
                    ]
                    for stage, a in accuracy.items()
                ],
            ),
            ReportTable(
                title="Differences (percentage points)",
                columns=["SFT - Base", "LAIF - SFT", "LAIF - Base"],
                rows=[
                    [
                        points(differences["sft_minus_base"]),
                        points(differences["dpo_minus_sft"]),
                        points(differences["dpo_minus_base"]),
                    ]
                ],
            ),
            ReportTable(
                title="Preference pairs from the SFT version's own ranking",
                columns=["Rows", "Samples", "Pairs", "Mean margin (nats per token)"],
                rows=[
                    [
                        pairs["rows"],
                        pairs["samples"],
                        pairs["pairs"],
                        None if pairs["mean_margin"] is None else round(pairs["mean_margin"], 4),
                    ]
                ],
            ),
            ReportTable(
                title="Lineage",
                columns=["Stage", "Version", "Training run", "Snapshot"],
                rows=[
                    [stages["base"], str(base), None, None],
                    *[
                        [
                            stages[stage],
                            str(versions[stage]),
                            study.state[f"run:{stage}"],
                            snapshots[key].content_hash,
                        ]
                        for stage, key in (("sft", "sft"), ("dpo", "preference"))
                    ],
                ],
            ),
        ],
        plots=[
            ReportPlot(
                title="Accuracy by stage (Table 4)",
                kind="bar",
                x_label="Stage",
                y_label="Test accuracy",
                series=[
                    ReportSeries(
                        name=str(base),
                        points=[
                            {
                                "x": stages[stage],
                                "y": a["accuracy"],
                                "low": a["ci_low"],
                                "high": a["ci_high"],
                            }
                            for stage, a in accuracy.items()
                        ],
                    )
                ],
            )
        ],
        data={"accuracy": accuracy, "differences": differences, "pairs": pairs},
    )
