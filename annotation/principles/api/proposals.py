"""Proposals as each participant sees them, proposing one (or asking the proposer model for
one), and a researcher's veto."""

from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import User
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.principles import selectors
from annotation.principles.api.permissions import can_manage, can_propose
from annotation.principles.models import Audience, Choice, Proposal, ProposalAction, VotingRound
from annotation.principles.services.proposals import (
    proposal_draft_request,
    proposal_submit,
    proposal_veto,
)


class PrincipleTallySerializer(serializers.Serializer):
    human = serializers.DictField(child=serializers.IntegerField())
    ai = serializers.DictField(child=serializers.IntegerField())


class PrincipleProposalSerializer(serializers.Serializer):
    """A proposal as one participant sees it: the tally only once they voted on it."""

    id = serializers.IntegerField()
    round = serializers.IntegerField()
    action = serializers.ChoiceField(choices=ProposalAction.choices)
    principle_key = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField()
    audience = serializers.CharField()
    rationale = serializers.CharField()
    author = serializers.CharField()
    ai_authored = serializers.BooleanField()
    untrained_model = serializers.BooleanField()
    vetoed = serializers.BooleanField()
    veto_reason = serializers.CharField()
    my_vote = serializers.ChoiceField(choices=Choice.choices, allow_null=True)
    tally = PrincipleTallySerializer(allow_null=True)


def proposals_seen(
    proposals: Sequence[Proposal], *, voting_round: VotingRound, user: User
) -> list[dict[str, Any]]:
    """Proposals of `voting_round` as `user` sees them (PrincipleProposalSerializer): their own
    vote, and each tally only where they may see it; the same few queries however many there
    are (give proposals with their authors selected, as selectors.proposals_of does)."""
    mine = selectors.votes_of_user(user=user, voting_round=voting_round)
    visible = [
        p.pk
        for p in proposals
        if selectors.tally_visible(voting_round=voting_round, voted=p.pk in mine)
    ]
    tallies = selectors.proposal_tallies(proposal_ids=visible)
    seen = []
    for proposal in proposals:
        if proposal.author_model is not None:
            author = proposal.author_model.served_name
        else:
            author = proposal.author_user.username if proposal.author_user else ""
        seen.append(
            {
                "id": proposal.pk,
                "round": proposal.round_id,
                "action": proposal.action,
                "principle_key": proposal.principle_key,
                "title": proposal.title,
                "text": proposal.text,
                "audience": proposal.audience,
                "rationale": proposal.rationale,
                "author": author,
                "ai_authored": proposal.ai_authored,
                "untrained_model": proposal.author_model is not None
                and proposal.author_model.untrained_demo,
                "vetoed": proposal.vetoed_by_id is not None,
                "veto_reason": proposal.veto_reason,
                "my_vote": mine.get(proposal.pk),
                "tally": tallies.get(proposal.pk),
            }
        )
    return seen


def proposal_seen(proposal: Proposal, *, user: User) -> dict[str, Any]:
    [seen] = proposals_seen([proposal], voting_round=proposal.round, user=user)
    return seen


class PrincipleProposalInSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=ProposalAction.choices)
    principle_key = serializers.SlugField(max_length=64)
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    text = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    audience = serializers.ChoiceField(
        choices=Audience.choices, required=False, allow_blank=True, default=""
    )
    rationale = serializers.CharField(max_length=10000)


class ProposalCreateView(APIView):
    permission_classes = [IsAuthenticated, can_propose]

    @extend_schema(
        request=PrincipleProposalInSerializer, responses={201: PrincipleProposalSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        voting_round = get_object_or_404(VotingRound, pk=pk)
        body = PrincipleProposalInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = authenticated_user(request)
        proposal = proposal_submit(
            voting_round=voting_round, author_user=user, **body.validated_data
        )
        data = PrincipleProposalSerializer(proposal_seen(proposal, user=user)).data
        return Response(data, status=status.HTTP_201_CREATED)


class AIProposalView(APIView):
    """Ask the published proposer model to draft an amendment (drafted on the gpu queue)."""

    permission_classes = [IsAuthenticated, can_manage]

    @extend_schema(request=None, responses={202: None})
    def post(self, request: Request, pk: int) -> Response:
        proposal_draft_request(voting_round=get_object_or_404(VotingRound, pk=pk))
        return Response(status=status.HTTP_202_ACCEPTED)


class PrincipleVetoInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000)


class VetoView(APIView):
    permission_classes = [IsAuthenticated, can_manage]

    @extend_schema(request=PrincipleVetoInSerializer, responses=PrincipleProposalSerializer)
    def post(self, request: Request, pk: int) -> Response:
        proposal = get_object_or_404(Proposal.objects.select_related("round"), pk=pk)
        body = PrincipleVetoInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = authenticated_user(request)
        vetoed = proposal_veto(proposal=proposal, user=user, **body.validated_data)
        return Response(PrincipleProposalSerializer(proposal_seen(vetoed, user=user)).data)
