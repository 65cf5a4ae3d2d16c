"""Debate endpoints. Judges only ever get JudgeAssignmentSerializer, which holds no truth
(correct answer, helpful side, other verdicts) until their own commit."""

import csv
import io
import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from annotation.debates.importers import DebateImportError, question_set_import
from annotation.debates.models import (
    Assignment,
    AssignmentStatus,
    Debate,
    Debater,
    Judgement,
    Protocol,
    Question,
    QuestionSet,
    SpeakingOrder,
    Turn,
)
from annotation.debates.prompts import STRATEGIES
from annotation.debates.selectors import (
    TABLES,
    analytics_cached,
    assignments_of,
    seats_of,
    speaker_next,
    table_rows,
    turns_visible,
    turns_visible_to_debater,
)
from annotation.debates.services import (
    DebaterSpec,
    assignment_next,
    assignment_skip,
    debate_create,
    debate_round_request,
    judgement_commit,
    turn_submit,
)
from config.api import UploadField, query_validated
from llm.serving import serving_version

_can_judge = permission_required("accounts.take_rating_work")
_can_run = permission_required("debates.run_debate")
_can_analyse = permission_required("debates.view_debate_analytics")


def _invalid(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.message_dict)


# --- Judges ---------------------------------------------------------------------------------


class JudgeQuestionSerializer(serializers.ModelSerializer):
    options = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Question
        fields = ["text", "options", "passage_title"]


class JudgeDebaterSerializer(serializers.ModelSerializer):
    class Meta:
        model = Debater
        fields = ["slot", "answer_index"]


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
        ]


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
        judgement = Judgement.objects.get(debate=debate, judge_id=assignment.judge_id)
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


class AssignmentNextView(APIView):
    """The judge's next debate by the assignment rule; 204 when there is none."""

    permission_classes = [IsAuthenticated, _can_judge]

    @extend_schema(request=None, responses={200: JudgeAssignmentSerializer, 204: None})
    def post(self, request: Request) -> Response:
        assignment = assignment_next(user=authenticated_user(request))
        if assignment is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(JudgeAssignmentSerializer(assignment).data)


class AssignmentListView(ListAPIView):
    """The judge's own assignments, newest first."""

    permission_classes = [IsAuthenticated, _can_judge]
    serializer_class = JudgeAssignmentSerializer

    def get_queryset(self) -> Any:
        return assignments_of(user=authenticated_user(self.request)).order_by("-created_at")


def _own_assignment(request: Request, pk: int) -> Assignment:
    return get_object_or_404(assignments_of(user=authenticated_user(request)), pk=pk)


