from django.db.models import QuerySet

from loop.gates import DEFAULT_GATES
from loop.models import DatasetSnapshot, LinePolicy, PublishDecision, TrainingRun
from registry.models import ModelLine, ModelVersion


def runs_list(*, line: str | None = None) -> QuerySet[TrainingRun]:
    runs = TrainingRun.objects.select_related(
        "line", "version", "base_version", "snapshot", "cancelled_by"
    )
    return runs.filter(line__slug=line) if line else runs


def snapshots_list(*, line: str | None = None) -> QuerySet[DatasetSnapshot]:
    snapshots = DatasetSnapshot.objects.select_related("line")
    return snapshots.filter(line__slug=line) if line else snapshots


def policies_list() -> QuerySet[LinePolicy]:
    return LinePolicy.objects.select_related("line").order_by("line__slug")


def decisions_of(*, version: ModelVersion) -> QuerySet[PublishDecision]:
    return PublishDecision.objects.filter(version=version).select_related("actor")


def lineage(*, version: ModelVersion) -> list[ModelVersion]:
    """The version and its ancestors, newest first (each run's base is its parent)."""
    chain = [version]
    while chain[-1].parent_id is not None and len(chain) < 1000:
        chain.append(ModelVersion.objects.select_related("line").get(pk=chain[-1].parent_id))
    return chain


def line_policy(line: ModelLine) -> LinePolicy:
    """The line's stored policy, or the defaults (unsaved) when none was set."""
    policy = LinePolicy.objects.filter(line=line).first()
    return policy or LinePolicy(line=line, gates=dict(DEFAULT_GATES))
