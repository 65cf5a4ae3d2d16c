from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import permission_required
from ops.services import health_checks, workers_status


class HealthView(APIView):
    """Readiness: 200 when the database, Redis and migrations are fine, else 503."""

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        responses=inline_serializer(
            "Health",
            {
                "status": serializers.ChoiceField(choices=["ok", "degraded"]),
                "checks": serializers.DictField(child=serializers.DictField()),
            },
        )
    )
    def get(self, request: Request) -> Response:
        checks = health_checks()
        ok = all(check.ok for check in checks.values())
        return Response(
            {
                "status": "ok" if ok else "degraded",
                "checks": {n: {"ok": c.ok, "detail": c.detail} for n, c in checks.items()},
            },
            status=status.HTTP_200_OK if ok else status.HTTP_503_SERVICE_UNAVAILABLE,
        )


class HealthDetailsView(APIView):
    """The same checks with the underlying errors, which name hosts and drivers: admins only."""

    permission_classes = [IsAuthenticated, permission_required("ops.view_workerheartbeat")]

    @extend_schema(
        responses=inline_serializer(
            "HealthDetails",
            {
                "checks": serializers.DictField(
                    child=inline_serializer(
                        "HealthCheck",
                        {
                            "ok": serializers.BooleanField(),
                            "detail": serializers.CharField(),
                            "error": serializers.CharField(),
                        },
                    )
                )
            },
        )
    )
    def get(self, request: Request) -> Response:
        checks = health_checks()
        return Response(
            {
                "checks": {
                    n: {"ok": c.ok, "detail": c.detail, "error": c.error} for n, c in checks.items()
                }
            }
        )


class WorkersView(APIView):
    permission_classes = [IsAuthenticated, permission_required("ops.view_workerheartbeat")]

    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        return Response(workers_status())
