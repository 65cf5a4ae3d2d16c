"""Question sets uploaded by researchers (JSONL or CSV, all or nothing) and their questions."""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.debates.api.permissions import can_run
from annotation.debates.importers import question_set_import
from annotation.debates.models import Question, QuestionSet
from config.api import UploadField


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


class QuestionSetListView(APIView):
    permission_classes = [IsAuthenticated, can_run]
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
        question_set, created = question_set_import(
            content=upload.read(),
            file_format=name.rsplit(".", 1)[-1].lower(),
            name=body.validated_data["name"] or name,
            source=body.validated_data["dataset"],
            split=body.validated_data["split"],
            user=authenticated_user(request),
        )
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
    permission_classes = [IsAuthenticated, can_run]
    serializer_class = QuestionSerializer

    @extend_schema(parameters=[OpenApiParameter("set", int, required=False)])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        questions = Question.objects.order_by("pk")
        if (wanted := self.request.query_params.get("set", "")).isdigit():
            questions = questions.filter(question_set_id=int(wanted))
        return questions
