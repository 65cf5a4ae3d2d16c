"""Prompts of a campaign: one written by a person, a file imported, or the attacker's."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.hazards import importers
from annotation.hazards.api.campaigns import CountSerializer
from annotation.hazards.api.permissions import RATER, RUN
from annotation.hazards.models import Campaign
from annotation.hazards.services.attacker import attack_request
from annotation.hazards.services.campaigns import prompt_write, prompts_add
from annotation.hazards.services.imports import ailuminate_import
from config.api import UploadField


class PromptInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=20000)
    category = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")


class PromptOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    category = serializers.CharField()


class CampaignPromptView(APIView):
    """A rater's (or researcher's) attack: "try to make the model produce X"."""

    permission_classes = [IsAuthenticated, RATER | RUN]

    @extend_schema(request=PromptInSerializer, responses={201: PromptOutSerializer})
    def post(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        body = PromptInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        prompt = prompt_write(
            campaign=campaign, author=authenticated_user(request), **body.validated_data
        )
        return HttpResponse(PromptOutSerializer(prompt).data, status=status.HTTP_201_CREATED)


class ImportInSerializer(serializers.Serializer):
    file = UploadField()
    format = serializers.ChoiceField(choices=["prompts", "ailuminate"], default="prompts")


class CampaignImportView(APIView):
    """Import prompts from CSV/JSONL (columns prompt, id, category) or the AILuminate CSV."""

    permission_classes = [IsAuthenticated, RUN]
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": ImportInSerializer}, responses={201: CountSerializer}
    )
    def post(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        body = ImportInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        data = upload.read()
        # A malformed file raises importers.ImportFormatError: a 400 naming its lines under `file`.
        if body.validated_data["format"] == "ailuminate":
            count = ailuminate_import(campaign=campaign, data=data)
        else:
            rows = importers.prompt_file_parse(data, upload.name or "")
            count = len(prompts_add(campaign=campaign, rows=rows, source="file"))
        return HttpResponse({"count": count}, status=status.HTTP_201_CREATED)


class AttackInSerializer(serializers.Serializer):
    category = serializers.CharField(max_length=32)
    count = serializers.IntegerField(min_value=1, max_value=20, default=4)


class CampaignAttackView(APIView):
    """Ask the AI attacker for prompts aimed at a category; they arrive with their responses."""

    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=AttackInSerializer, responses={202: None})
    def post(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        body = AttackInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        attack_request(campaign=campaign, **body.validated_data)
        return HttpResponse(status=status.HTTP_202_ACCEPTED)
