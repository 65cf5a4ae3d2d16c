from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import permission_required
from llm.models import Generation, ServingEndpoint, ServingRoute
from llm.selectors import generations_of
from llm.services import generation_request
from llm.serving import endpoints_list, routes_list
from signalpool.hh_rlhf import hh_rlhf_file, hh_rlhf_single_turn

# Enough to pick from, few enough to read in a glance.
PLAYGROUND_EXAMPLES = 12


class GenerationSerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="model_version.line.slug", read_only=True)
    untrained_model = serializers.BooleanField(
        source="model_version.untrained_demo", read_only=True
    )

    class Meta:
        model = Generation
        fields = [
            "id",
            "line",
            "model_version",
            "prompt",
            "params",
            "status",
            "output",
            "error",
            "created_at",
            "finished_at",
            "untrained_model",
        ]


class GenerationInSerializer(serializers.Serializer):
    line = serializers.SlugField(max_length=64)
    prompt = serializers.CharField(max_length=20000)
    max_new_tokens = serializers.IntegerField(min_value=1, max_value=2048, default=128)
    temperature = serializers.FloatField(min_value=0.0, max_value=2.0, default=0.7)


class PlaygroundExampleSerializer(serializers.Serializer):
    prompt = serializers.CharField(help_text="A person's question from HH-RLHF, as plain text.")
    reference = serializers.CharField(help_text="The reply HH-RLHF's raters preferred.")


class PlaygroundExamplesView(APIView):
    """Real questions to prompt a model with, each with a reply people preferred to compare
    (the shipped HH-RLHF file): real text in the playground while lines serve the tiny model."""

    permission_classes = [IsAuthenticated, permission_required("llm.add_generation")]

    @extend_schema(responses=PlaygroundExampleSerializer(many=True))
    def get(self, request: Request) -> Response:
        examples = hh_rlhf_single_turn(hh_rlhf_file(), limit=PLAYGROUND_EXAMPLES)
        return Response(PlaygroundExampleSerializer(examples, many=True).data)


class GenerationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet[Generation]
):
    """Prompts to a model line's published version (the playground); output streams live."""

    serializer_class = GenerationSerializer
    lookup_value_converter = "int"
    permission_classes = [IsAuthenticated, permission_required("llm.add_generation")]

    def get_queryset(self) -> Any:
        return generations_of(user=self.request.user)

    @extend_schema(request=GenerationInSerializer, responses={201: GenerationSerializer})
    def create(self, request: Request) -> Response:
        body = GenerationInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        generation = generation_request(user=request.user, **body.validated_data)
        return Response(GenerationSerializer(generation).data, status=status.HTTP_201_CREATED)


class ServingEndpointSerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="version.line.slug", read_only=True)
    number = serializers.IntegerField(source="version.number", read_only=True)
    served_name = serializers.CharField(source="version.served_name", read_only=True)

    class Meta:
        model = ServingEndpoint
        fields = [
            "version",
            "line",
            "number",
            "served_name",
            "state",
            "agent",
            "base_url",
            "error",
            "state_since",
            "ready_at",
            "heartbeat_at",
            "requested_at",
        ]


class ServingRouteSerializer(serializers.ModelSerializer):
    line = serializers.CharField(source="line.slug", read_only=True)
    number = serializers.IntegerField(source="version.number", read_only=True)

    class Meta:
        model = ServingRoute
        fields = ["line", "version", "number", "switched_at"]


class ServingStatusSerializer(serializers.Serializer):
    lines = serializers.ListField(child=serializers.CharField())
    manager = serializers.ChoiceField(choices=["agent", "external"])
    routes = ServingRouteSerializer(many=True)
    endpoints = ServingEndpointSerializer(many=True)


class ServingStatusView(APIView):
    """Which version each served line's traffic goes to, and every version server's state."""

    permission_classes = [IsAuthenticated, permission_required("llm.view_serving")]

    @extend_schema(responses=ServingStatusSerializer)
    def get(self, request: Request) -> Response:
        status_ = {
            "lines": settings.LLM_OPENAI_LINES,
            "manager": settings.SERVING_MANAGER,
            "routes": routes_list(),
            "endpoints": endpoints_list(),
        }
        return Response(ServingStatusSerializer(status_).data)
