from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import pagination, serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from accounts.permissions import authenticated_user, permission_required
from config.api import query_validated
from signalpool.kinds import SignalKind
from signalpool.models import IMPORTED, Signal
from signalpool.selectors import signals_query
from signalpool.services import DIRECT_KINDS, signal_record


class SignalSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source_kind", read_only=True)  # type: ignore[assignment]

    class Meta:
        model = Signal
        fields = [
            "id",
            "kind",
            "source",
            "source_user",
            "source_model",
            "source_dataset",
            "source_annotator",
            "item_type",
            "item_id",
            "payload",
            "constitution_version",
            "taxonomy_version",
            "corrects",
            "idempotency_key",
            "created_at",
        ]


class SignalInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in DIRECT_KINDS])
    item_type = serializers.CharField(max_length=64)
    item_id = serializers.CharField(max_length=64)
    payload = serializers.JSONField()
    idempotency_key = serializers.CharField(max_length=128)


class SignalQuerySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[k.value for k in SignalKind], required=False)
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=["human", "model", IMPORTED], required=False
    )
    dataset = serializers.CharField(required=False, help_text="Imported signals of this dataset.")
    item_type = serializers.CharField(required=False)
    item_id = serializers.CharField(required=False)


class SignalCursor(pagination.CursorPagination):
    # Cursor pages stay fast at millions of rows, where COUNT(*) and OFFSET would not.
    ordering = ("-created_at", "-id")
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class SignalListView(ListAPIView):
    serializer_class = SignalSerializer
    pagination_class = SignalCursor

    def get_permissions(self) -> list[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated()]
        return [IsAuthenticated(), permission_required("signalpool.view_signal")()]

    @extend_schema(parameters=[SignalQuerySerializer])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return signals_query(**query_validated(SignalQuerySerializer, self.request))

    @extend_schema(
        request=SignalInSerializer, responses={201: SignalSerializer, 200: SignalSerializer}
    )
    def post(self, request: Request) -> Response:
        body = SignalInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        signal, created = signal_record(
            source_user=authenticated_user(request), **body.validated_data
        )
        return Response(
            SignalSerializer(signal).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
