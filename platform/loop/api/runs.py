"""Training runs: started (409 while the line has an active run), listed, followed, cancelled."""

from collections.abc import Sequence
from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from loop.models import DatasetSnapshot, Recipe, TrainingRun
from loop.selectors import runs_list
from loop.services.runs import training_run_cancel, training_run_start
from registry.api import model_line_validated
from registry.models import ModelLine, ModelVersion

_can_view = permission_required("loop.view_trainingrun")
_can_train = permission_required("loop.run_training")
_can_cancel = permission_required("loop.cancel_trainingrun")


class RunSerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="line.slug", read_only=True)
    # Empty while the snapshot is being built (the run is `waiting`).
    snapshot_hash = serializers.CharField(source="snapshot.content_hash", read_only=True)
    version_number = serializers.IntegerField(
        source="version.number", read_only=True, allow_null=True
    )
    base_version_number = serializers.IntegerField(source="base_version.number", read_only=True)
    config = serializers.DictField(read_only=True)
    # [[step, loss], ...] as logged.
    history = serializers.ListField(
        child=serializers.ListField(child=serializers.FloatField()), read_only=True
    )
    # Seconds per phase: snapshot_s, training_s, evaluation_s, publish_s.
    timings = serializers.DictField(child=serializers.FloatField(), read_only=True)
    cancelled_by = serializers.CharField(
        source="cancelled_by.username", read_only=True, allow_null=True
    )

    class Meta:
        model = TrainingRun
        fields = [
            "id",
            "line",
            "recipe",
            "config",
            "base_version",
            "base_version_number",
            "snapshot",
            "snapshot_hash",
            "trigger",
            "auto_publish",
            "status",
            "step",
            "total_steps",
            "loss",
            "eta_s",
            "history",
            "attempts",
            "resumed_from_step",
            "devices",
            "cancelled_by",
            "cancel_reason",
            "version",
            "version_number",
            "timings",
            "error",
            "created_at",
            "started_at",
            "finished_at",
        ]


class RunInSerializer(serializers.Serializer):
    line = serializers.SlugField()
    recipe = serializers.ChoiceField(choices=Recipe.choices)
    base_version = serializers.IntegerField(required=False, allow_null=True, default=None)
    snapshot = serializers.IntegerField(required=False, allow_null=True, default=None)
    dataset_recipe = serializers.DictField(required=False, allow_null=True, default=None)
    config = serializers.DictField(required=False, default=dict)
    auto_publish = serializers.BooleanField(default=False)

    def validate_line(self, slug: str) -> ModelLine | None:
        return model_line_validated(slug)

    def validate_base_version(self, pk: int | None) -> ModelVersion | None:
        version = None if pk is None else ModelVersion.objects.filter(pk=pk).first()
        if pk is not None and version is None:
            raise serializers.ValidationError("No such version.")
        return version

    def validate_snapshot(self, pk: int | None) -> DatasetSnapshot | None:
        snapshot = None if pk is None else DatasetSnapshot.objects.filter(pk=pk).first()
        if pk is not None and snapshot is None:
            raise serializers.ValidationError("No such snapshot.")
        return snapshot

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if (data["snapshot"] is None) == (data["dataset_recipe"] is None):
            raise serializers.ValidationError(
                {"snapshot": "Give either a snapshot or a dataset recipe."}
            )
        return data


class RunListView(ListAPIView):
    """Training runs, newest first; POST starts one (409 while the line has an active run).

    Started with a dataset recipe, the run is `waiting` until its snapshot is built by a task,
    then `queued` for the gpu; its group (run:<id>) gets `run.snapshot` when that happens.
    """

    serializer_class = RunSerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        return runs_list(line=self.request.query_params.get("line"))

    def get_permissions(self) -> Sequence[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated(), _can_train()]
        return super().get_permissions()

    @extend_schema(request=RunInSerializer, responses={201: RunSerializer})
    def post(self, request: Request) -> Response:
        body = RunInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        run = training_run_start(
            line=data["line"],
            recipe=data["recipe"],
            config=data["config"],
            base_version=data["base_version"],
            snapshot=data["snapshot"],
            dataset_recipe=data["dataset_recipe"],
            user=authenticated_user(request),
            auto_publish=data["auto_publish"],
        )
        return Response(RunSerializer(run).data, status=status.HTTP_201_CREATED)


class RunDetailView(RetrieveAPIView):
    serializer_class = RunSerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        return runs_list()


class CancelInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000)


class RunCancelView(APIView):
    """Cancel a stuck waiting, queued or running run so that it no longer locks its line
    (audited)."""

    permission_classes = [IsAuthenticated, _can_cancel]

    @extend_schema(request=CancelInSerializer, responses=RunSerializer)
    def post(self, request: Request, pk: int) -> Response:
        body = CancelInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        run = training_run_cancel(
            run=get_object_or_404(TrainingRun, pk=pk),
            actor=authenticated_user(request),
            reason=body.validated_data["reason"],
        )
        return Response(RunSerializer(runs_list().get(pk=run.pk)).data)
