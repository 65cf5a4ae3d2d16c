"""The constitution's audit trail: seeding, rounds opened and closed, vetoes, enactments."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotation.principles import selectors
from annotation.principles.api.permissions import can_view
from annotation.principles.models import AuditEntry


class ConstitutionAuditEntrySerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", allow_null=True, default=None)
    version = serializers.IntegerField(source="version.number", allow_null=True, default=None)

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "action",
            "actor",
            "round",
            "version",
            "proposal",
            "reason",
            "details",
            "created_at",
        ]


class AuditListView(APIView):
    permission_classes = [IsAuthenticated, can_view]

    @extend_schema(responses=ConstitutionAuditEntrySerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(
            ConstitutionAuditEntrySerializer(selectors.audit_list()[:200], many=True).data
        )
