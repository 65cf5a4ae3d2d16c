"""Judge-accuracy analytics as last computed by a task, and each table as a download."""

import csv
import io
import json

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotation.debates.api.permissions import can_analyse
from annotation.debates.groups import judge_accuracy_by_group
from annotation.debates.selectors import TABLES, analytics_cached, table_rows
from config.api import query_validated
from diversity.api import GroupResultsQuerySerializer, GroupResultsSerializer


class AnalyticsQuerySerializer(serializers.Serializer):
    origin = serializers.ChoiceField(
        choices=["native", "imported"], required=False, help_text="Only this origin."
    )


class AnalyticsExportQuerySerializer(AnalyticsQuerySerializer):
    table = serializers.ChoiceField(choices=list(TABLES))
    file_format = serializers.ChoiceField(choices=["csv", "json"], default="csv")


class AnalyticsView(APIView):
    """Every analytics table (see selectors.analytics_report) as JSON, as last computed by
    a task, with `computed_at` and `recomputing` (see selectors.analytics_cached)."""

    permission_classes = [IsAuthenticated, can_analyse]

    @extend_schema(parameters=[AnalyticsQuerySerializer], responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        query = query_validated(AnalyticsQuerySerializer, request)
        return Response(analytics_cached(origin=query.get("origin")))


class AnalyticsExportView(APIView):
    """One table as a CSV or JSON download."""

    permission_classes = [IsAuthenticated, can_analyse]

    @extend_schema(
        parameters=[AnalyticsExportQuerySerializer],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/json"): OpenApiTypes.ANY,
        },
    )
    def get(self, request: Request) -> HttpResponse:
        query = query_validated(AnalyticsExportQuerySerializer, request)
        table, file_format = query["table"], query["file_format"]
        report = analytics_cached(origin=query.get("origin"))
        filename = f"debates-{table}.{file_format}"
        if file_format == "json":
            body, content_type = json.dumps(report[table], indent=2), "application/json"
        else:
            rows = table_rows(report, table)
            out = io.StringIO()
            if rows:
                writer = csv.DictWriter(out, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            body, content_type = out.getvalue(), "text/csv"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class AnalyticsGroupsQuerySerializer(AnalyticsQuerySerializer, GroupResultsQuerySerializer):
    pass


class AnalyticsGroupsView(APIView):
    """People's judge accuracy per rater group of one background field (consenting profiles
    only; groups under GROUP_RESULTS_MIN_SIZE judges left out)."""

    permission_classes = [IsAuthenticated, can_analyse]

    @extend_schema(parameters=[AnalyticsGroupsQuerySerializer], responses=GroupResultsSerializer)
    def get(self, request: Request) -> Response:
        query = query_validated(AnalyticsGroupsQuerySerializer, request)
        report = judge_accuracy_by_group(field=query["by"], origin=query.get("origin"))
        return Response(GroupResultsSerializer(report).data)
