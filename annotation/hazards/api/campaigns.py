"""Campaigns: list and create, one campaign, its responses, and sending its prompts to a model
version (another target, or a judge that labels the responses)."""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.hazards.api.permissions import RUN, VIEW
from annotation.hazards.models import Campaign, Response
from annotation.hazards.selectors.campaigns import campaigns_list, responses_of
from annotation.hazards.services.ai_labels import ai_labels_request
from annotation.hazards.services.campaigns import campaign_create, campaign_rerun
from registry.models import ModelVersion


class CampaignSerializer(serializers.ModelSerializer):
    target = serializers.SerializerMethodField()
    target_line = serializers.SerializerMethodField()
    taxonomy_number = serializers.IntegerField(source="taxonomy.number", read_only=True)
    prompt_count = serializers.IntegerField(read_only=True)
    response_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Campaign
        fields = [
            "id",
            "name",
            "description",
            "target",
            "target_line",
            "target_version",
            "taxonomy_number",
            "labels_per_item",
            "max_new_tokens",
            "prompt_count",
            "response_count",
            "created_at",
        ]

    def get_target(self, campaign: Campaign) -> str:
        return str(campaign.target_version) if campaign.target_version else ""

    def get_target_line(self, campaign: Campaign) -> str:
        return campaign.target_version.line.slug if campaign.target_version else ""


class CampaignInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    line = serializers.SlugField(max_length=64, required=False)
    version = serializers.PrimaryKeyRelatedField(
        queryset=ModelVersion.objects.all(), required=False
    )
    labels_per_item = serializers.IntegerField(min_value=1, max_value=10, default=3)
    max_new_tokens = serializers.IntegerField(min_value=1, max_value=1024, default=128)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("line") and not attrs.get("version"):
            raise serializers.ValidationError({"line": "Give a model line or a version."})
        return attrs


class CampaignListView(APIView):
    def get_permissions(self) -> list[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated(), RUN()]
        return [IsAuthenticated(), VIEW()]

    @extend_schema(responses=CampaignSerializer(many=True))
    def get(self, request: Request) -> HttpResponse:
        return HttpResponse(CampaignSerializer(campaigns_list(), many=True).data)

    @extend_schema(request=CampaignInSerializer, responses={201: CampaignSerializer})
    def post(self, request: Request) -> HttpResponse:
        body = CampaignInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        campaign = campaign_create(user=authenticated_user(request), **body.validated_data)
        campaign = campaigns_list().get(pk=campaign.pk)
        return HttpResponse(CampaignSerializer(campaign).data, status=status.HTTP_201_CREATED)


class CampaignDetailView(APIView):
    permission_classes = [IsAuthenticated, VIEW]

    @extend_schema(responses=CampaignSerializer)
    def get(self, request: Request, pk: int) -> HttpResponse:
        return HttpResponse(CampaignSerializer(get_object_or_404(campaigns_list(), pk=pk)).data)


class ResponseSerializer(serializers.ModelSerializer):
    prompt_text = serializers.CharField(source="prompt.text", read_only=True)
    category = serializers.CharField(source="prompt.category", read_only=True)
    source = serializers.CharField(source="prompt.source", read_only=True)  # type: ignore[assignment]
    producer_name = serializers.SerializerMethodField()
    human_labels = serializers.IntegerField(read_only=True)
    ai_labels = serializers.IntegerField(read_only=True)

    class Meta:
        model = Response
        fields = [
            "id",
            "prompt",
            "prompt_text",
            "category",
            "source",
            "producer_name",
            "status",
            "text",
            "error",
            "gold_harmful",
            "human_labels",
            "ai_labels",
        ]

    def get_producer_name(self, response: Response) -> str:
        return str(response.model_version) if response.model_version else response.producer


class CampaignResponsesView(APIView):
    permission_classes = [IsAuthenticated, VIEW]

    @extend_schema(responses=ResponseSerializer(many=True))
    def get(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        return HttpResponse(ResponseSerializer(responses_of(campaign=campaign), many=True).data)


class VersionInSerializer(serializers.Serializer):
    version = serializers.PrimaryKeyRelatedField(queryset=ModelVersion.objects.all())


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField()


class CampaignRerunView(APIView):
    """Send the campaign's prompts to another model version (e.g. a newly published one)."""

    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=VersionInSerializer, responses={202: CountSerializer})
    def post(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        body = VersionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        count = campaign_rerun(campaign=campaign, version=body.validated_data["version"])
        return HttpResponse({"count": count}, status=status.HTTP_202_ACCEPTED)


class CampaignAILabelsView(APIView):
    """Have a judge version label every finished response, as AI signals."""

    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=VersionInSerializer, responses={202: None})
    def post(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        body = VersionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        ai_labels_request(campaign=campaign, version=body.validated_data["version"])
        return HttpResponse(status=status.HTTP_202_ACCEPTED)
