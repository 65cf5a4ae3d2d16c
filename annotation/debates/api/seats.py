"""A human debater's seats: their own side of each debate they argue in, never a verdict."""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.debates.api.turns import TurnSerializer
from annotation.debates.models import Debate, Debater, Question
from annotation.debates.selectors import seats_of, speaker_next, turns_visible_to_debater


class SeatQuestionSerializer(serializers.ModelSerializer):
    options = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Question
        # The passage too: debaters read the story they quote (the judge cannot).
        fields = ["text", "options", "passage", "passage_title"]


class SeatDebateSerializer(serializers.ModelSerializer):
    question = SeatQuestionSerializer()

    class Meta:
        model = Debate
        fields = ["id", "protocol", "rounds", "word_limit", "speaking_order", "status", "question"]


class SeatSerializer(serializers.ModelSerializer):
    """A human debater's seat: their own side only; no judge's verdict or belief."""

    debate = SeatDebateSerializer()
    your_turn = serializers.SerializerMethodField(help_text="The next speech is this debater's.")
    round = serializers.SerializerMethodField(help_text="Round of the next speech, 0-based.")
    turns = serializers.SerializerMethodField()

    class Meta:
        model = Debater
        fields = ["id", "slot", "answer_index", "debate", "your_turn", "round", "turns"]

    def _next(self, debater: Debater) -> tuple[int, Debater] | None:
        return speaker_next(debate=debater.debate)

    def get_your_turn(self, debater: Debater) -> bool:
        speaker = self._next(debater)
        return speaker is not None and speaker[1].pk == debater.pk

    def get_round(self, debater: Debater) -> int | None:
        speaker = self._next(debater)
        return None if speaker is None else speaker[0]

    @extend_schema_field(TurnSerializer(many=True))
    def get_turns(self, debater: Debater) -> list[dict[str, Any]]:
        return list(TurnSerializer(turns_visible_to_debater(debater=debater), many=True).data)


class SeatListView(ListAPIView):
    """The debates the user argues in, newest first."""

    permission_classes = [IsAuthenticated]
    serializer_class = SeatSerializer

    def get_queryset(self) -> Any:
        return seats_of(user=authenticated_user(self.request)).order_by(
            "-debate__created_at", "-pk"
        )


class SeatView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=SeatSerializer)
    def get(self, request: Request, pk: int) -> Response:
        seat = get_object_or_404(seats_of(user=authenticated_user(request)), pk=pk)
        return Response(SeatSerializer(seat).data)
