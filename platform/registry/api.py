from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated

from accounts.permissions import permission_required
from registry.models import ModelLine, ModelVersion
from registry.selectors import lines_list, versions_of_line


def model_line_validated(slug: str | None) -> ModelLine | None:
    """The model line a request names by its slug (for a serializer's `validate_line`)."""
    if slug is None:
        return None
    line = ModelLine.objects.filter(slug=slug).first()
    if line is None:
        raise serializers.ValidationError(f"No model line {slug!r}.")
    return line


class ModelVersionSerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="line.slug", read_only=True)

    class Meta:
        model = ModelVersion
        fields = [
            "id",
            "line",
            "number",
            "base",
            "uri",
            "status",
            "metrics",
            "parent",
            "training_run_ref",
            "dataset_hash",
            "code_version",
            "artifact_hash",
            "created_at",
            "published_at",
        ]


class ModelLineSerializer(serializers.ModelSerializer):
    published_version = serializers.SerializerMethodField()

    class Meta:
        model = ModelLine
        fields = ["slug", "name", "description", "published_version"]

    @extend_schema_field(ModelVersionSerializer(allow_null=True))
    def get_published_version(self, line: ModelLine) -> dict[str, Any] | None:
        # lines_list() prefetched the published version into `published`.
        versions = getattr(line, "published", [])
        return ModelVersionSerializer(versions[0]).data if versions else None


_can_view = permission_required("registry.view_modelversion")


class LineListView(ListAPIView):
    serializer_class = ModelLineSerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        return lines_list()


class VersionListView(ListAPIView):
    serializer_class = ModelVersionSerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        get_object_or_404(ModelLine, slug=self.kwargs["slug"])
        return versions_of_line(line=self.kwargs["slug"])
