"""Versions in the loop: lineage and audit, publishing through the gates, rollback."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from loop.api.runs import RunSerializer
from loop.api.snapshots import SnapshotSerializer
from loop.models import DatasetSnapshot, PublishDecision, SnapshotStatus
from loop.selectors import decisions_of, lineage, runs_list
from loop.services.publishing import version_publish, version_rollback
from registry.api import ModelVersionSerializer
from registry.models import ModelVersion

_can_view = permission_required("loop.view_trainingrun")
_can_publish = permission_required("registry.publish_modelversion")


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
        # Only a built snapshot has a hash (a seed version has none either).
        snapshot = DatasetSnapshot.objects.filter(
            content_hash=version.dataset_hash, status=SnapshotStatus.READY
        ).first()
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
        published = version_publish(
            version=get_object_or_404(ModelVersion, pk=pk),
            actor=authenticated_user(request),
            override_reason=body.validated_data["override_reason"],
        )
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
        published = version_rollback(
            version=get_object_or_404(ModelVersion, pk=pk),
            actor=authenticated_user(request),
            reason=body.validated_data["reason"],
        )
        return Response(ModelVersionSerializer(published).data)
