"""Agreement of the annotators that came with imported sets (XSTest)."""

from collections import Counter, defaultdict
from typing import Any

from annotation.hazards import stats
from annotation.hazards.models import ExternalAnnotation


def imported_sets_report() -> list[dict[str, Any]]:
    """Per imported annotation set: items, raters, raw agreement, Cohen's kappa, label counts.

    Items with exactly two annotators are compared (XSTest has two per completion).
    """
    report = []
    datasets = ExternalAnnotation.objects.values_list("dataset", flat=True).distinct()
    for dataset in sorted(set(datasets)):
        by_item: dict[int, dict[str, str]] = defaultdict(dict)
        rows = ExternalAnnotation.objects.filter(dataset=dataset).values_list(
            "response_id", "annotator", "value"
        )
        for response_id, annotator, value in rows:
            by_item[response_id][annotator] = value
        annotators = sorted({a for labels in by_item.values() for a in labels})
        pairs = [
            (labels[annotators[0]], labels[annotators[1]])
            for labels in by_item.values()
            if len(annotators) == 2 and len(labels) == 2
        ]
        distribution = Counter(value for labels in by_item.values() for value in labels.values())
        report.append(
            {
                "dataset": dataset,
                "items": len(by_item),
                "raters": len(annotators),
                "raw_agreement": (sum(a == b for a, b in pairs) / len(pairs)) if pairs else None,
                "cohen_kappa": stats.cohen_kappa([a for a, _ in pairs], [b for _, b in pairs])
                if pairs
                else None,
                "label_distribution": dict(sorted(distribution.items())),
            }
        )
    return report
