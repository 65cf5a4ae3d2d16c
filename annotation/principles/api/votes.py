"""Votes on proposals: a participant's, and asking the published judge model for its votes."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.principles.api.permissions import can_manage, can_vote
from annotation.principles.api.proposals import PrincipleProposalSerializer, proposal_seen
from annotation.principles.models import Choice, Proposal, VotingRound
from annotation.principles.services.votes import ai_votes_request, vote_cast
from trust.api import dwell_ms_field
from trust.throttles import VoteThrottle


class PrincipleVoteInSerializer(serializers.Serializer):
    choice = serializers.ChoiceField(choices=Choice.choices)
    dwell_ms = dwell_ms_field()


class VoteView(APIView):
    permission_classes = [IsAuthenticated, can_vote]
    throttle_classes = [VoteThrottle]

    @extend_schema(request=PrincipleVoteInSerializer, responses=PrincipleProposalSerializer)
    def post(self, request: Request, pk: int) -> Response:
        proposal = get_object_or_404(
            Proposal.objects.select_related("round", "author_user", "author_model__line"), pk=pk
        )
        body = PrincipleVoteInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = authenticated_user(request)
        vote_cast(proposal=proposal, user=user, **body.validated_data)
        return Response(PrincipleProposalSerializer(proposal_seen(proposal, user=user)).data)


class AIVotesView(APIView):
    """Ask the published judge model to vote; AI votes are shown apart and never enact."""

    permission_classes = [IsAuthenticated, can_manage]

    @extend_schema(request=None, responses={202: None})
    def post(self, request: Request, pk: int) -> Response:
        ai_votes_request(voting_round=get_object_or_404(VotingRound, pk=pk))
        return Response(status=status.HTTP_202_ACCEPTED)
