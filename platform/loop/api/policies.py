"""Per-line policies: the periodic trigger's settings and the gates a version must pass."""

from collections.abc import Sequence
from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from loop.gates import GATE_NAMES
from loop.models import LinePolicy
from loop.selectors import line_policy, policies_list
from loop.services.policies import line_policy_set
from registry.models import ModelLine

_can_view = permission_required("loop.view_trainingrun")
_can_train = permission_required("loop.run_training")


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
        # A line with no stored policy answers the defaults, which is what its gates apply.
        return Response(PolicySerializer(line_policy(get_object_or_404(ModelLine, slug=slug))).data)

    @extend_schema(request=PolicySerializer, responses=PolicySerializer)
    def put(self, request: Request, slug: str) -> Response:
        line = get_object_or_404(ModelLine, slug=slug)
        body = PolicySerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        policy = line_policy_set(
            line=line, actor=authenticated_user(request), **body.validated_data
        )
        return Response(PolicySerializer(policy).data)
