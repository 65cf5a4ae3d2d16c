"""Researchers' gold items: a response's known answer, set or removed, one by one or for every
labelled imported item of a campaign."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.hazards.api.permissions import RUN
from annotation.hazards.models import Campaign, Response
from annotation.hazards.services.gold import (
    campaign_gold_import,
    response_gold_clear,
    response_gold_set,
)


class GoldInSerializer(serializers.Serializer):
    harmful = serializers.BooleanField(help_text="The item's known answer.")


class ResponseGoldSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    gold_harmful = serializers.BooleanField(allow_null=True)


class GoldMarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="Responses newly marked gold.")


class ResponseGoldView(APIView):
    """Mark a response gold with its answer (PUT) or make it an ordinary item again (DELETE);
    labels already given stay."""

    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=GoldInSerializer, responses=ResponseGoldSerializer)
    def put(self, request: Request, pk: int) -> HttpResponse:
        body = GoldInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        response = response_gold_set(
            response=get_object_or_404(Response, pk=pk),
            harmful=body.validated_data["harmful"],
            actor=authenticated_user(request),
        )
        return HttpResponse(ResponseGoldSerializer(response).data)

    # A DELETE answers 204 unless told: this one answers the item's new state.
    @extend_schema(request=None, responses={200: ResponseGoldSerializer})
    def delete(self, request: Request, pk: int) -> HttpResponse:
        response = response_gold_clear(
            response=get_object_or_404(Response, pk=pk), actor=authenticated_user(request)
        )
        return HttpResponse(ResponseGoldSerializer(response).data)


class CampaignGoldImportView(APIView):
    """Mark gold every imported response of the campaign whose source's annotators agree."""

    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=None, responses=GoldMarkedSerializer)
    def post(self, request: Request, pk: int) -> HttpResponse:
        marked = campaign_gold_import(
            campaign=get_object_or_404(Campaign, pk=pk), actor=authenticated_user(request)
        )
        return HttpResponse({"marked": marked})
