"""What a closed round showed (opinion groups, per-group agreement, participation), and each
principle's support followed over the rounds that proposed changes to it."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotation.principles import selectors
from annotation.principles.api.permissions import can_manage, can_view
from annotation.principles.api.versions import PrincipleProposalStatsSerializer
from annotation.principles.groups import round_support_by_group
from annotation.principles.models import RoundStatus, VotingRound
from config.api import query_validated
from config.errors import StateConflict
from diversity.api import GroupResultsQuerySerializer, GroupResultsSerializer


class OpinionGroupVoterSerializer(serializers.Serializer):
    # Voters appear by position only: the map shows opinion structure, not who voted how.
    group = serializers.IntegerField(allow_null=True)
    x = serializers.FloatField()
    y = serializers.FloatField()


class OpinionGroupProposalSerializer(serializers.Serializer):
    proposal = serializers.IntegerField()
    x = serializers.FloatField()
    y = serializers.FloatField()


class OpinionGroupsSerializer(serializers.Serializer):
    k = serializers.IntegerField()
    silhouette = serializers.FloatField(allow_null=True)
    voters = OpinionGroupVoterSerializer(many=True)
    proposals = OpinionGroupProposalSerializer(many=True)


class RoundParticipationSerializer(serializers.Serializer):
    human_voters = serializers.IntegerField()
    ai_voters = serializers.IntegerField()
    with_profile = serializers.IntegerField()
    by_background = serializers.DictField(
        child=serializers.DictField(child=serializers.IntegerField())
    )


class VotingRoundAnalysisSerializer(serializers.Serializer):
    closed = serializers.BooleanField()
    participants = serializers.IntegerField(allow_null=True)
    version = serializers.IntegerField(allow_null=True)
    groups = OpinionGroupsSerializer(allow_null=True)
    proposals = serializers.DictField(child=PrincipleProposalStatsSerializer())
    participation = RoundParticipationSerializer()


class RoundAnalysisView(APIView):
    """Opinion groups, per-group agreement and participation; results only once closed."""

    permission_classes = [IsAuthenticated, can_view]

    @extend_schema(responses=VotingRoundAnalysisSerializer)
    def get(self, request: Request, pk: int) -> Response:
        voting_round = get_object_or_404(VotingRound, pk=pk)
        outcome = voting_round.outcome if voting_round.status == RoundStatus.CLOSED else {}
        data = {
            "closed": voting_round.status == RoundStatus.CLOSED,
            "participants": outcome.get("participants"),
            "version": outcome.get("version"),
            "groups": outcome.get("groups"),
            "proposals": outcome.get("proposals", {}),
            "participation": selectors.round_participation(voting_round=voting_round),
        }
        return Response(VotingRoundAnalysisSerializer(data).data)


class RoundGroupsView(APIView):
    """Support for each proposal ("proposal <id>") per rater group of one background field,
    once the round is closed (consenting profiles only; small groups left out)."""

    permission_classes = [IsAuthenticated, can_manage]

    @extend_schema(parameters=[GroupResultsQuerySerializer], responses=GroupResultsSerializer)
    def get(self, request: Request, pk: int) -> Response:
        voting_round = get_object_or_404(VotingRound, pk=pk)
        if voting_round.status != RoundStatus.CLOSED:
            raise StateConflict("Results per group are shown once the round is closed.")
        query = query_validated(GroupResultsQuerySerializer, request)
        report = round_support_by_group(voting_round=voting_round, field=query["by"])
        return Response(GroupResultsSerializer(report).data)


class GroupSupportSerializer(serializers.Serializer):
    group = serializers.CharField()
    voters = serializers.IntegerField(help_text="Human voters of this group on the proposal.")
    agree = serializers.IntegerField()
    agreement = serializers.FloatField()


class BackgroundSupportSerializer(serializers.Serializer):
    region = GroupSupportSerializer(many=True)
    expertise = GroupSupportSerializer(many=True)


class PrincipleTrackingPointSerializer(serializers.Serializer):
    round = serializers.IntegerField()
    round_title = serializers.CharField()
    closed_at = serializers.DateTimeField()
    proposal = serializers.IntegerField()
    action = serializers.CharField()
    agreement = serializers.FloatField(allow_null=True)
    min_group_agreement = serializers.FloatField(allow_null=True)
    group_agreement = serializers.DictField(child=serializers.FloatField(allow_null=True))
    groups = GroupSupportSerializer(
        many=True, help_text="This round's opinion groups; re-clustered every round."
    )
    backgrounds = BackgroundSupportSerializer(
        help_text="Voters with a shared profile, by background: comparable across rounds."
    )
    passed = serializers.BooleanField()


class PrincipleTrackingSerializer(serializers.Serializer):
    key = serializers.CharField()
    points = PrincipleTrackingPointSerializer(many=True)


class TrackingView(APIView):
    """Per principle: its support in every closed round that proposed a change to it."""

    permission_classes = [IsAuthenticated, can_view]

    @extend_schema(responses=PrincipleTrackingSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(PrincipleTrackingSerializer(selectors.principle_tracking(), many=True).data)
