"""Polis conversations: the imported ones listed, and a new export uploaded (researchers)."""

from typing import Any

from django.db.models import Count
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from annotation.principles.models import PolisConversation
from annotation.principles.polis import polis_import_upload
from config.api import UploadField

# Held by researchers only (accounts/roles.py): importing public deliberation data is research.
can_import = permission_required("principles.add_polisconversation")


class PolisConversationSerializer(serializers.ModelSerializer):
    comments = serializers.IntegerField(source="comment_count", read_only=True)
    participants = serializers.IntegerField(source="participant_count", read_only=True)

    class Meta:
        model = PolisConversation
        fields = ["slug", "topic", "description", "url", "comments", "participants", "imported_at"]


class PolisUploadSerializer(serializers.Serializer):
    slug = serializers.SlugField(max_length=100, help_text="The conversation's name here.")
    comments = UploadField(help_text="comments.csv of the Polis export.")
    votes = UploadField(help_text="votes.csv of the Polis export.")
    participants_votes = UploadField(help_text="participants-votes.csv of the Polis export.")
    summary = UploadField(required=False, help_text="summary.csv (topic, description, url).")


# Form field -> the file name the importer reads.
_FILE_NAMES = {
    "comments": "comments.csv",
    "votes": "votes.csv",
    "participants_votes": "participants-votes.csv",
    "summary": "summary.csv",
}


def _conversations() -> Any:
    return PolisConversation.objects.annotate(
        comment_count=Count("comments", distinct=True),
        participant_count=Count("participants", distinct=True),
    ).order_by("-imported_at")


class PolisConversationListView(APIView):
    """Imported conversations; POST imports one export (again: updates it in place)."""

    permission_classes = [IsAuthenticated, can_import]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(responses=PolisConversationSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(PolisConversationSerializer(_conversations(), many=True).data)

    @extend_schema(
        request={"multipart/form-data": PolisUploadSerializer},
        responses={201: PolisConversationSerializer},
    )
    def post(self, request: Request) -> Response:
        body = PolisUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        conversation = polis_import_upload(
            files={
                _FILE_NAMES[field]: data[field].read() for field in _FILE_NAMES if field in data
            },
            slug=data["slug"],
            actor=authenticated_user(request),
        )
        return Response(
            PolisConversationSerializer(_conversations().get(pk=conversation.pk)).data,
            status=status.HTTP_201_CREATED,
        )
