from django.db.models import Prefetch, QuerySet

from registry.models import ModelLine, ModelVersion, VersionStatus


def published_version(*, line: str) -> ModelVersion | None:
    return (
        ModelVersion.objects.select_related("line")
        .filter(line__slug=line, status=VersionStatus.PUBLISHED)
        .first()
    )


def lines_list() -> QuerySet[ModelLine]:
    """Lines with their published version prefetched into `published` (a 0- or 1-item list)."""
    return ModelLine.objects.order_by("slug").prefetch_related(
        Prefetch(
            "versions",
            queryset=ModelVersion.objects.select_related("line").filter(
                status=VersionStatus.PUBLISHED
            ),
            to_attr="published",
        )
    )


def versions_of_line(*, line: str) -> QuerySet[ModelVersion]:
    return ModelVersion.objects.select_related("line").filter(line__slug=line).order_by("-number")
