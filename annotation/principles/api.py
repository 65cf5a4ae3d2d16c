from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user, permission_required
from annotation.principles import selectors, services
from annotation.principles.models import (
    Audience,
    AuditEntry,
    Choice,
    ConstitutionVersion,
    Principle,
    Proposal,
    ProposalAction,
    RoundStatus,
    VotingRound,
)

_can_view = permission_required("principles.view_constitutionversion")
_can_propose = permission_required("principles.add_proposal")
_can_vote = permission_required("principles.add_vote")
_can_manage = permission_required("principles.manage_votinground")


def _invalid(exc: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(exc, "error_dict"):
        return serializers.ValidationError(exc.message_dict)
    return serializers.ValidationError({"non_field_errors": exc.messages})


class PrincipleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Principle
        fields = ["key", "title", "text", "audience", "rationale", "position"]


class ConstitutionVersionSerializer(serializers.ModelSerializer):
    round = serializers.IntegerField(source="round_id", allow_null=True, read_only=True)

    class Meta:
        model = ConstitutionVersion
        fields = ["number", "summary", "is_current", "round", "created_at"]


class PrincipleProposalBriefSerializer(serializers.ModelSerializer):
    ai_authored = serializers.BooleanField(read_only=True)

    class Meta:
        model = Proposal
        fields = ["id", "action", "principle_key", "title", "text", "rationale", "ai_authored"]


class PrincipleProposalStatsSerializer(serializers.Serializer):
    votes = serializers.IntegerField()
    agree = serializers.IntegerField()
    disagree = serializers.IntegerField()
    # "pass" is a Python keyword, hence the source mapping.
    passes = serializers.IntegerField(source="pass")
    agreement = serializers.FloatField(allow_null=True)
    group_agreement = serializers.DictField(child=serializers.FloatField(allow_null=True))
    min_group_agreement = serializers.FloatField(allow_null=True)
    consensus = serializers.FloatField(allow_null=True)
    ai = serializers.DictField(child=serializers.IntegerField())
    passed = serializers.BooleanField()
    reason = serializers.CharField()


class ConstitutionChangelogEntrySerializer(serializers.Serializer):
    proposal = PrincipleProposalBriefSerializer()
    stats = PrincipleProposalStatsSerializer()


class ConstitutionVersionDetailSerializer(ConstitutionVersionSerializer):
    principles = serializers.SerializerMethodField()
    changelog = serializers.SerializerMethodField()

    class Meta(ConstitutionVersionSerializer.Meta):
        fields = [*ConstitutionVersionSerializer.Meta.fields, "principles", "changelog"]

    @extend_schema_field(PrincipleSerializer(many=True))
    def get_principles(self, version: ConstitutionVersion) -> Any:
        return PrincipleSerializer(selectors.principles_of(version), many=True).data

    @extend_schema_field(ConstitutionChangelogEntrySerializer(many=True))
    def get_changelog(self, version: ConstitutionVersion) -> Any:
        return ConstitutionChangelogEntrySerializer(
            selectors.version_changelog(version=version), many=True
        ).data


class ConstitutionDiffRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    change = serializers.ChoiceField(choices=["added", "removed", "changed", "unchanged"])
    before = PrincipleSerializer(allow_null=True)
    after = PrincipleSerializer(allow_null=True)


class VersionListView(APIView):
    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(responses=ConstitutionVersionSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(ConstitutionVersionSerializer(selectors.versions_list(), many=True).data)


class VersionDetailView(APIView):
    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(responses=ConstitutionVersionDetailSerializer)
    def get(self, request: Request, number: int) -> Response:
        version = get_object_or_404(ConstitutionVersion, number=number)
        return Response(ConstitutionVersionDetailSerializer(version).data)


class VersionDiffView(APIView):
    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(
        parameters=[OpenApiParameter("against", int, required=True)],
        responses=ConstitutionDiffRowSerializer(many=True),
    )
    def get(self, request: Request, number: int) -> Response:
        version = get_object_or_404(ConstitutionVersion, number=number)
        against = serializers.IntegerField(min_value=1)
        try:
            against_number = against.run_validation(request.query_params.get("against"))
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"against": exc.detail}) from exc
        earlier = get_object_or_404(ConstitutionVersion, number=against_number)
        rows = selectors.version_diff(version=version, against=earlier)
        return Response(ConstitutionDiffRowSerializer(rows, many=True).data)


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
        version = ConstitutionVersion.objects.filter(round=voting_round).first()
        return version.number if version else None


class VotingRoundInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    min_participants = serializers.IntegerField(min_value=1, default=3)
    min_agreement = serializers.FloatField(min_value=0.0, max_value=1.0, default=0.6)
    min_group_agreement = serializers.FloatField(min_value=0.0, max_value=1.0, default=0.5)


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
    vetoed = serializers.BooleanField()
    veto_reason = serializers.CharField()
    my_vote = serializers.ChoiceField(choices=Choice.choices, allow_null=True)
    tally = PrincipleTallySerializer(allow_null=True)


def _proposal_view(proposal: Proposal, *, my_vote: str | None, user: Any) -> dict[str, Any]:
    visible = selectors.may_see_tally(user=user, proposal=proposal)
    if proposal.author_model is not None:
        author = proposal.author_model.served_name
    else:
        author = proposal.author_user.username if proposal.author_user else ""
    return {
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
        "vetoed": proposal.vetoed_by_id is not None,
        "veto_reason": proposal.veto_reason,
        "my_vote": my_vote,
        "tally": selectors.proposal_tally(proposal_id=proposal.pk) if visible else None,
    }


class VotingRoundDetailSerializer(VotingRoundSerializer):
    proposals = serializers.SerializerMethodField()

    class Meta(VotingRoundSerializer.Meta):
        fields = [*VotingRoundSerializer.Meta.fields, "proposals"]

    @extend_schema_field(PrincipleProposalSerializer(many=True))
    def get_proposals(self, voting_round: VotingRound) -> Any:
        user = self.context["user"]
        mine = selectors.votes_of_user(user=user, voting_round=voting_round)
        return PrincipleProposalSerializer(
            [
                _proposal_view(p, my_vote=mine.get(p.pk), user=user)
                for p in selectors.proposals_of(voting_round)
            ],
            many=True,
        ).data


def _round_detail(voting_round: VotingRound, user: Any) -> dict[str, Any]:
    return VotingRoundDetailSerializer(voting_round, context={"user": user}).data


class RoundListView(APIView):
    def get_permissions(self) -> list[BasePermission]:
        manage = [_can_manage()] if self.request.method == "POST" else []
        return [IsAuthenticated(), _can_view(), *manage]

    @extend_schema(responses=VotingRoundSerializer(many=True))
    def get(self, request: Request) -> Response:
        # The close task runs at each round's closing time; this catches any it missed, so
        # nobody ever sees an overdue round as open.
        services.rounds_close_due()
        return Response(VotingRoundSerializer(selectors.rounds_list(), many=True).data)

    @extend_schema(request=VotingRoundInSerializer, responses={201: VotingRoundSerializer})
    def post(self, request: Request) -> Response:
        body = VotingRoundInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            voting_round = services.round_open(
                user=authenticated_user(request), **body.validated_data
            )
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(VotingRoundSerializer(voting_round).data, status=status.HTTP_201_CREATED)


