"""The platform-wide audit log, filtered and paginated (researchers and admins)."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated

from accounts.permissions import permission_required
from audit.models import AuditAction, AuditEntry
from audit.selectors import audit_entries

_can_view = permission_required("audit.view_auditentry")


class AuditEntrySerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", allow_null=True, default=None)
    action_label = serializers.CharField(source="get_action_display")

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "at",
            "actor",
            "action",
            "action_label",
            "object_type",
            "object_id",
            "summary",
            "details",
        ]


class AuditFilterSerializer(serializers.Serializer):
    action = serializers.ListField(
        child=serializers.ChoiceField(choices=AuditAction.choices),
        required=False,
        help_text="Only these actions (repeat the parameter for several).",
    )
    actor = serializers.CharField(required=False, default="", help_text="A username.")
    since = serializers.DateField(required=False, allow_null=True, default=None)
    until = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Inclusive: the whole day."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["since"] and attrs["until"] and attrs["since"] > attrs["until"]:
            raise serializers.ValidationError({"until": "Give a date on or after since."})
        return attrs


class AuditListView(ListAPIView):
    """Publishing, enactments, vetoes, taxonomy edits, role changes, exports; newest first."""

    serializer_class = AuditEntrySerializer
    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(parameters=[AuditFilterSerializer])
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        params = self.request.query_params
        query = {key: params.getlist(key) if key == "action" else params[key] for key in params}
        filters = AuditFilterSerializer(data=query)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        return audit_entries(
            actions=data.get("action"),
            actor=data["actor"],
            since=data["since"],
            until=data["until"],
        )
