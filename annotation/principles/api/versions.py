"""Constitution versions: the list, one version with the changes that made it, and a diff."""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotation.principles import selectors
from annotation.principles.api.permissions import can_view
from annotation.principles.models import ConstitutionVersion, Principle, Proposal
from config.api import query_validated


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
    permission_classes = [IsAuthenticated, can_view]

    @extend_schema(responses=ConstitutionVersionSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(ConstitutionVersionSerializer(selectors.versions_list(), many=True).data)


class VersionDetailView(APIView):
    permission_classes = [IsAuthenticated, can_view]

    @extend_schema(responses=ConstitutionVersionDetailSerializer)
    def get(self, request: Request, number: int) -> Response:
        version = get_object_or_404(ConstitutionVersion, number=number)
        return Response(ConstitutionVersionDetailSerializer(version).data)


class VersionDiffQuerySerializer(serializers.Serializer):
    against = serializers.IntegerField(min_value=1)


class VersionDiffView(APIView):
    permission_classes = [IsAuthenticated, can_view]

    @extend_schema(
        parameters=[OpenApiParameter("against", int, required=True)],
        responses=ConstitutionDiffRowSerializer(many=True),
    )
    def get(self, request: Request, number: int) -> Response:
        version = get_object_or_404(ConstitutionVersion, number=number)
        against = query_validated(VersionDiffQuerySerializer, request)["against"]
        earlier = get_object_or_404(ConstitutionVersion, number=against)
        rows = selectors.version_diff(version=version, against=earlier)
        return Response(ConstitutionDiffRowSerializer(rows, many=True).data)
