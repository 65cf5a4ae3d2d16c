from typing import Any

from django.contrib.auth import login, logout
from django.middleware.csrf import get_token
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.login_throttle import WrongCredentials, login_check
from accounts.models import AgeBand, RaterProfile
from accounts.permissions import authenticated_user
from accounts.personal_data import personal_data_export
from accounts.roles import Role, roles_of
from accounts.services import profile_erase, profile_get, profile_update
from accounts.work import work_available
from config.schema import ErrorSerializer


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    roles = serializers.ListField(child=serializers.ChoiceField(choices=[r.value for r in Role]))


def _me(user: Any) -> dict[str, Any]:
    return {"id": user.pk, "username": user.username, "roles": [r.value for r in roles_of(user)]}


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, style={"input_type": "password"})

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        try:
            attrs["user"] = login_check(
                request=self.context["request"],
                username=attrs["username"],
                password=attrs["password"],
            )
        except WrongCredentials as exc:
            raise serializers.ValidationError("Wrong username or password.") from exc
        return attrs


_THROTTLED = OpenApiResponse(
    ErrorSerializer, description="Too many failed logins for the account or from the address."
)


class CsrfView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses=inline_serializer("Csrf", {"csrfToken": serializers.CharField()}))
    def get(self, request: Request) -> Response:
        return Response({"csrfToken": get_token(request)})


class LoginView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(request=CredentialsSerializer, responses={200: MeSerializer, 429: _THROTTLED})
    def post(self, request: Request) -> Response:
        body = CredentialsSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        login(request._request, body.validated_data["user"])
        return Response(_me(body.validated_data["user"]))


class LogoutView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        return Response(_me(authenticated_user(request)))


class TokenView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        request=CredentialsSerializer,
        responses={
            200: inline_serializer("TokenOut", {"token": serializers.CharField()}),
            429: _THROTTLED,
        },
    )
    def post(self, request: Request) -> Response:
        body = CredentialsSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        token, _ = Token.objects.get_or_create(user=body.validated_data["user"])
        return Response({"token": token.key})


class ProfileSerializer(serializers.ModelSerializer):
    languages = serializers.ListField(
        child=serializers.CharField(max_length=35), max_length=20, required=False
    )
    age_band = serializers.ChoiceField(choices=AgeBand.choices, required=False, allow_blank=True)

    class Meta:
        model = RaterProfile
        fields = ["consent_given", "consent_at", *RaterProfile.BACKGROUND_FIELDS]
        read_only_fields = ["consent_at"]


class ProfileView(APIView):
    @extend_schema(responses=ProfileSerializer)
    def get(self, request: Request) -> Response:
        return Response(ProfileSerializer(profile_get(user=authenticated_user(request))).data)

    @extend_schema(request=ProfileSerializer, responses=ProfileSerializer)
    def patch(self, request: Request) -> Response:
        body = ProfileSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        profile = profile_update(
            user=authenticated_user(request), changes=dict(body.validated_data)
        )
        return Response(ProfileSerializer(profile).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request) -> Response:
        profile_erase(user=authenticated_user(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExportView(APIView):
    @extend_schema(responses={200: dict})
    def get(self, request: Request) -> Response:
        response = Response(personal_data_export(user=authenticated_user(request)))
        response["Content-Disposition"] = 'attachment; filename="co-align-my-data.json"'
        return response


class WorkItemSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    url = serializers.CharField()
    count = serializers.IntegerField()


class WorkView(APIView):
    @extend_schema(
        responses=inline_serializer("WorkList", {"results": WorkItemSerializer(many=True)})
    )
    def get(self, request: Request) -> Response:
        items = work_available(user=authenticated_user(request))
        return Response({"results": WorkItemSerializer(items, many=True).data})
