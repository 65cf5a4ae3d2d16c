"""A researcher's decision on a disputed response."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.hazards.api.permissions import RUN
from annotation.hazards.models import Response
from annotation.hazards.services.adjudication import adjudication_record


class AdjudicationInSerializer(serializers.Serializer):
    harmful = serializers.BooleanField()
    categories = serializers.ListField(child=serializers.CharField(max_length=32), default=list)
    reason = serializers.CharField(max_length=10000)


class AdjudicateView(APIView):
    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=AdjudicationInSerializer, responses={201: None})
    def post(self, request: Request, pk: int) -> HttpResponse:
        response = get_object_or_404(Response.objects.select_related("prompt__campaign"), pk=pk)
        body = AdjudicationInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        adjudication_record(
            researcher=authenticated_user(request), response=response, **body.validated_data
        )
        return HttpResponse(status=status.HTTP_201_CREATED)
