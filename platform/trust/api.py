"""Trust scores for researchers (every rater) and for each rater (their own), and the dwell
field every submission endpoint accepts."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from config.api import query_validated
from trust.models import RaterTrust
from trust.selectors import trust_latest

# A day: longer than anyone keeps an item open, short of a client sending nonsense.
DWELL_MAX_MS = 86_400_000


def dwell_ms_field() -> serializers.IntegerField:
    """The `dwell_ms` of a submission's body: how long the item was visible and focused."""
    return serializers.IntegerField(
        min_value=0,
        max_value=DWELL_MAX_MS,
        required=False,
        allow_null=True,
        default=None,
        help_text="Milliseconds the item was visible and focused before submitting "
        "(the pages measure it); a submission faster than its kind's floor is flagged.",
    )


class RaterTrustSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username")

    class Meta:
        model = RaterTrust
        fields = [
            "user",
            "username",
            "activity",
            "score",
            "gold_accuracy",
            "gold_items",
            "agreement",
            "agreement_items",
            "fast_share",
            "timed_submissions",
            "fast_submissions",
            "computed_at",
        ]


class TrustQuerySerializer(serializers.Serializer):
    activity = serializers.CharField(required=False, help_text="Only this activity's scores.")


class TrustListView(ListAPIView):
    """Every rater's latest trust per activity, lowest first, with its components."""

    serializer_class = RaterTrustSerializer
    permission_classes = [IsAuthenticated, permission_required("trust.view_ratertrust")]

    def get_queryset(self) -> Any:
        query = query_validated(TrustQuerySerializer, self.request)
        return trust_latest(activity=query.get("activity"))

    @extend_schema(parameters=[TrustQuerySerializer])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class MyTrustView(APIView):
    """The signed-in person's own trust per activity, with the same components."""

    @extend_schema(responses=RaterTrustSerializer(many=True))
    def get(self, request: Request) -> Response:
        rows = trust_latest(user=authenticated_user(request))
        return Response(RaterTrustSerializer(rows, many=True).data)
