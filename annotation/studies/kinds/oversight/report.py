"""The oversight study's report: judge accuracy per (helpful, sneaky, judge) from the judgements
of its debates (the ACCO paper's Tables 1-2)."""

from collections import defaultdict
from typing import Any

from annotation.debates.models import JudgeKind, Judgement
from annotation.proportions import wilson_interval
from annotation.studies.kinds.base import Report, ReportPlot, ReportSeries, ReportTable
from annotation.studies.kinds.oversight.params import OversightParams, version_ref
from annotation.studies.models import Study
from annotation.studies.services.work import version_by_ref

HUMAN = "human"


def _order(refs: list[str]) -> list[str]:
    """Versions by line, then number: the x axis of a series over versions."""
    return sorted(refs, key=lambda ref: (ref.rpartition(":")[0], int(ref.rpartition(":")[2])))


def report_build(study: Study, params: OversightParams) -> Report:
    """Judge accuracy per (helpful, sneaky, judge) with 95% intervals, and series over versions."""
    records = oversight_records(study, params)
    cells: dict[tuple[str, str, str], list[bool]] = defaultdict(list)
    for r in records:
        cells[(r["helpful"], r["sneaky"], r["judge"])].append(r["correct"])
    judges = _order(list(params.judges)) + (
        [HUMAN] if any(r["judge"] == HUMAN for r in records) else []
    )
    debaters = _order(list(params.debaters))
    table: list[dict[str, Any]] = []
    for helpful in debaters:
        for sneaky in debaters:
            for judge in judges:
                outcomes = cells.get((helpful, sneaky, judge), [])
                correct = sum(outcomes)
                low, high = wilson_interval(correct, len(outcomes))
                table.append(
                    {
                        "helpful": helpful,
                        "sneaky": sneaky,
                        "judge": judge,
                        "n": len(outcomes),
                        "correct": correct,
                        "accuracy": correct / len(outcomes) if outcomes else None,
                        "ci_low": low,
                        "ci_high": high,
                    }
                )

    def point(x: str, cell: dict[str, Any]) -> dict[str, Any]:
        return {"x": x, "y": cell["accuracy"], "low": cell["ci_low"], "high": cell["ci_high"]}

    by = {(c["helpful"], c["sneaky"], c["judge"]): c for c in table}
    plots = [
        ReportPlot(
            title="Judge accuracy over judge versions",
            kind="line",
            x_label="Judge",
            y_label="Judge accuracy",
            series=[
                ReportSeries(
                    name=f"{helpful} (helpful) vs {sneaky} (sneaky)",
                    points=[
                        point(j, by[(helpful, sneaky, j)])
                        for j in judges
                        if by[(helpful, sneaky, j)]["n"]
                    ],
                )
                for helpful in debaters
                for sneaky in debaters
            ],
        )
    ]
    if len(debaters) > 1:
        plots.append(
            ReportPlot(
                title="Judge accuracy over debater versions (both sides the same version)",
                kind="line",
                x_label="Debaters",
                y_label="Judge accuracy",
                series=[
                    ReportSeries(
                        name=judge,
                        points=[
                            point(d, by[(d, d, judge)]) for d in debaters if by[(d, d, judge)]["n"]
                        ],
                    )
                    for judge in judges
                ],
            )
        )
    judged = [c for c in table if c["n"]]
    best = max(judged, key=lambda c: c["accuracy"]) if judged else None
    summary = (
        f"{len(study.state['debates'])} debates on {params.questions} questions between "
        f"{len(debaters)} debater version(s) as helpful and sneaky sides, judged by "
        f"{len(params.judges)} judge version(s)"
        + (
            f" and {sum(r['judge'] == HUMAN for r in records)} human judgements"
            if HUMAN in judges
            else ""
        )
        + f"; {len(records)} judgements in all."
        + (
            f" Highest judge accuracy: {best['accuracy']:.1%} ({best['judge']} judging "
            f"{best['helpful']} helpful vs {best['sneaky']} sneaky, n={best['n']})."
            if best
            else ""
        )
        + (f" A re-run of study #{params.rerun_of}." if params.rerun_of else "")
    )
    return Report(
        summary=summary,
        tables=[
            ReportTable(
                title="Judge accuracy (Tables 1-2)",
                columns=[
                    "Helpful debater",
                    "Sneaky debater",
                    "Judge",
                    "Correct",
                    "Incorrect",
                    "Accuracy",
                    "95% low",
                    "95% high",
                ],
                rows=[
                    [
                        c["helpful"],
                        c["sneaky"],
                        c["judge"],
                        c["correct"],
                        c["n"] - c["correct"],
                        None if c["accuracy"] is None else round(c["accuracy"], 4),
                        round(c["ci_low"], 4),
                        round(c["ci_high"], 4),
                    ]
                    for c in table
                ],
            )
        ],
        plots=plots,
        data={"cells": table, "judgements": len(records), "debates": study.state["debates"]},
    )


def oversight_records(study: Study, params: OversightParams) -> list[dict[str, Any]]:
    """One record per judgement of the study's debates by a chosen judge version or a person:
    which versions argued the correct (helpful) and a wrong (sneaky) answer, who judged, and
    whether the judge put more than half its probability on the correct answer."""
    judges = {version_by_ref(ref) for ref in params.judges}
    judgements = (
        Judgement.objects.filter(debate_id__in=study.state["debates"])
        .select_related("debate__question", "model_version__line")
        .prefetch_related("debate__debaters__model_version__line")
        .order_by("pk")
    )
    records = []
    for judgement in judgements:
        if judgement.kind == JudgeKind.AI and judgement.model_version not in judges:
            continue  # e.g. the published judge, which judges every finished debate
        correct_index = judgement.debate.question.correct_index
        sides = {
            d.answer_index == correct_index: version_ref(d.model_version)
            for d in judgement.debate.debaters.all()
            if d.model_version is not None
        }
        version = judgement.model_version
        records.append(
            {
                "debate": judgement.debate_id,
                "helpful": sides[True],
                "sneaky": sides[False],
                "judge": version_ref(version) if version is not None else HUMAN,
                "correct": judgement.correct,
            }
        )
    return records
