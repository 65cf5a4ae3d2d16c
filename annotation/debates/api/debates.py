"""Debates as researchers see them, truth included, and starting one."""

from typing import Any

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.debates.api.permissions import can_analyse
from annotation.debates.api.questions import QuestionSerializer
from annotation.debates.api.turns import TurnSerializer
from annotation.debates.models import Debate, Debater, Judgement, Protocol, Question, SpeakingOrder
from annotation.debates.prompts import STRATEGIES
from annotation.debates.services.debates import DebaterSpec, debate_create
from llm.serving import serving_version


class DebaterSerializer(serializers.ModelSerializer):
    # Not "label": that name belongs to every DRF field.
    debater = serializers.CharField(source="label", read_only=True)

    class Meta:
        model = Debater
        fields = ["slot", "answer_index", "debater", "strategy", "external_name"]


class JudgementSerializer(serializers.ModelSerializer):
    judge = serializers.SerializerMethodField()
    probabilities = serializers.ListField(child=serializers.FloatField())

    class Meta:
        model = Judgement
        fields = ["id", "kind", "judge", "live", "probabilities", "correct", "score"]

    def get_judge(self, judgement: Judgement) -> str:
        if judgement.model_version is not None:
            return str(judgement.model_version)
        return judgement.external_name or (judgement.judge.username if judgement.judge else "")


class DebateSerializer(serializers.ModelSerializer):
    """The researcher's view: everything, truth included."""

    question = QuestionSerializer()
    debaters = DebaterSerializer(many=True)
    turns = TurnSerializer(many=True)
    judgements = JudgementSerializer(many=True)

    class Meta:
        model = Debate
        fields = [
            "id",
            "protocol",
            "rounds",
            "max_rounds",
            "interactive",
            "word_limit",
            "speaking_order",
            "judges_wanted",
            "status",
            "origin",
            "condition",
            "external_name",
            "prompt_version",
            "created_at",
            "question",
            "debaters",
            "turns",
            "judgements",
        ]


class DebateSummarySerializer(serializers.ModelSerializer):
    question = serializers.CharField(source="question.text")

    class Meta:
        model = Debate
        fields = ["id", "protocol", "status", "origin", "condition", "rounds", "question", "gold"]


class DebaterInSerializer(serializers.Serializer):
    line = serializers.SlugField(required=False, default="debater")
    strategy = serializers.ChoiceField(choices=sorted(STRATEGIES), default="standard")
    user = serializers.IntegerField(required=False, help_text="A person debates instead.")


class DebateInSerializer(serializers.Serializer):
    question = serializers.PrimaryKeyRelatedField(queryset=Question.objects.all())
    protocol = serializers.ChoiceField(choices=Protocol.choices)
    debaters = DebaterInSerializer(many=True, required=False, default=list)
    rounds = serializers.IntegerField(min_value=1, max_value=10, default=2)
    max_rounds = serializers.IntegerField(min_value=1, max_value=10, required=False)
    interactive = serializers.BooleanField(default=False)
    word_limit = serializers.IntegerField(min_value=10, max_value=1000, default=150)
    speaking_order = serializers.ChoiceField(
        choices=SpeakingOrder.choices, default=SpeakingOrder.SEQUENTIAL
    )
    judges_wanted = serializers.IntegerField(min_value=1, max_value=50, default=3)


def _debater_specs(debaters: list[dict[str, Any]]) -> list[DebaterSpec]:
    """Each requested debater as a person or the published version of its line."""
    specs = []
    for index, debater in enumerate(debaters):
        if "user" in debater:
            person = get_user_model().objects.filter(pk=debater["user"]).first()
            if person is None:
                raise serializers.ValidationError({"debaters": {str(index): "No such user."}})
            specs.append(DebaterSpec(user=person))
            continue
        version = serving_version(line=debater["line"])
        if version is None:
            raise serializers.ValidationError(
                {"debaters": {str(index): f"Line {debater['line']!r} has no published version."}}
            )
        specs.append(DebaterSpec(model_version=version, strategy=debater["strategy"]))
    return specs


class DebateListView(ListAPIView):
    permission_classes = [IsAuthenticated, can_analyse]
    serializer_class = DebateSummarySerializer

    def get_queryset(self) -> Any:
        return Debate.objects.select_related("question").order_by("-created_at", "-pk")

    @extend_schema(request=DebateInSerializer, responses={201: DebateSerializer})
    def post(self, request: Request) -> Response:
        if not request.user.has_perm("debates.run_debate"):
            self.permission_denied(request, message="Your role does not allow starting debates.")
        body = DebateInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        specs = _debater_specs(data.pop("debaters"))
        debate = debate_create(debaters=specs, user=authenticated_user(request), **data)
        return Response(DebateSerializer(debate).data, status=status.HTTP_201_CREATED)


class DebateView(APIView):
    permission_classes = [IsAuthenticated, can_analyse]

    @extend_schema(responses=DebateSerializer)
    def get(self, request: Request, pk: int) -> Response:
        debate = get_object_or_404(
            Debate.objects.prefetch_related(
                "turns__debater", "turns__model_version", "debaters", "judgements"
            ),
            pk=pk,
        )
        return Response(DebateSerializer(debate).data)
