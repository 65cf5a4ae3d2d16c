from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from loop.gates import GATE_NAMES
from loop.models import DatasetSnapshot, LinePolicy, PublishDecision, Recipe, TrainingRun
from loop.selectors import decisions_of, lineage, policies_list, runs_list, snapshots_list
from loop.services import (
    PublishRefused,
    RunConflict,
    line_policy_set,
    snapshot_create,
    snapshot_export,
    training_run_cancel,
    training_run_start,
    version_publish,
    version_rollback,
)
from registry.api import ModelVersionSerializer
from registry.models import ModelLine, ModelVersion

_can_view = permission_required("loop.view_trainingrun")
_can_train = permission_required("loop.run_training")
_can_publish = permission_required("registry.publish_modelversion")
_can_cancel = permission_required("loop.cancel_trainingrun")


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _invalid(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.message_dict)


# --- snapshots -------------------------------------------------------------------------------


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
            "content_hash",
            "line",
            "recipe",
            "format",
            "signal_count",
            "counts",
            "mix",
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


class SnapshotListView(ListAPIView):
    """Dataset snapshots, newest first; POST builds one (or returns the identical stored one)."""

    serializer_class = SnapshotSerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        return snapshots_list(line=self.request.query_params.get("line"))

    def get_permissions(self) -> Sequence[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated(), _can_train()]
        return super().get_permissions()

    @extend_schema(request=SnapshotInSerializer, responses={201: SnapshotDetailSerializer})
    def post(self, request: Request) -> Response:
        body = SnapshotInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        line = _line_or_400(body.validated_data["line"])
        try:
            snapshot, created = snapshot_create(
                recipe=body.validated_data["recipe"], line=line, user=authenticated_user(request)
            )
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(
            SnapshotDetailSerializer(snapshot).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
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
        snapshot = get_object_or_404(DatasetSnapshot, pk=pk)
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
        try:
            folder = snapshot_export(snapshot=snapshot)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response({"folder": str(folder)})


# --- runs ------------------------------------------------------------------------------------


class RunSerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="line.slug", read_only=True)
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

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if (data["snapshot"] is None) == (data["dataset_recipe"] is None):
            raise serializers.ValidationError(
                {"snapshot": "Give either a snapshot or a dataset recipe."}
            )
        return data


class RunListView(ListAPIView):
    """Training runs, newest first; POST starts one (409 while the line has an active run)."""

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
        line = _line_or_400(data["line"])
        assert line is not None
        base = None
        if data["base_version"] is not None:
            base = ModelVersion.objects.filter(pk=data["base_version"]).first()
            if base is None:
                raise serializers.ValidationError({"base_version": "No such version."})
        snapshot = None
        if data["snapshot"] is not None:
            snapshot = DatasetSnapshot.objects.filter(pk=data["snapshot"]).first()
            if snapshot is None:
                raise serializers.ValidationError({"snapshot": "No such snapshot."})
        try:
            run = training_run_start(
                line=line,
                recipe=data["recipe"],
                config=data["config"],
                base_version=base,
                snapshot=snapshot,
                dataset_recipe=data["dataset_recipe"],
                user=authenticated_user(request),
                auto_publish=data["auto_publish"],
            )
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        except RunConflict as exc:
            raise Conflict(str(exc)) from exc
        return Response(RunSerializer(run).data, status=status.HTTP_201_CREATED)


class RunDetailView(RetrieveAPIView):
    serializer_class = RunSerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        return runs_list()


class CancelInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000)


class RunCancelView(APIView):
    """Cancel a stuck queued or running run so that it no longer locks its line (audited)."""

    permission_classes = [IsAuthenticated, _can_cancel]

    @extend_schema(request=CancelInSerializer, responses=RunSerializer)
    def post(self, request: Request, pk: int) -> Response:
        body = CancelInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        run = get_object_or_404(TrainingRun, pk=pk)
        try:
            run = training_run_cancel(
                run=run, actor=authenticated_user(request), reason=body.validated_data["reason"]
            )
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(RunSerializer(runs_list().get(pk=run.pk)).data)


# --- versions: evaluation, publishing, rollback, lineage --------------------------------------


class DecisionSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", read_only=True, allow_null=True)

    class Meta:
        model = PublishDecision
        fields = [
            "id",
            "version",
            "replaced",
            "action",
            "actor",
            "gate_failures",
            "reason",
            "created_at",
        ]


