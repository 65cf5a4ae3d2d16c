"""Quotas of one activity object and their fill; the serializers of per-group results, which
the activities' analytics endpoints answer with."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from diversity.models import GroupField
from diversity.quotas import quota_fill, quota_plan_set
from diversity.scopes import QuotaScope, quota_scopes


class QuotaInSerializer(serializers.Serializer):
    field = serializers.ChoiceField(choices=GroupField.choices)
    value = serializers.CharField(max_length=200, help_text="The group, e.g. a region.")
    min_count = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    max_count = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    min_share = serializers.FloatField(
        min_value=0, max_value=1, required=False, allow_null=True, help_text="0 to 1."
    )
    max_share = serializers.FloatField(
        min_value=0, max_value=1, required=False, allow_null=True, help_text="0 to 1."
    )


class QuotaPlanInSerializer(serializers.Serializer):
    planned_total = serializers.IntegerField(
        min_value=1,
        required=False,
        allow_null=True,
        help_text="Submissions the shares are of; default: what the activity plans.",
    )
    quotas = serializers.ListField(child=QuotaInSerializer(), max_length=200)


class QuotaFillSerializer(serializers.Serializer):
    field = serializers.ChoiceField(choices=GroupField.choices)
    value = serializers.CharField()
    min_count = serializers.IntegerField(allow_null=True)
    max_count = serializers.IntegerField(allow_null=True)
    min_share = serializers.FloatField(allow_null=True)
    max_share = serializers.FloatField(allow_null=True)
    count = serializers.IntegerField(help_text="Submissions made or reserved by the group.")
    share = serializers.FloatField(allow_null=True)
    minimum = serializers.IntegerField(allow_null=True, help_text="Counts and shares combined.")
    maximum = serializers.IntegerField(allow_null=True, help_text="Counts and shares combined.")
    fill_state = serializers.ChoiceField(choices=["under", "open", "full"])


class GroupFillSerializer(serializers.Serializer):
    field = serializers.ChoiceField(choices=GroupField.choices)
    value = serializers.CharField()
    count = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)


class QuotaReportSerializer(serializers.Serializer):
    activity = serializers.CharField()
    object_id = serializers.IntegerField()
    unit = serializers.CharField(help_text="What one submission is.")
    planned_total = serializers.IntegerField(allow_null=True)
    planned = serializers.IntegerField(
        allow_null=True, help_text="The total shares are of: planned_total or the activity's."
    )
    total = serializers.IntegerField()
    quotas = QuotaFillSerializer(many=True)
    groups = GroupFillSerializer(many=True)


def _scope_managed(request: Request, activity: str) -> QuotaScope:
    scope = quota_scopes().get(activity)
    if scope is None:
        raise Http404
    if not scope.may_manage(authenticated_user(request)):
        raise PermissionDenied("Your role does not allow managing these quotas.")
    return scope


class QuotaView(APIView):
    """Quotas per rater group of one hazard campaign ("hazards"), debate question set
    ("debates") or voting round ("principles"), with each group's fill."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=QuotaReportSerializer)
    def get(self, request: Request, activity: str, object_id: int) -> Response:
        if not _scope_managed(request, activity).exists(object_id):
            raise Http404
        return Response(
            QuotaReportSerializer(quota_fill(activity=activity, object_id=object_id)).data
        )

    @extend_schema(request=QuotaPlanInSerializer, responses=QuotaReportSerializer)
    def put(self, request: Request, activity: str, object_id: int) -> Response:
        if not _scope_managed(request, activity).exists(object_id):
            raise Http404
        body = QuotaPlanInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        quota_plan_set(
            activity=activity,
            object_id=object_id,
            planned_total=body.validated_data.get("planned_total"),
            quotas=body.validated_data["quotas"],
            user=authenticated_user(request),
        )
        return Response(
            QuotaReportSerializer(quota_fill(activity=activity, object_id=object_id)).data
        )


class GroupMeasureSerializer(serializers.Serializer):
    measure = serializers.CharField()
    suppressed = serializers.BooleanField(help_text="Fewer raters than the minimum group size.")
    raters = serializers.IntegerField(allow_null=True)
    n = serializers.IntegerField(allow_null=True)
    successes = serializers.IntegerField(allow_null=True)
    rate = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(allow_null=True, help_text="Wilson 95% interval.")
    high = serializers.FloatField(allow_null=True, help_text="Wilson 95% interval.")


class GroupRowSerializer(serializers.Serializer):
    group = serializers.CharField()
    raters = serializers.IntegerField()
    measures = GroupMeasureSerializer(many=True)


class GroupResultsSerializer(serializers.Serializer):
    field = serializers.ChoiceField(choices=GroupField.choices)
    min_group_size = serializers.IntegerField()
    groups = GroupRowSerializer(many=True)
    suppressed_groups = serializers.IntegerField(
        help_text="Groups left out for having fewer raters than min_group_size."
    )
    raters_left_out = serializers.IntegerField(
        help_text="Raters without consent or without a value for the field."
    )


class GroupResultsQuerySerializer(serializers.Serializer):
    by = serializers.ChoiceField(
        choices=GroupField.choices, default=GroupField.REGION, help_text="The field to group by."
    )
