"""Researchers mark a debate gold (measuring judges against its question's known answer) or
take the mark away."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import authenticated_user
from annotation.debates.api.permissions import can_run
from annotation.debates.models import Debate
from annotation.debates.services.gold import debate_gold_set


class DebateGoldSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    gold = serializers.BooleanField()


class DebateGoldView(APIView):
    """PUT marks the debate gold, DELETE unmarks it; judgements already given stay."""

    permission_classes = [IsAuthenticated, can_run]

    def _set(self, request: Request, pk: int, gold: bool) -> Response:
        debate = debate_gold_set(
            debate=get_object_or_404(Debate, pk=pk), gold=gold, actor=authenticated_user(request)
        )
        return Response(DebateGoldSerializer(debate).data)

    @extend_schema(request=None, responses=DebateGoldSerializer)
    def put(self, request: Request, pk: int) -> Response:
        return self._set(request, pk, True)

    # A DELETE answers 204 unless told: this one answers the debate's new state.
    @extend_schema(request=None, responses={200: DebateGoldSerializer})
    def delete(self, request: Request, pk: int) -> Response:
        return self._set(request, pk, False)
