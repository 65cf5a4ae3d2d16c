"""Webhook endpoints for researchers and admins: register (the secret shown once), change,
disable, remove, send a test event, and read the delivery log."""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from webhooks.models import EventType, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from webhooks.selectors import deliveries_of, endpoints_list
from webhooks.services.endpoints import (
    webhook_endpoint_create,
    webhook_endpoint_delete,
    webhook_endpoint_update,
    webhook_test_send,
)

_can_manage = permission_required("webhooks.manage_webhookendpoint")


class EventTypeSerializer(serializers.Serializer):
    value = serializers.ChoiceField(choices=EventType.choices)
    description = serializers.CharField()


class WebhookEndpointSerializer(serializers.ModelSerializer):
    event_types = serializers.ListField(child=serializers.ChoiceField(choices=EventType.choices))
    created_by = serializers.CharField(
        source="created_by.username", read_only=True, allow_null=True
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["id", "url", "description", "event_types", "active", "created_by", "created_at"]
        read_only_fields = ["id", "created_by", "created_at"]


class WebhookEndpointCreatedSerializer(WebhookEndpointSerializer):
    """The answer to a registration: the only time the secret is shown."""

    secret = serializers.CharField(read_only=True, help_text="Shown once; store it now.")

    class Meta(WebhookEndpointSerializer.Meta):
        fields = [*WebhookEndpointSerializer.Meta.fields, "secret"]


class WebhookEndpointInSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True)
    event_types = serializers.ListField(
        child=serializers.ChoiceField(choices=EventType.choices), max_length=len(EventType)
    )
    active = serializers.BooleanField(required=False)


class WebhookAttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookAttempt
        fields = ["number", "status_code", "error", "duration_ms", "response_body", "created_at"]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    attempt_log = WebhookAttemptSerializer(many=True, read_only=True)

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event_id",
            "event_type",
            "status",
            "attempts",
            "next_attempt_at",
            "created_at",
            "finished_at",
            "attempt_log",
        ]


class EventTypeListView(APIView):
    """The event types an endpoint can subscribe to."""

    permission_classes = [IsAuthenticated, _can_manage]

    @extend_schema(responses=EventTypeSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(
            [{"value": value, "description": label} for value, label in EventType.choices]
        )


class EndpointListView(ListAPIView):
    """Registered endpoints, newest first; POST registers one and answers its secret, once."""

    serializer_class = WebhookEndpointSerializer
    permission_classes = [IsAuthenticated, _can_manage]

    def get_queryset(self) -> Any:
        return endpoints_list()

    @extend_schema(
        request=WebhookEndpointInSerializer, responses={201: WebhookEndpointCreatedSerializer}
    )
    def post(self, request: Request) -> Response:
        body = WebhookEndpointInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        endpoint = webhook_endpoint_create(
            url=data["url"],
            event_types=data["event_types"],
            description=data.get("description", ""),
            active=data.get("active", True),
            user=authenticated_user(request),
        )
        return Response(
            WebhookEndpointCreatedSerializer(endpoint).data, status=status.HTTP_201_CREATED
        )


class EndpointDetailView(APIView):
    """One endpoint; PATCH changes its url, event types, description or `active` (false
    disables it: its pending deliveries are not sent); DELETE removes it with its log."""

    permission_classes = [IsAuthenticated, _can_manage]

    def _endpoint(self, pk: int) -> WebhookEndpoint:
        return get_object_or_404(endpoints_list(), pk=pk)

    @extend_schema(responses=WebhookEndpointSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(WebhookEndpointSerializer(self._endpoint(pk)).data)

    @extend_schema(request=WebhookEndpointInSerializer, responses=WebhookEndpointSerializer)
    def patch(self, request: Request, pk: int) -> Response:
        body = WebhookEndpointInSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        endpoint = webhook_endpoint_update(endpoint=self._endpoint(pk), **body.validated_data)
        return Response(WebhookEndpointSerializer(endpoint).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        webhook_endpoint_delete(endpoint=self._endpoint(pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeliveryListView(ListAPIView):
    """The endpoint's delivery log, newest first, each delivery with its attempts."""

    serializer_class = WebhookDeliverySerializer
    permission_classes = [IsAuthenticated, _can_manage]

    def get_queryset(self) -> Any:
        endpoint = get_object_or_404(WebhookEndpoint, pk=self.kwargs["pk"])
        return deliveries_of(endpoint=endpoint)


class EndpointTestView(APIView):
    """Send a `webhook.test` event to this endpoint; the delivery appears in its log."""

    permission_classes = [IsAuthenticated, _can_manage]

    @extend_schema(request=None, responses={202: WebhookDeliverySerializer})
    def post(self, request: Request, pk: int) -> Response:
        delivery = webhook_test_send(endpoint=get_object_or_404(WebhookEndpoint, pk=pk))
        return Response(WebhookDeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)
