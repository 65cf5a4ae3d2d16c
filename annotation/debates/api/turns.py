"""A debate's speeches as every reader gets them, and a human debater's submission."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.debates.models import Debate, Turn
from annotation.debates.services.turns import turn_submit


class QuoteSerializer(serializers.Serializer):
    text = serializers.CharField()
    verified = serializers.BooleanField(
        allow_null=True,
        help_text="true: at least three whole words of the story; null: unverifiable, the story "
        "was not kept with this (imported) debate.",
    )


class TurnSerializer(serializers.ModelSerializer):
    slot = serializers.CharField(source="debater.slot", allow_null=True, default=None)
    quotes = QuoteSerializer(many=True)
    probabilities = serializers.ListField(child=serializers.FloatField(), allow_null=True)
    # Imported and human turns have no version: only the tiny demo model's are marked.
    untrained_model = serializers.BooleanField(
        source="model_version.untrained_demo", default=False, read_only=True
    )

    class Meta:
        model = Turn
        fields = [
            "id",
            "position",
            "round",
            "kind",
            "slot",
            "speaker_name",
            "text",
            "quotes",
            "probabilities",
            "untrained_model",
        ]


class TurnInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=20000)


class TurnSubmitView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=TurnInSerializer, responses={201: TurnSerializer})
    def post(self, request: Request, pk: int) -> Response:
        user = authenticated_user(request)
        debate = get_object_or_404(Debate.objects.filter(debaters__user=user).distinct(), pk=pk)
        body = TurnInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        turn = turn_submit(debate=debate, user=user, text=body.validated_data["text"])
        return Response(TurnSerializer(turn).data, status=status.HTTP_201_CREATED)
