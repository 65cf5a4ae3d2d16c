"""The pluralistic study's report: where the group models rank pairs differently, per principle
and per hazard category, and how the pooled model sits between them."""

from collections import defaultdict
from itertools import combinations
from typing import Any

from annotation.studies.kinds.base import Report, ReportPlot, ReportSeries, ReportTable
from annotation.studies.kinds.pluralistic.groups import POOLED, model_names
from annotation.studies.kinds.pluralistic.params import PluralisticParams
from annotation.studies.kinds.pluralistic.scoring import MARGINS, UNCONDITIONED
from annotation.studies.models import Study
from annotation.studies.services.work import measurement_get
from loop.models import DatasetSnapshot
from registry.models import ModelVersion


def report_build(study: Study, params: PluralisticParams) -> Report:
    """Where the group models disagree and where the pooled one sits, from the stored margins."""
    names = model_names(study)
    groups = [n for n in names if n != POOLED]
    versions = {n: ModelVersion.objects.get(pk=study.state[f"version {n}"]) for n in names}
    margins: dict[str, dict[str, list[float]]] = {}
    items: list[str] = []
    for name in names:
        measured = measurement_get(study, versions[name], MARGINS)
        assert measured is not None  # the score step measured every model
        margins[name], items = measured.detail["margins"], measured.detail["items"]
    principles: dict[str, str] = study.state["principles"]
    categories: dict[str, list[str]] = study.state["categories"]
    analysis = disagreement(margins, groups, items, principles, categories)
    snapshots = {
        n: DatasetSnapshot.objects.get(pk=study.state[f"snapshot {n}"])
        for n in [*study.state["groups"], POOLED]
    }
    group_rows = [
        [
            name,
            len(study.state["groups"].get(name, []))
            if name != POOLED
            else sum(len(m) for m in study.state["groups"].values()),
            snapshots[name].counts.get("train", 0),
            str(versions[name]) if name in versions else "(no pairs: no model)",
            study.state.get(f"run:reward {name}"),
            snapshots[name].content_hash,
        ]
        for name in snapshots
    ]
    condition_label = {UNCONDITIONED: "(as asked)", **{k: k for k in principles}}

    def share(row: dict[str, Any]) -> float | None:
        return row["disputed"] / row["pairs"] if row["pairs"] else None

    overall = analysis["by_principle"][UNCONDITIONED]
    pooled = analysis["pooled"]
    summary = (
        f"{len(groups)} group reward models ({', '.join(groups)}) and a pooled one, from "
        f"{params.version}, compared on {len(items)} held-out pairs: the group models rank "
        f"{overall['disputed']} of them differently as asked"
        + (
            f", and {sum(r['disputed'] for k, r in analysis['by_principle'].items() if k)} of "
            f"{sum(r['pairs'] for k, r in analysis['by_principle'].items() if k)} under the "
            f"{len(principles)} principles"
            if principles
            else ""
        )
        + f". The pooled model's margin lies between the groups' on "
        f"{pooled['between']} of {pooled['pairs']} pairs (as asked and under each principle)."
    )
    return Report(
        summary=summary,
        tables=[
            ReportTable(
                title="Groups and their reward models",
                columns=["Group", "Raters", "Training pairs", "Version", "Run", "Snapshot"],
                rows=group_rows,
            ),
            ReportTable(
                title="Pairs the group models rank differently, per principle",
                columns=["Principle", "Pairs", "Ranked differently", "Share"],
                rows=[
                    [condition_label[key], row["pairs"], row["disputed"], _round(share(row))]
                    for key, row in analysis["by_principle"].items()
                ],
            ),
            ReportTable(
                title="Pairs the group models rank differently, per hazard category",
                columns=["Hazard category", "Pairs", "Ranked differently", "Share"],
                rows=[
                    [category, row["pairs"], row["disputed"], _round(share(row))]
                    for category, row in analysis["by_category"].items()
                ],
            ),
            ReportTable(
                title="Where the pooled model sits (pairs as asked and under every principle)",
                columns=[
                    "Group",
                    "Ranks like the pooled model",
                    "Pairs",
                    "On disputed pairs, the pooled model sides with it",
                    "Disputed pairs",
                ],
                rows=[
                    [
                        g,
                        pooled["agrees"][g],
                        pooled["pairs"],
                        pooled["sides_with"][g],
                        pooled["disputed"],
                    ]
                    for g in groups
                ],
            ),
            ReportTable(
                title="Pairs two group models rank differently",
                columns=["Group", "Other group", "Ranked differently", "Pairs"],
                rows=[[a, b, n, pooled["pairs"]] for (a, b), n in analysis["pairwise"].items()],
            ),
        ],
        plots=[
            ReportPlot(
                title="Share of pairs the group models rank differently, per principle",
                kind="bar",
                x_label="Principle",
                y_label="Share ranked differently",
                series=[
                    ReportSeries(
                        name="group models",
                        points=[
                            {"x": condition_label[key], "y": share(row)}
                            for key, row in analysis["by_principle"].items()
                        ],
                    )
                ],
            ),
            ReportPlot(
                title="How often the pooled model ranks like each group",
                kind="bar",
                x_label="Group",
                y_label="Share of pairs",
                series=[
                    ReportSeries(
                        name="all pairs",
                        points=[
                            {"x": g, "y": pooled["agrees"][g] / pooled["pairs"]} for g in groups
                        ],
                    ),
                    ReportSeries(
                        name="disputed pairs",
                        points=[
                            {
                                "x": g,
                                "y": pooled["sides_with"][g] / pooled["disputed"]
                                if pooled["disputed"]
                                else None,
                            }
                            for g in groups
                        ],
                    ),
                ],
            ),
        ],
        data={
            **{k: v for k, v in analysis.items() if k != "pairwise"},
            "pairwise": [
                {"group": a, "other": b, "disputed": n}
                for (a, b), n in analysis["pairwise"].items()
            ],
            "models": {n: versions[n].pk for n in names},
        },
    )


