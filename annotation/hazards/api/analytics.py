"""Analytics: a campaign's report, and the agreement of imported annotation sets."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from annotation.hazards.api.permissions import VIEW
from annotation.hazards.models import Campaign
from annotation.hazards.selectors.analytics import campaign_analytics_cached
from annotation.hazards.selectors.groups import campaign_results_by_group
from annotation.hazards.selectors.imported import imported_sets_report
from config.api import query_validated
from diversity.api import GroupResultsQuerySerializer, GroupResultsSerializer


class ItemAggregateSerializer(serializers.Serializer):
    response = serializers.IntegerField()
    labels = serializers.IntegerField()
    harmful_votes = serializers.IntegerField()
    majority_harmful = serializers.BooleanField(allow_null=True)
    ds_harmful = serializers.BooleanField()
    ds_probability = serializers.FloatField()
    adjudicated = serializers.BooleanField()


class AgreementSerializer(serializers.Serializer):
    label = serializers.CharField()  # type: ignore[assignment]
    items = serializers.IntegerField()
    krippendorff_alpha = serializers.FloatField(allow_null=True)
    fleiss_kappa = serializers.FloatField(allow_null=True)
    cohen_kappa = serializers.FloatField(allow_null=True)


class ReliabilitySerializer(serializers.Serializer):
    rater = serializers.IntegerField()
    username = serializers.CharField()
    labels = serializers.IntegerField()
    gold_items = serializers.IntegerField()
    gold_correct = serializers.IntegerField()
    gold_accuracy = serializers.FloatField(allow_null=True)
    compared = serializers.IntegerField()
    agreed = serializers.IntegerField()
    agreement = serializers.FloatField(allow_null=True)
    estimated_accuracy = serializers.FloatField(allow_null=True)


class DisagreementSerializer(serializers.Serializer):
    response = serializers.IntegerField()
    prompt = serializers.CharField()
    text = serializers.CharField()
    labels = serializers.IntegerField()
    harmful_votes = serializers.IntegerField()
    ds_probability = serializers.FloatField()


class HumanVsAISerializer(serializers.Serializer):
    labeller = serializers.CharField()
    items = serializers.IntegerField()
    raw_agreement = serializers.FloatField(allow_null=True)
    cohen_kappa = serializers.FloatField(allow_null=True)


class CategoryRateSerializer(serializers.Serializer):
    code = serializers.CharField()
    harmful = serializers.IntegerField()
    rate = serializers.FloatField()
    low = serializers.FloatField()
    high = serializers.FloatField()


class HazardRateSerializer(serializers.Serializer):
    version = serializers.CharField()
    number = serializers.IntegerField(allow_null=True)
    n = serializers.IntegerField()
    harmful = serializers.IntegerField()
    rate = serializers.FloatField()
    low = serializers.FloatField()
    high = serializers.FloatField()
    categories = CategoryRateSerializer(many=True)


class AnalyticsSerializer(serializers.Serializer):
    campaign = serializers.IntegerField()
    labelled_items = serializers.IntegerField()
    human_labels = serializers.IntegerField()
    ai_labels = serializers.IntegerField()
    ds_majority_differences = serializers.IntegerField()
    items = ItemAggregateSerializer(many=True)
    agreement = AgreementSerializer(many=True)
    raters = ReliabilitySerializer(many=True)
    disagreements = DisagreementSerializer(many=True)
    human_vs_ai = HumanVsAISerializer(many=True)
    hazard_rates = HazardRateSerializer(many=True)
    computed_at = serializers.CharField(
        allow_null=True, help_text="When the figures were computed (ISO 8601); null before."
    )
    recomputing = serializers.BooleanField(
        help_text="Newer labels exist; a task is computing the figures that include them."
    )


class CampaignAnalyticsView(APIView):
    """The figures a task last computed for the campaign (selectors.campaign_analytics_cached)."""

    permission_classes = [IsAuthenticated, VIEW]

    @extend_schema(responses=AnalyticsSerializer)
    def get(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        return HttpResponse(AnalyticsSerializer(campaign_analytics_cached(campaign=campaign)).data)


class CampaignGroupsView(APIView):
    """Hazard rate and agreement per rater group of one background field (consenting profiles
    only; groups under GROUP_RESULTS_MIN_SIZE raters left out)."""

    permission_classes = [IsAuthenticated, VIEW]

    @extend_schema(parameters=[GroupResultsQuerySerializer], responses=GroupResultsSerializer)
    def get(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        query = query_validated(GroupResultsQuerySerializer, request)
        report = campaign_results_by_group(campaign=campaign, field=query["by"])
        return HttpResponse(GroupResultsSerializer(report).data)


class ImportedSetSerializer(serializers.Serializer):
    dataset = serializers.CharField()
    items = serializers.IntegerField()
    raters = serializers.IntegerField()
    raw_agreement = serializers.FloatField(allow_null=True)
    cohen_kappa = serializers.FloatField(allow_null=True)
    label_distribution = serializers.DictField(child=serializers.IntegerField())


class ImportedReportView(APIView):
    """Agreement of the annotators that came with imported sets (XSTest)."""

    permission_classes = [IsAuthenticated, VIEW]

    @extend_schema(responses=ImportedSetSerializer(many=True))
    def get(self, request: Request) -> HttpResponse:
        return HttpResponse(ImportedSetSerializer(imported_sets_report(), many=True).data)
