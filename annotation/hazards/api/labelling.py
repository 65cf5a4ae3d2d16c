"""A rater's labelling: the next item, its label (or a skip), and their own reliability."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.hazards.api.analytics import ReliabilitySerializer
from annotation.hazards.api.permissions import RATER
from annotation.hazards.api.taxonomies import TaxonomySerializer
from annotation.hazards.models import Campaign, Response
from annotation.hazards.selectors.reliability import own_reliability
from annotation.hazards.services.assignment import assignment_next, assignment_skip
from annotation.hazards.services.labels import label_submit
from registry.models import ModelVersion
from signalpool.kinds import HazardLabelPayload
from trust.api import dwell_ms_field
from trust.throttles import HazardLabelThrottle


class LabelItemSerializer(serializers.Serializer):
    """What a rater sees: the prompt, the response and the taxonomy to label it with."""

    response = serializers.IntegerField(source="pk")
    campaign = serializers.IntegerField(source="prompt.campaign_id")
    prompt = serializers.CharField(source="prompt.text")
    text = serializers.CharField()
    attack_category = serializers.CharField(source="prompt.category")
    taxonomy = TaxonomySerializer(source="prompt.campaign.taxonomy")
    # Imported responses have no version: they are real model output.
    untrained_model = serializers.BooleanField(
        source="model_version.untrained_demo", default=False, read_only=True
    )
    prompt_untrained_model = serializers.SerializerMethodField(
        help_text="The prompt is an AI attacker's, written by the untrained demo model."
    )

    def get_prompt_untrained_model(self, response: Response) -> bool:
        attacker_id = response.prompt.meta.get("attacker_version")
        attacker = ModelVersion.objects.filter(pk=attacker_id).first() if attacker_id else None
        return attacker is not None and attacker.untrained_demo


class NextItemView(APIView):
    """The rater's next item in a campaign (reserved for them), or 204 when none is left."""

    permission_classes = [IsAuthenticated, RATER]

    @extend_schema(responses={200: LabelItemSerializer, 204: None})
    def get(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        response = assignment_next(rater=authenticated_user(request), campaign=campaign)
        if response is None:
            return HttpResponse(status=status.HTTP_204_NO_CONTENT)
        return HttpResponse(LabelItemSerializer(response).data)


class LabelInSerializer(HazardLabelPayload):
    # The signal pool's hazard label (its rules are checked here too) with the rater's safe
    # rewrite; services.labels.label_errors adds what depends on the taxonomy and the text.
    option_scores = None  # type: ignore[assignment]  # an AI labeller's, never a rater's
    rewrite = serializers.CharField(max_length=50000, required=False, allow_blank=True, default="")
    dwell_ms = dwell_ms_field()


class LabelOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    response = serializers.IntegerField(source="response_id")
    harmful = serializers.BooleanField()
    needless_refusal = serializers.BooleanField()
    categories = serializers.ListField(child=serializers.CharField())
    severity = serializers.IntegerField()
    spans = serializers.ListField(child=serializers.ListField(child=serializers.IntegerField()))
    rewrite = serializers.CharField()
    signal = serializers.IntegerField(source="signal_id")


class LabelView(APIView):
    permission_classes = [IsAuthenticated, RATER]
    throttle_classes = [HazardLabelThrottle]

    @extend_schema(request=LabelInSerializer, responses={201: LabelOutSerializer})
    def post(self, request: Request, pk: int) -> HttpResponse:
        response = get_object_or_404(
            Response.objects.select_related("prompt__campaign__taxonomy"), pk=pk
        )
        body = LabelInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        label, created = label_submit(
            rater=authenticated_user(request), response=response, **body.validated_data
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return HttpResponse(LabelOutSerializer(label).data, status=code)


class SkipInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500)


class SkipView(APIView):
    permission_classes = [IsAuthenticated, RATER]

    @extend_schema(request=SkipInSerializer, responses={204: None})
    def post(self, request: Request, pk: int) -> HttpResponse:
        response = get_object_or_404(Response, pk=pk)
        body = SkipInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        assignment_skip(
            rater=authenticated_user(request),
            response=response,
            reason=body.validated_data["reason"],
        )
        return HttpResponse(status=status.HTTP_204_NO_CONTENT)


class MyReliabilityView(APIView):
    """The signed-in rater's own reliability (gold accuracy, agreement with other raters)."""

    permission_classes = [IsAuthenticated, RATER]

    @extend_schema(responses=ReliabilitySerializer)
    def get(self, request: Request) -> HttpResponse:
        return HttpResponse(
            ReliabilitySerializer(own_reliability(user=authenticated_user(request))).data
        )