def disagreement(
    margins: dict[str, dict[str, list[float]]],
    groups: list[str],
    items: list[str],
    principles: dict[str, str],
    categories: dict[str, list[str]],
) -> dict[str, Any]:
    """The report's numbers from the stored margins (model -> condition -> margin per pair).

    A model ranks a pair's chosen text first when its margin is positive; the group models
    dispute a pair when they do not all rank it the same way. The pooled model sits between
    the groups on a pair when its margin lies within the groups' margins.
    """
    conditions = [UNCONDITIONED, *principles]
    by_principle = {c: {"pairs": 0, "disputed": 0} for c in conditions}
    by_category: dict[str, dict[str, int]] = defaultdict(lambda: {"pairs": 0, "disputed": 0})
    pairwise = {(a, b): 0 for a, b in combinations(groups, 2)}
    agrees = dict.fromkeys(groups, 0)
    sides_with = dict.fromkeys(groups, 0)
    pairs = disputed_pairs = between = 0
    for condition in conditions:
        for index, item in enumerate(items):
            first = {g: margins[g][condition][index] > 0 for g in groups}
            disputed = len(set(first.values())) > 1
            by_principle[condition]["pairs"] += 1
            by_principle[condition]["disputed"] += disputed
            if condition == UNCONDITIONED:
                for category in categories[item]:
                    by_category[category]["pairs"] += 1
                    by_category[category]["disputed"] += disputed
            for a, b in pairwise:
                pairwise[(a, b)] += first[a] != first[b]
            value = margins[POOLED][condition][index]
            group_values = [margins[g][condition][index] for g in groups]
            pairs += 1
            disputed_pairs += disputed
            between += min(group_values) <= value <= max(group_values)
            for g in groups:
                same = first[g] == (value > 0)
                agrees[g] += same
                sides_with[g] += disputed and same
    return {
        "by_principle": by_principle,
        "by_category": dict(sorted(by_category.items())),
        "pairwise": pairwise,
        "pooled": {
            "pairs": pairs,
            "disputed": disputed_pairs,
            "between": between,
            "agrees": agrees,
            "sides_with": sides_with,
        },
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
