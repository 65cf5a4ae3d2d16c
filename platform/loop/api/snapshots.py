"""Dataset snapshots: requested (built by a task), listed, read, downloaded, exported."""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from loop.models import DatasetSnapshot, SnapshotStatus
from loop.selectors import snapshots_list
from loop.services.snapshots import snapshot_export, snapshot_export_archive, snapshot_request
from registry.api import model_line_validated
from registry.models import ModelLine

_can_view = permission_required("loop.view_trainingrun")
_can_train = permission_required("loop.run_training")


class SnapshotSerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="line.slug", read_only=True, allow_null=True)
    recipe = serializers.DictField(read_only=True)
    counts = serializers.DictField(child=serializers.IntegerField(), read_only=True)
    mix = serializers.DictField(child=serializers.FloatField(), read_only=True)
    signal_count = serializers.SerializerMethodField()

    class Meta:
        model = DatasetSnapshot
        fields = [
            "id",
            "status",
            "error",
            "content_hash",
            "line",
            "recipe",
            "format",
            "signal_count",
            "counts",
            "mix",
            "build_s",
            "created_at",
        ]

    def get_signal_count(self, snapshot: DatasetSnapshot) -> int:
        return len(snapshot.signal_ids)


class SnapshotDetailSerializer(SnapshotSerializer):
    class Meta(SnapshotSerializer.Meta):
        fields = [*SnapshotSerializer.Meta.fields, "signal_ids"]


class SnapshotInSerializer(serializers.Serializer):
    recipe = serializers.DictField(help_text="A dataset recipe (training.snapshot.DatasetRecipe).")
    line = serializers.SlugField(required=False, allow_null=True, default=None)

    def validate_line(self, slug: str | None) -> ModelLine | None:
        return model_line_validated(slug)


class SnapshotListView(ListAPIView):
    """Dataset snapshots, newest first; POST requests one, built by a task.

    202 with the snapshot `building` (its `snapshot.completed` event on the "registry" group
    says when it is done); 200 with the stored one when the same recipe was built already.
    """

    serializer_class = SnapshotSerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        return snapshots_list(line=self.request.query_params.get("line"))

    def get_permissions(self) -> Sequence[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated(), _can_train()]
        return super().get_permissions()

    @extend_schema(
        request=SnapshotInSerializer,
        responses={202: SnapshotDetailSerializer, 200: SnapshotDetailSerializer},
    )
    def post(self, request: Request) -> Response:
        body = SnapshotInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        snapshot, _ = snapshot_request(
            recipe=body.validated_data["recipe"],
            line=body.validated_data["line"],
            user=authenticated_user(request),
        )
        ready = snapshot.status == SnapshotStatus.READY
        return Response(
            SnapshotDetailSerializer(snapshot).data,
            status=status.HTTP_200_OK if ready else status.HTTP_202_ACCEPTED,
        )


class SnapshotDetailView(RetrieveAPIView):
    serializer_class = SnapshotDetailSerializer
    permission_classes = [IsAuthenticated, _can_view]
    queryset = DatasetSnapshot.objects.select_related("line")


class SnapshotDownloadView(APIView):
    """One split of a snapshot as JSONL, exactly the file the trainer read."""

    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(
        parameters=[OpenApiParameter("split", enum=["train", "eval"], default="train")],
        responses={(200, "application/jsonl"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, pk: int) -> FileResponse:
        snapshot = get_object_or_404(DatasetSnapshot, pk=pk, status=SnapshotStatus.READY)
        split = request.query_params.get("split", "train")
        if split not in ("train", "eval"):
            raise serializers.ValidationError({"split": "Choose train or eval."})
        path = Path(snapshot.folder) / f"{split}.jsonl"
        return FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=f"{snapshot.content_hash[:12]}-{split}.jsonl",
            content_type="application/jsonl",
        )


class ExportOutSerializer(serializers.Serializer):
    folder = serializers.CharField()


class SnapshotExportView(APIView):
    """Write the snapshot as a Hugging Face `datasets` folder with a dataset card."""

    permission_classes = [IsAuthenticated, _can_train]

    @extend_schema(request=None, responses=ExportOutSerializer)
    def post(self, request: Request, pk: int) -> Response:
        snapshot = get_object_or_404(DatasetSnapshot, pk=pk)
        folder = snapshot_export(snapshot=snapshot, actor=authenticated_user(request))
        return Response({"folder": str(folder)})


class SnapshotExportArchiveView(APIView):
    """The Hugging Face export as a zip to download (built on first request, then kept).

    Researchers may download it as they may the JSONL splits: it holds the same rows.
    """

    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request: Request, pk: int) -> FileResponse:
        snapshot = get_object_or_404(DatasetSnapshot, pk=pk)
        archive = snapshot_export_archive(snapshot=snapshot, actor=authenticated_user(request))
        return FileResponse(
            archive.open("rb"),
            as_attachment=True,
            filename=f"{snapshot.content_hash[:12]}-hf.zip",
            content_type="application/zip",
        )