class VersionDetailSerializer(serializers.Serializer):
    version = ModelVersionSerializer()
    lineage = ModelVersionSerializer(many=True)
    decisions = DecisionSerializer(many=True)
    run = RunSerializer(allow_null=True)
    snapshot = SnapshotSerializer(allow_null=True)


class VersionDetailView(APIView):
    """A version with its lineage (ancestors), training run, snapshot and publish audit."""

    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(responses=VersionDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        version = get_object_or_404(ModelVersion.objects.select_related("line"), pk=pk)
        run = runs_list().filter(version=version).first()
        snapshot = DatasetSnapshot.objects.filter(content_hash=version.dataset_hash).first()
        return Response(
            VersionDetailSerializer(
                {
                    "version": version,
                    "lineage": lineage(version=version),
                    "decisions": decisions_of(version=version),
                    "run": run,
                    "snapshot": snapshot,
                }
            ).data
        )


class PublishInSerializer(serializers.Serializer):
    override_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=5000,
        help_text="Required to publish a version that fails its gates; audited.",
    )


class VersionPublishView(APIView):
    """Publish a version through its line's gates: the one publish endpoint of every page.

    A refusal answers 400 with the failed gates under `gates`; an admin may then publish with
    a written `override_reason` (audited).
    """

    permission_classes = [IsAuthenticated, _can_publish]

    @extend_schema(request=PublishInSerializer, responses=ModelVersionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        body = PublishInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        version = get_object_or_404(ModelVersion, pk=pk)
        try:
            published = version_publish(
                version=version,
                actor=authenticated_user(request),
                override_reason=body.validated_data["override_reason"],
            )
        except PublishRefused as exc:
            raise serializers.ValidationError(
                {"gates": exc.failures, "override_reason": [exc.override]}
            ) from exc
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(ModelVersionSerializer(published).data)


class RollbackInSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class VersionRollbackView(APIView):
    """Make an earlier published version the line's published version again."""

    permission_classes = [IsAuthenticated, _can_publish]

    @extend_schema(request=RollbackInSerializer, responses=ModelVersionSerializer)
    def post(self, request: Request, pk: int) -> Response:
        body = RollbackInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        version = get_object_or_404(ModelVersion, pk=pk)
        try:
            published = version_rollback(
                version=version,
                actor=authenticated_user(request),
                reason=body.validated_data["reason"],
            )
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(ModelVersionSerializer(published).data)


# --- line policies ---------------------------------------------------------------------------


class PolicySerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="line.slug", read_only=True)
    gates = serializers.DictField(
        child=serializers.FloatField(allow_null=True),
        help_text=f"Gate -> threshold; gates: {', '.join(GATE_NAMES)}.",
    )

    class Meta:
        model = LinePolicy
        fields = [
            "line",
            "auto_train",
            "check_every_minutes",
            "min_new_signals",
            "recipe",
            "dataset_recipe",
            "training_config",
            "auto_publish",
            "gates",
            "eval_llmbar_per_subset",
            "last_checked_at",
        ]
        read_only_fields = ["line", "last_checked_at"]


class PolicyListView(ListAPIView):
    serializer_class = PolicySerializer
    permission_classes = [IsAuthenticated, _can_view]

    def get_queryset(self) -> Any:
        return policies_list()


class PolicyDetailView(APIView):
    """A line's trigger and gate settings; PUT sets them (admins)."""

    permission_classes = [IsAuthenticated, _can_view]

    def get_permissions(self) -> Sequence[Any]:
        if self.request.method == "PUT":
            return [IsAuthenticated(), _can_train()]
        return super().get_permissions()

    @extend_schema(responses=PolicySerializer)
    def get(self, request: Request, slug: str) -> Response:
        policy = get_object_or_404(LinePolicy.objects.select_related("line"), line__slug=slug)
        return Response(PolicySerializer(policy).data)

    @extend_schema(request=PolicySerializer, responses=PolicySerializer)
    def put(self, request: Request, slug: str) -> Response:
        line = get_object_or_404(ModelLine, slug=slug)
        body = PolicySerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        try:
            policy = line_policy_set(line=line, **body.validated_data)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(PolicySerializer(policy).data)


def _line_or_400(slug: str | None) -> ModelLine | None:
    if slug is None:
        return None
    line = ModelLine.objects.filter(slug=slug).first()
    if line is None:
        raise serializers.ValidationError({"line": f"No model line {slug!r}."})
    return line
