"""Judges' endpoints. Judges only ever get JudgeAssignmentSerializer, which holds no truth
(correct answer, helpful side, other verdicts) until their own commit."""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.debates.api.permissions import can_judge
from annotation.debates.api.turns import TurnSerializer
from annotation.debates.models import (
    Assignment,
    AssignmentStatus,
    Debate,
    Debater,
    Question,
)
from annotation.debates.selectors import assignments_of, assignments_shown_to, turns_visible
from annotation.debates.services.assignments import assignment_next, assignment_skip
from annotation.debates.services.debates import debate_round_request
from annotation.debates.services.judgements import judgement_commit
from trust.api import dwell_ms_field
from trust.throttles import JudgementThrottle


class JudgeQuestionSerializer(serializers.ModelSerializer):
    options = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Question
        fields = ["text", "options", "passage_title"]


class JudgeDebaterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Debater
        fields = ["slot", "answer_index"]


class JudgeDebateSerializer(serializers.ModelSerializer):
    question = JudgeQuestionSerializer()
    debaters = JudgeDebaterSerializer(many=True)

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
            "status",
            "origin",
            "question",
            "debaters",
        ]


class OutcomeDebaterSerializer(serializers.Serializer):
    slot = serializers.CharField()
    answer_index = serializers.IntegerField()
    role = serializers.ChoiceField(choices=["helpful", "sneaky"])


class OutcomeSerializer(serializers.Serializer):
    correct_index = serializers.IntegerField()
    probabilities = serializers.ListField(child=serializers.FloatField())
    rationale = serializers.CharField()
    correct = serializers.BooleanField()
    score = serializers.FloatField()
    debaters = OutcomeDebaterSerializer(many=True)


class JudgeAssignmentSerializer(serializers.ModelSerializer):
    """An assignment as its judge sees it; give it one read by selectors.assignments_shown_to,
    whose prefetches it reads."""

    debate = JudgeDebateSerializer()
    turns = serializers.SerializerMethodField()
    outcome = serializers.SerializerMethodField()

    class Meta:
        model = Assignment
        fields = ["id", "status", "skip_reason", "debate", "turns", "outcome"]

    @extend_schema_field(TurnSerializer(many=True))
    def get_turns(self, assignment: Assignment) -> list[dict[str, Any]]:
        return list(TurnSerializer(turns_visible(assignment=assignment), many=True).data)

    @extend_schema_field(OutcomeSerializer(allow_null=True))
    def get_outcome(self, assignment: Assignment) -> dict[str, Any] | None:
        # The truth is read here, and only for a judge who has committed.
        if assignment.status != AssignmentStatus.COMMITTED:
            return None
        debate = assignment.debate
        [judgement] = [j for j in debate.judgements.all() if j.judge_id == assignment.judge_id]
        correct = debate.question.correct_index
        return dict(
            OutcomeSerializer(
                {
                    "correct_index": correct,
                    "probabilities": judgement.probabilities,
                    "rationale": judgement.rationale,
                    "correct": judgement.correct,
                    "score": judgement.score,
                    "debaters": [
                        {
                            "slot": d.slot,
                            "answer_index": d.answer_index,
                            "role": "helpful" if d.answer_index == correct else "sneaky",
                        }
                        for d in debate.debaters.all()
                    ],
                }
            ).data
        )


def _own_assignment(request: Request, pk: int) -> Assignment:
    return get_object_or_404(assignments_of(user=authenticated_user(request)), pk=pk)


def _shown(request: Request, pk: int) -> dict[str, Any]:
    """The judge's assignment as their view shows it."""
    shown = get_object_or_404(assignments_shown_to(user=authenticated_user(request)), pk=pk)
    return dict(JudgeAssignmentSerializer(shown).data)


class AssignmentNextView(APIView):
    """The judge's next debate by the assignment rule; 204 when there is none."""

    permission_classes = [IsAuthenticated, can_judge]

    @extend_schema(request=None, responses={200: JudgeAssignmentSerializer, 204: None})
    def post(self, request: Request) -> Response:
        assignment = assignment_next(user=authenticated_user(request))
        if assignment is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(_shown(request, assignment.pk))


class AssignmentListView(ListAPIView):
    """The judge's own assignments, newest first."""

    permission_classes = [IsAuthenticated, can_judge]
    serializer_class = JudgeAssignmentSerializer

    def get_queryset(self) -> Any:
        return assignments_shown_to(user=authenticated_user(self.request)).order_by("-created_at")


class AssignmentView(APIView):
    permission_classes = [IsAuthenticated, can_judge]

    @extend_schema(responses=JudgeAssignmentSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(_shown(request, pk))


class JudgementInSerializer(serializers.Serializer):
    probabilities = serializers.ListField(
        child=serializers.FloatField(min_value=0.0, max_value=1.0), min_length=2, max_length=8
    )
    rationale = serializers.CharField(
        max_length=10000, required=False, default="", allow_blank=True
    )
    dwell_ms = dwell_ms_field()


class JudgementCommitView(APIView):
    permission_classes = [IsAuthenticated, can_judge]
    throttle_classes = [JudgementThrottle]

    @extend_schema(request=JudgementInSerializer, responses={201: JudgeAssignmentSerializer})
    def post(self, request: Request, pk: int) -> Response:
        assignment = _own_assignment(request, pk)
        body = JudgementInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        judgement_commit(assignment=assignment, **body.validated_data)
        return Response(_shown(request, pk), status=status.HTTP_201_CREATED)


class DebateSkipInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class AssignmentSkipView(APIView):
    permission_classes = [IsAuthenticated, can_judge]

    @extend_schema(request=DebateSkipInSerializer, responses=JudgeAssignmentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        assignment = _own_assignment(request, pk)
        body = DebateSkipInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        assignment_skip(assignment=assignment, reason=body.validated_data["reason"])
        return Response(_shown(request, pk))


class RoundRequestView(APIView):
    """An interactive debate's judge asks for one more round."""

    permission_classes = [IsAuthenticated, can_judge]

    @extend_schema(request=None, responses=JudgeAssignmentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        assignment = _own_assignment(request, pk)
        debate_round_request(assignment=assignment)
        return Response(_shown(request, pk))
