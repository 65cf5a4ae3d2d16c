"""Comments on a proposal; like its tally, shown only to those who voted on it."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.principles import selectors
from annotation.principles.api.permissions import can_vote
from annotation.principles.models import Proposal
from annotation.principles.services.comments import comment_add
from trust.api import dwell_ms_field
from trust.throttles import CommentThrottle


class PrincipleCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    author = serializers.CharField(source="author.username")
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class PrincipleCommentInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)
    dwell_ms = dwell_ms_field()


class CommentListView(APIView):
    permission_classes = [IsAuthenticated, can_vote]
    # Counts the posts only: reading the comments is not a submission.
    throttle_classes = [CommentThrottle]

    @extend_schema(responses=PrincipleCommentSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        proposal = get_object_or_404(Proposal.objects.select_related("round"), pk=pk)
        if not selectors.may_see_tally(user=authenticated_user(request), proposal=proposal):
            # Comments reveal opinions: like the tally, they show only after one's own vote.
            return Response([])
        return Response(
            PrincipleCommentSerializer(selectors.comments_of(proposal=proposal), many=True).data
        )

    @extend_schema(
        request=PrincipleCommentInSerializer, responses={201: PrincipleCommentSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        proposal = get_object_or_404(Proposal.objects.select_related("round"), pk=pk)
        body = PrincipleCommentInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        comment = comment_add(
            proposal=proposal, user=authenticated_user(request), **body.validated_data
        )
        return Response(PrincipleCommentSerializer(comment).data, status=status.HTTP_201_CREATED)
