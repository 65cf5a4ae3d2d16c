"""Studies: the kinds and their parameters, start, follow, cancel, download the report."""

import json
from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from annotation.studies.kinds import kinds_all
from annotation.studies.models import Study
from annotation.studies.selectors import RUN_STUDY, studies_list
from annotation.studies.services.params import params_describe
from annotation.studies.services.reports import report_csv, report_download
from annotation.studies.services.studies import study_cancel, study_create
from config.api import query_validated

can_run = permission_required(RUN_STUDY)


class StudyParamSerializer(serializers.Serializer):
    name = serializers.CharField()
    type = serializers.ChoiceField(
        choices=["integer", "number", "boolean", "string", "list", "object"]
    )
    items = serializers.CharField(allow_null=True, help_text="The type of a list's items.")
    choices = serializers.ListField(child=serializers.CharField(), allow_null=True)
    nullable = serializers.BooleanField()
    required = serializers.BooleanField()  # type: ignore[assignment]
    default = serializers.JSONField(allow_null=True)
    help = serializers.CharField(allow_blank=True)


class StudyKindSerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    params = StudyParamSerializer(many=True)


class ReportPointSerializer(serializers.Serializer):
    x = serializers.JSONField(help_text="A number, or a category's name.")
    y = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(required=False, allow_null=True)
    high = serializers.FloatField(required=False, allow_null=True)


class ReportSeriesSerializer(serializers.Serializer):
    name = serializers.CharField()
    points = ReportPointSerializer(many=True)


class ReportPlotSerializer(serializers.Serializer):
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=["line", "bar", "points"])
    x_label = serializers.CharField()
    y_label = serializers.CharField()
    series = ReportSeriesSerializer(many=True)


class ReportTableSerializer(serializers.Serializer):
    title = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField(child=serializers.JSONField()))


class StudyReportSerializer(serializers.Serializer):
    summary = serializers.CharField()
    tables = ReportTableSerializer(many=True)
    plots = ReportPlotSerializer(many=True)
    data = serializers.DictField()  # type: ignore[assignment]


class StudySerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(
        source="created_by.username", read_only=True, allow_null=True
    )
    steps_total = serializers.SerializerMethodField()
    step = serializers.SerializerMethodField()

    class Meta:
        model = Study
        fields = [
            "id",
            "kind",
            "status",
            "step_index",
            "steps_total",
            "step",
            "message",
            "error",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    def get_steps_total(self, study: Study) -> int:
        return len(study.steps)

    def get_step(self, study: Study) -> str:
        return study.steps[study.step_index] if study.step_index < len(study.steps) else ""


class StudySnapshotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    content_hash = serializers.CharField()
    status = serializers.CharField()


class StudyVersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="__str__")


class StudyDetailSerializer(StudySerializer):
    params = serializers.DictField(read_only=True)
    steps = serializers.ListField(child=serializers.CharField(), read_only=True)
    waiting = serializers.DictField(read_only=True)
    report = StudyReportSerializer(read_only=True, allow_null=True)
    runs = serializers.SerializerMethodField()
    snapshots = StudySnapshotSerializer(many=True, read_only=True)
    versions = StudyVersionSerializer(many=True, read_only=True)

    class Meta(StudySerializer.Meta):
        fields = [
            *StudySerializer.Meta.fields,
            "params",
            "steps",
            "waiting",
            "code_version",
            "report",
            "runs",
            "snapshots",
            "versions",
        ]
        read_only_fields = fields

    def get_runs(self, study: Study) -> list[int]:
        return [run.pk for run in study.runs.all()]


class StudyInSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=32)
    params = serializers.DictField(default=dict)


class StudyKindsView(APIView):
    """Every kind of study, with its parameters (type, default, help) for a start form."""

    permission_classes = [IsAuthenticated, can_run]

    @extend_schema(responses=StudyKindSerializer(many=True))
    def get(self, request: Request) -> Response:
        kinds = [
            {
                "name": kind.name,
                "title": kind.title,
                "description": kind.description,
                "params": params_describe(kind.params_class),
            }
            for kind in kinds_all().values()
        ]
        return Response(StudyKindSerializer(kinds, many=True).data)


class StudyListView(ListAPIView):
    """Studies, newest first; POST starts one (400 naming each bad parameter)."""

    serializer_class = StudySerializer
    permission_classes = [IsAuthenticated, can_run]

    def get_queryset(self) -> Any:
        return studies_list()

    @extend_schema(request=StudyInSerializer, responses={201: StudyDetailSerializer})
    def post(self, request: Request) -> Response:
        body = StudyInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        study = study_create(
            kind=body.validated_data["kind"],
            params=body.validated_data["params"],
            actor=authenticated_user(request),
        )
        return Response(StudyDetailSerializer(study).data, status=status.HTTP_201_CREATED)


class StudyDetailView(RetrieveAPIView):
    serializer_class = StudyDetailSerializer
    permission_classes = [IsAuthenticated, can_run]

    def get_queryset(self) -> Any:
        return studies_list().prefetch_related("runs", "snapshots", "versions__line")


class StudyCancelView(APIView):
    permission_classes = [IsAuthenticated, can_run]

    @extend_schema(request=None, responses=StudyDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        study = study_cancel(
            study=get_object_or_404(Study, pk=pk), actor=authenticated_user(request)
        )
        return Response(StudyDetailSerializer(study).data)


class StudyDownloadQuerySerializer(serializers.Serializer):
    file_format = serializers.ChoiceField(choices=["json", "csv"], default="json")


class StudyDownloadView(APIView):
    """The report with its lineage (parameters, code version, snapshot hashes, runs, versions):
    JSON, or one CSV holding every table."""

    permission_classes = [IsAuthenticated, can_run]

    @extend_schema(
        parameters=[StudyDownloadQuerySerializer],
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "text/csv"): OpenApiTypes.STR,
        },
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        file_format = query_validated(StudyDownloadQuerySerializer, request)["file_format"]
        study = get_object_or_404(Study, pk=pk)
        if file_format == "json":
            body, content_type = json.dumps(report_download(study), indent=2), "application/json"
        else:
            body, content_type = report_csv(study), "text/csv"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="study-{study.pk}-{study.kind}.{file_format}"'
        )
        return response
