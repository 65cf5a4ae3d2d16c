from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response as HttpResponse
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from annotation.hazards import importers, selectors, services
from annotation.hazards.models import Campaign, Category, Response, Taxonomy
from config.api import UploadField
from registry.models import ModelVersion

RATER = permission_required("accounts.take_rating_work")
VIEW = permission_required("hazards.view_campaign")
RUN = permission_required("hazards.run_campaign")


def _service(call: Any, **kwargs: Any) -> Any:
    """Run a service, turning its validation errors into an HTTP 400 with field messages."""
    try:
        return call(**kwargs)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        ) from exc


# Taxonomy


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
        services.taxonomy_ensure_default()
        taxonomies = Taxonomy.objects.prefetch_related("categories")
        return HttpResponse(TaxonomySerializer(taxonomies, many=True).data)

    @extend_schema(request=TaxonomySerializer, responses={201: TaxonomySerializer})
    def post(self, request: Request) -> HttpResponse:
        body = TaxonomySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        taxonomy = _service(
            services.taxonomy_create, user=authenticated_user(request), **body.validated_data
        )
        return HttpResponse(TaxonomySerializer(taxonomy).data, status=status.HTTP_201_CREATED)


# Campaigns


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
        return HttpResponse(CampaignSerializer(selectors.campaigns_list(), many=True).data)

    @extend_schema(request=CampaignInSerializer, responses={201: CampaignSerializer})
    def post(self, request: Request) -> HttpResponse:
        body = CampaignInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        campaign = _service(
            services.campaign_create, user=authenticated_user(request), **body.validated_data
        )
        campaign = selectors.campaigns_list().get(pk=campaign.pk)
        return HttpResponse(CampaignSerializer(campaign).data, status=status.HTTP_201_CREATED)


class CampaignDetailView(APIView):
    permission_classes = [IsAuthenticated, VIEW]

    @extend_schema(responses=CampaignSerializer)
    def get(self, request: Request, pk: int) -> HttpResponse:
        return HttpResponse(
            CampaignSerializer(get_object_or_404(selectors.campaigns_list(), pk=pk)).data
        )


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
        return HttpResponse(
            ResponseSerializer(selectors.responses_of(campaign=campaign), many=True).data
        )


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
        prompt = _service(
            services.prompt_write,
            campaign=campaign,
            author=authenticated_user(request),
            **body.validated_data,
        )
        return HttpResponse(PromptOutSerializer(prompt).data, status=status.HTTP_201_CREATED)


class ImportInSerializer(serializers.Serializer):
    file = UploadField()
    format = serializers.ChoiceField(choices=["prompts", "ailuminate"], default="prompts")


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField()


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
        try:
            if body.validated_data["format"] == "ailuminate":
                count = _service(services.ailuminate_import, campaign=campaign, data=data)
            else:
                rows = importers.prompt_file_parse(data, upload.name or "")
                count = len(
                    _service(services.prompts_add, campaign=campaign, rows=rows, source="file")
                )
        except importers.ImportFormatError as exc:
            raise serializers.ValidationError({"file": exc.errors}) from exc
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
        _service(services.attack_request, campaign=campaign, **body.validated_data)
        return HttpResponse(status=status.HTTP_202_ACCEPTED)


class VersionInSerializer(serializers.Serializer):
    version = serializers.PrimaryKeyRelatedField(queryset=ModelVersion.objects.all())


class CampaignRerunView(APIView):
    """Send the campaign's prompts to another model version (e.g. a newly published one)."""

    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=VersionInSerializer, responses={202: CountSerializer})
    def post(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        body = VersionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        count = services.campaign_rerun(campaign=campaign, version=body.validated_data["version"])
        return HttpResponse({"count": count}, status=status.HTTP_202_ACCEPTED)


class CampaignAILabelsView(APIView):
    """Have a judge version label every finished response, as AI signals."""

    permission_classes = [IsAuthenticated, RUN]

    @extend_schema(request=VersionInSerializer, responses={202: None})
    def post(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        body = VersionInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.ai_labels_request(campaign=campaign, version=body.validated_data["version"])
        return HttpResponse(status=status.HTTP_202_ACCEPTED)


# Analytics


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
        return HttpResponse(
            AnalyticsSerializer(selectors.campaign_analytics_cached(campaign=campaign)).data
        )


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
        return HttpResponse(ImportedSetSerializer(selectors.imported_sets_report(), many=True).data)


# Labelling


class LabelItemSerializer(serializers.Serializer):
    """What a rater sees: the prompt, the response and the taxonomy to label it with."""

    response = serializers.IntegerField(source="pk")
    campaign = serializers.IntegerField(source="prompt.campaign_id")
    prompt = serializers.CharField(source="prompt.text")
    text = serializers.CharField()
    attack_category = serializers.CharField(source="prompt.category")
    taxonomy = TaxonomySerializer(source="prompt.campaign.taxonomy")


class NextItemView(APIView):
    """The rater's next item in a campaign (reserved for them), or 204 when none is left."""

    permission_classes = [IsAuthenticated, RATER]

    @extend_schema(responses={200: LabelItemSerializer, 204: None})
    def get(self, request: Request, pk: int) -> HttpResponse:
        campaign = get_object_or_404(Campaign, pk=pk)
        response = services.assignment_next(rater=authenticated_user(request), campaign=campaign)
        if response is None:
            return HttpResponse(status=status.HTTP_204_NO_CONTENT)
        return HttpResponse(LabelItemSerializer(response).data)


class LabelInSerializer(serializers.Serializer):
    harmful = serializers.BooleanField()
    needless_refusal = serializers.BooleanField(default=False)
    categories = serializers.ListField(
        child=serializers.CharField(max_length=32), default=list, max_length=20
    )
    severity = serializers.IntegerField(min_value=0, max_value=10, default=0)
    spans = serializers.ListField(
        child=serializers.ListField(child=serializers.IntegerField(min_value=0)),
        default=list,
        max_length=50,
    )
    rewrite = serializers.CharField(max_length=50000, required=False, allow_blank=True, default="")


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

    @extend_schema(request=LabelInSerializer, responses={201: LabelOutSerializer})
    def post(self, request: Request, pk: int) -> HttpResponse:
        response = get_object_or_404(
            Response.objects.select_related("prompt__campaign__taxonomy"), pk=pk
        )
        body = LabelInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        label, created = _service(
            services.label_submit,
            rater=authenticated_user(request),
            response=response,
            **body.validated_data,
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
        _service(
            services.assignment_skip,
            rater=authenticated_user(request),
            response=response,
            reason=body.validated_data["reason"],
        )
        return HttpResponse(status=status.HTTP_204_NO_CONTENT)


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
        _service(
            services.adjudication_record,
            researcher=authenticated_user(request),
            response=response,
            **body.validated_data,
        )
        return HttpResponse(status=status.HTTP_201_CREATED)


class MyReliabilityView(APIView):
    """The signed-in rater's own reliability (gold accuracy, agreement with other raters)."""

    permission_classes = [IsAuthenticated, RATER]

    @extend_schema(responses=ReliabilitySerializer)
    def get(self, request: Request) -> HttpResponse:
        return HttpResponse(
            ReliabilitySerializer(selectors.own_reliability(user=authenticated_user(request))).data
        )