class AssignmentView(APIView):
    permission_classes = [IsAuthenticated, _can_judge]

    @extend_schema(responses=JudgeAssignmentSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(JudgeAssignmentSerializer(_own_assignment(request, pk)).data)


class JudgementInSerializer(serializers.Serializer):
    probabilities = serializers.ListField(
        child=serializers.FloatField(min_value=0.0, max_value=1.0), min_length=2, max_length=8
    )
    rationale = serializers.CharField(
        max_length=10000, required=False, default="", allow_blank=True
    )


class JudgementCommitView(APIView):
    permission_classes = [IsAuthenticated, _can_judge]

    @extend_schema(request=JudgementInSerializer, responses={201: JudgeAssignmentSerializer})
    def post(self, request: Request, pk: int) -> Response:
        assignment = _own_assignment(request, pk)
        body = JudgementInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            judgement_commit(assignment=assignment, **body.validated_data)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        assignment.refresh_from_db()
        return Response(JudgeAssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)


class DebateSkipInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class AssignmentSkipView(APIView):
    permission_classes = [IsAuthenticated, _can_judge]

    @extend_schema(request=DebateSkipInSerializer, responses=JudgeAssignmentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        assignment = _own_assignment(request, pk)
        body = DebateSkipInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            skipped = assignment_skip(assignment=assignment, reason=body.validated_data["reason"])
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(JudgeAssignmentSerializer(skipped).data)


class RoundRequestView(APIView):
    """An interactive debate's judge asks for one more round."""

    permission_classes = [IsAuthenticated, _can_judge]

    @extend_schema(request=None, responses=JudgeAssignmentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        assignment = _own_assignment(request, pk)
        try:
            debate_round_request(assignment=assignment)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        assignment.refresh_from_db()
        return Response(JudgeAssignmentSerializer(assignment).data)


# --- Human debaters -------------------------------------------------------------------------


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
        try:
            turn = turn_submit(debate=debate, user=user, text=body.validated_data["text"])
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(TurnSerializer(turn).data, status=status.HTTP_201_CREATED)


# --- Researchers ----------------------------------------------------------------------------


class QuestionSetSerializer(serializers.ModelSerializer):
    questions = serializers.IntegerField(source="questions.count", read_only=True)

    class Meta:
        model = QuestionSet
        fields = ["id", "name", "source", "split", "questions", "created_at"]


class QuestionSetInSerializer(serializers.Serializer):
    file = UploadField()
    name = serializers.CharField(max_length=200, required=False, default="")
    # Not "source": that name belongs to every DRF field.
    dataset = serializers.CharField(max_length=100, help_text="Dataset the questions come from.")
    split = serializers.CharField(max_length=32, required=False, default="", allow_blank=True)


def _messages_per_line(fields: dict[str, Any]) -> dict[str, list[str]]:
    """{"line 3": {"options": [...]}} as {"line 3": ["options: ..."]}: the error body's fields
    are lists of strings, which is what the upload form shows."""
    flat: dict[str, list[str]] = {}
    for where, problems in fields.items():
        if isinstance(problems, dict):
            flat[where] = [
                f"{field}: {message}"
                for field, messages in problems.items()
                for message in (messages if isinstance(messages, list) else [messages])
            ]
        else:
            flat[where] = [str(m) for m in (problems if isinstance(problems, list) else [problems])]
    return flat


class QuestionSetListView(APIView):
    permission_classes = [IsAuthenticated, _can_run]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(responses=QuestionSetSerializer(many=True))
    def get(self, request: Request) -> Response:
        sets = QuestionSet.objects.order_by("-created_at")
        return Response(QuestionSetSerializer(sets, many=True).data)

    @extend_schema(
        request={"multipart/form-data": QuestionSetInSerializer},
        responses={200: QuestionSetSerializer, 201: QuestionSetSerializer},
    )
    def post(self, request: Request) -> Response:
        body = QuestionSetInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        name = upload.name or "questions"
        try:
            question_set, created = question_set_import(
                content=upload.read(),
                file_format=name.rsplit(".", 1)[-1].lower(),
                name=body.validated_data["name"] or name,
                source=body.validated_data["dataset"],
                split=body.validated_data["split"],
                user=authenticated_user(request),
            )
        except DebateImportError as exc:
            raise serializers.ValidationError(_messages_per_line(exc.fields)) from exc
        return Response(
            QuestionSetSerializer(question_set).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class QuestionSerializer(serializers.ModelSerializer):
    options = serializers.ListField(child=serializers.CharField())
    tags = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Question
        fields = ["id", "question_set", "key", "text", "options", "correct_index", "source", "tags"]


class QuestionListView(ListAPIView):
    permission_classes = [IsAuthenticated, _can_run]
    serializer_class = QuestionSerializer

    @extend_schema(parameters=[OpenApiParameter("set", int, required=False)])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        questions = Question.objects.order_by("pk")
        if (wanted := self.request.query_params.get("set", "")).isdigit():
            questions = questions.filter(question_set_id=int(wanted))
        return questions


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
        fields = ["id", "protocol", "status", "origin", "condition", "rounds", "question"]


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


class DebateListView(ListAPIView):
    permission_classes = [IsAuthenticated, _can_analyse]
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
        specs = []
        for index, debater in enumerate(data.pop("debaters")):
            if "user" in debater:
                person = get_user_model().objects.filter(pk=debater["user"]).first()
                if person is None:
                    raise serializers.ValidationError({"debaters": {str(index): "No such user."}})
                specs.append(DebaterSpec(user=person))
                continue
            version = serving_version(line=debater["line"])
            if version is None:
                raise serializers.ValidationError(
                    {
                        "debaters": {
                            str(index): f"Line {debater['line']!r} has no published version."
                        }
                    }
                )
            specs.append(DebaterSpec(model_version=version, strategy=debater["strategy"]))
        try:
            debate = debate_create(debaters=specs, user=authenticated_user(request), **data)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(DebateSerializer(debate).data, status=status.HTTP_201_CREATED)


class DebateView(APIView):
    permission_classes = [IsAuthenticated, _can_analyse]

    @extend_schema(responses=DebateSerializer)
    def get(self, request: Request, pk: int) -> Response:
        debate = get_object_or_404(
            Debate.objects.prefetch_related("turns__debater", "debaters", "judgements"), pk=pk
        )
        return Response(DebateSerializer(debate).data)


class AnalyticsQuerySerializer(serializers.Serializer):
    origin = serializers.ChoiceField(
        choices=["native", "imported"], required=False, help_text="Only this origin."
    )


class AnalyticsExportQuerySerializer(AnalyticsQuerySerializer):
    table = serializers.ChoiceField(choices=list(TABLES))
    file_format = serializers.ChoiceField(choices=["csv", "json"], default="csv")


class AnalyticsView(APIView):
    """Every analytics table (see selectors.analytics_report) as JSON, as last computed by
    a task, with `computed_at` and `recomputing` (see selectors.analytics_cached)."""

    permission_classes = [IsAuthenticated, _can_analyse]

    @extend_schema(parameters=[AnalyticsQuerySerializer], responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        query = query_validated(AnalyticsQuerySerializer, request)
        return Response(analytics_cached(origin=query.get("origin")))


class AnalyticsExportView(APIView):
    """One table as a CSV or JSON download."""

    permission_classes = [IsAuthenticated, _can_analyse]

    @extend_schema(
        parameters=[AnalyticsExportQuerySerializer],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/json"): OpenApiTypes.ANY,
        },
    )
    def get(self, request: Request) -> HttpResponse:
        query = query_validated(AnalyticsExportQuerySerializer, request)
        table, file_format = query["table"], query["file_format"]
        report = analytics_cached(origin=query.get("origin"))
        filename = f"debates-{table}.{file_format}"
        if file_format == "json":
            body, content_type = json.dumps(report[table], indent=2), "application/json"
        else:
            rows = table_rows(report, table)
            out = io.StringIO()
            if rows:
                writer = csv.DictWriter(out, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            body, content_type = out.getvalue(), "text/csv"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
