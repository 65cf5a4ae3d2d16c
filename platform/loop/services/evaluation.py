"""A version's evaluation, stored in its metrics (the gates read them when it is published)."""

from typing import Any

from django.db import transaction

from loop.models import DatasetSnapshot
from loop.selectors import line_policy
from registry.models import ModelVersion, VersionStatus


def version_evaluate(
    *, version: ModelVersion, snapshot: DatasetSnapshot | None = None
) -> dict[str, Any]:
    """Evaluate a version, store the results in its metrics and return them.

    The evaluation runs the model and holds no lock; the version's row is locked only to merge
    the results into its metrics.
    """
    from loop.evaluation import evaluate

    policy = line_policy(version.line)
    metrics = evaluate(
        version=version, snapshot=snapshot, llmbar_per_subset=policy.eval_llmbar_per_subset
    )
    with transaction.atomic():
        locked = ModelVersion.objects.select_for_update().get(pk=version.pk)
        locked.metrics = {**locked.metrics, **metrics}
        update = ["metrics"]
        if locked.status == VersionStatus.EVALUATING:
            locked.status = VersionStatus.DRAFT
            update.append("status")
        locked.save(update_fields=update)
    version.metrics, version.status = locked.metrics, locked.status
    return metrics
