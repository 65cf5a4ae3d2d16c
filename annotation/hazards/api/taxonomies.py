"""Hazard taxonomy versions."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from annotation.hazards.models import Category, Taxonomy
from annotation.hazards.services.taxonomy import taxonomy_create, taxonomy_ensure_default


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["code", "name", "definition", "examples"]


class SeverityLevelSerializer(serializers.Serializer):
    level = serializers.IntegerField(min_value=0, max_value=10)
    label = serializers.CharField(max_length=50)  # type: ignore[assignment]
    description = serializers.CharField(max_length=500, required=False, allow_blank=True)


class TaxonomySerializer(serializers.ModelSerializer):
    categories = CategorySerializer(many=True)
    severity_scale = SeverityLevelSerializer(many=True)

    class Meta:
        model = Taxonomy
        fields = ["id", "number", "note", "severity_scale", "categories", "created_at"]
        read_only_fields = ["id", "number", "created_at"]


class TaxonomyView(APIView):
    """Hazard taxonomy versions, newest (the current one) first; posting adds a version."""

    def get_permissions(self) -> list[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated(), permission_required("hazards.add_taxonomy")()]
        return [IsAuthenticated()]

    @extend_schema(responses=TaxonomySerializer(many=True))
    def get(self, request: Request) -> HttpResponse:
        taxonomy_ensure_default()
        taxonomies = Taxonomy.objects.prefetch_related("categories")
        return HttpResponse(TaxonomySerializer(taxonomies, many=True).data)

    @extend_schema(request=TaxonomySerializer, responses={201: TaxonomySerializer})
    def post(self, request: Request) -> HttpResponse:
        body = TaxonomySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        taxonomy = taxonomy_create(user=authenticated_user(request), **body.validated_data)
        return HttpResponse(TaxonomySerializer(taxonomy).data, status=status.HTTP_201_CREATED)
