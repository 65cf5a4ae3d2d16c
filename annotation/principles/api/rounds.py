"""Voting rounds: the list, opening one, a round's page with its proposals, closing it early."""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.principles import selectors
from annotation.principles.api.permissions import can_manage, can_view
from annotation.principles.api.proposals import PrincipleProposalSerializer, proposals_seen
from annotation.principles.models import VotingRound
from annotation.principles.services.rounds import round_close, round_open, rounds_close_due


class VotingRoundSerializer(serializers.ModelSerializer):
    base_version = serializers.IntegerField(source="base_version.number", read_only=True)
    enacted_version = serializers.SerializerMethodField()

    class Meta:
        model = VotingRound
        fields = [
            "id",
            "title",
            "base_version",
            "opens_at",
            "closes_at",
            "status",
            "min_participants",
            "min_agreement",
            "min_group_agreement",
            "closed_at",
            "enacted_version",
        ]

    def get_enacted_version(self, voting_round: VotingRound) -> int | None:
        # Read without a query where the round comes with it selected (selectors.rounds_list);
        # the reverse one-to-one raises an AttributeError when nothing was enacted.
        version = getattr(voting_round, "enacted_version", None)
        return version.number if version else None


class VotingRoundInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    min_participants = serializers.IntegerField(min_value=1, default=3)
    min_agreement = serializers.FloatField(min_value=0.0, max_value=1.0, default=0.6)
    min_group_agreement = serializers.FloatField(min_value=0.0, max_value=1.0, default=0.5)


class VotingRoundDetailSerializer(VotingRoundSerializer):
    proposals = serializers.SerializerMethodField()

    class Meta(VotingRoundSerializer.Meta):
        fields = [*VotingRoundSerializer.Meta.fields, "proposals"]

    @extend_schema_field(PrincipleProposalSerializer(many=True))
    def get_proposals(self, voting_round: VotingRound) -> Any:
        seen = proposals_seen(
            list(selectors.proposals_of(voting_round)),
            voting_round=voting_round,
            user=self.context["user"],
        )
        return PrincipleProposalSerializer(seen, many=True).data


def _round_detail(voting_round: VotingRound, request: Request) -> dict[str, Any]:
    context = {"user": authenticated_user(request)}
    return VotingRoundDetailSerializer(voting_round, context=context).data


class RoundListView(APIView):
    def get_permissions(self) -> list[BasePermission]:
        manage = [can_manage()] if self.request.method == "POST" else []
        return [IsAuthenticated(), can_view(), *manage]

    @extend_schema(responses=VotingRoundSerializer(many=True))
    def get(self, request: Request) -> Response:
        # The close task runs at each round's closing time; this catches any it missed, so
        # nobody ever sees an overdue round as open.
        rounds_close_due()
        return Response(VotingRoundSerializer(selectors.rounds_list(), many=True).data)

    @extend_schema(request=VotingRoundInSerializer, responses={201: VotingRoundSerializer})
    def post(self, request: Request) -> Response:
        body = VotingRoundInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        voting_round = round_open(user=authenticated_user(request), **body.validated_data)
        return Response(VotingRoundSerializer(voting_round).data, status=status.HTTP_201_CREATED)


class RoundDetailView(APIView):
    permission_classes = [IsAuthenticated, can_view]

    @extend_schema(responses=VotingRoundDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        rounds_close_due()
        voting_round = get_object_or_404(selectors.rounds_list(), pk=pk)
        return Response(_round_detail(voting_round, request))


class RoundCloseView(APIView):
    """Close a round now (before its set time) and enact what passed."""

    permission_classes = [IsAuthenticated, can_manage]

    @extend_schema(request=None, responses=VotingRoundDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        get_object_or_404(VotingRound, pk=pk)
        closed = round_close(round_id=pk, force=True, user=authenticated_user(request))
        assert closed is not None
        return Response(_round_detail(closed, request))