class RoundDetailView(APIView):
    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(responses=VotingRoundDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        services.rounds_close_due()
        voting_round = get_object_or_404(VotingRound, pk=pk)
        return Response(_round_detail(voting_round, request.user))


class RoundCloseView(APIView):
    """Close a round now (before its set time) and enact what passed."""

    permission_classes = [IsAuthenticated, _can_manage]

    @extend_schema(request=None, responses=VotingRoundDetailSerializer)
    def post(self, request: Request, pk: int) -> Response:
        get_object_or_404(VotingRound, pk=pk)
        closed = services.round_close(round_id=pk, force=True, user=authenticated_user(request))
        assert closed is not None
        return Response(_round_detail(closed, request.user))


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
    permission_classes = [IsAuthenticated, _can_propose]

    @extend_schema(
        request=PrincipleProposalInSerializer, responses={201: PrincipleProposalSerializer}
    )
    def post(self, request: Request, pk: int) -> Response:
        voting_round = get_object_or_404(VotingRound, pk=pk)
        body = PrincipleProposalInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = authenticated_user(request)
        try:
            proposal = services.proposal_submit(
                voting_round=voting_round, author_user=user, **body.validated_data
            )
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        data = PrincipleProposalSerializer(_proposal_view(proposal, my_vote=None, user=user)).data
        return Response(data, status=status.HTTP_201_CREATED)


class AIProposalView(APIView):
    """Ask the published proposer model to draft an amendment (drafted on the gpu queue)."""

    permission_classes = [IsAuthenticated, _can_manage]

    @extend_schema(request=None, responses={202: None})
    def post(self, request: Request, pk: int) -> Response:
        voting_round = get_object_or_404(VotingRound, pk=pk)
        try:
            services.proposal_draft_request(voting_round=voting_round)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(status=status.HTTP_202_ACCEPTED)


class AIVotesView(APIView):
    """Ask the published judge model to vote; AI votes are shown apart and never enact."""

    permission_classes = [IsAuthenticated, _can_manage]

    @extend_schema(request=None, responses={202: None})
    def post(self, request: Request, pk: int) -> Response:
        voting_round = get_object_or_404(VotingRound, pk=pk)
        try:
            services.ai_votes_request(voting_round=voting_round)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(status=status.HTTP_202_ACCEPTED)


class PrincipleVoteInSerializer(serializers.Serializer):
    choice = serializers.ChoiceField(choices=Choice.choices)


class VoteView(APIView):
    permission_classes = [IsAuthenticated, _can_vote]

    @extend_schema(request=PrincipleVoteInSerializer, responses=PrincipleProposalSerializer)
    def post(self, request: Request, pk: int) -> Response:
        proposal = get_object_or_404(Proposal.objects.select_related("round"), pk=pk)
        body = PrincipleVoteInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = authenticated_user(request)
        try:
            vote = services.vote_cast(proposal=proposal, user=user, **body.validated_data)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(
            PrincipleProposalSerializer(
                _proposal_view(proposal, my_vote=vote.choice, user=user)
            ).data
        )


class PrincipleCommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    author = serializers.CharField(source="author.username")
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class PrincipleCommentInSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)


class CommentListView(APIView):
    permission_classes = [IsAuthenticated, _can_vote]

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
        try:
            comment = services.comment_add(
                proposal=proposal, user=authenticated_user(request), **body.validated_data
            )
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        return Response(PrincipleCommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class PrincipleVetoInSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=5000)


class VetoView(APIView):
    permission_classes = [IsAuthenticated, _can_manage]

    @extend_schema(request=PrincipleVetoInSerializer, responses=PrincipleProposalSerializer)
    def post(self, request: Request, pk: int) -> Response:
        proposal = get_object_or_404(Proposal.objects.select_related("round"), pk=pk)
        body = PrincipleVetoInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        user = authenticated_user(request)
        try:
            proposal = services.proposal_veto(proposal=proposal, user=user, **body.validated_data)
        except DjangoValidationError as exc:
            raise _invalid(exc) from exc
        mine = selectors.votes_of_user(user=user, voting_round=proposal.round)
        return Response(
            PrincipleProposalSerializer(
                _proposal_view(proposal, my_vote=mine.get(proposal.pk), user=user)
            ).data
        )


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

    permission_classes = [IsAuthenticated, _can_view]

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

    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(responses=PrincipleTrackingSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(PrincipleTrackingSerializer(selectors.principle_tracking(), many=True).data)


class ConstitutionAuditEntrySerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", allow_null=True, default=None)
    version = serializers.IntegerField(source="version.number", allow_null=True, default=None)

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "action",
            "actor",
            "round",
            "version",
            "proposal",
            "reason",
            "details",
            "created_at",
        ]


class AuditListView(APIView):
    permission_classes = [IsAuthenticated, _can_view]

    @extend_schema(responses=ConstitutionAuditEntrySerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(
            ConstitutionAuditEntrySerializer(selectors.audit_list()[:200], many=True).data
        )
