from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from idempotency.services import HEADER, key_problem, response_once

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class IdempotencyMiddleware:
    """Every API write honours an Idempotency-Key header (idempotency/services.py).

    A middleware rather than a view base class, so no write endpoint can be left out. Keys are
    scoped to the user, found with the API's own authenticators (session or token); a request
    that authenticates as nobody is passed on untouched and answered by its view.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get(HEADER)
        if key is None or request.method not in WRITE_METHODS:
            return self.get_response(request)
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if problem := key_problem(key):
            return JsonResponse({"detail": problem, "code": "invalid"}, status=400)
        user = _api_user(request)
        if user is None:
            return self.get_response(request)
        return response_once(
            user_id=user.pk,
            key=key,
            method=request.method,
            path=request.path,
            produce=lambda: self.get_response(request),
        )


def _api_user(request: HttpRequest) -> Any:
    """Who the API will take the request to be from, without touching the request.

    The key only needs an owner; whether the request may write (its CSRF token, its
    permissions) is its view's business. Running DRF's authenticators here instead would parse
    the body and, on a refused CSRF check, replace the request's user with an anonymous one
    before the view ever sees it.
    """
    forced = getattr(request, "_force_auth_user", None)  # APIClient.force_authenticate in tests
    if forced is not None:
        return forced
    header = str(request.META.get("HTTP_AUTHORIZATION", "")).split()
    if len(header) == 2 and header[0].lower() == TokenAuthentication.keyword.lower():
        try:
            user, _token = TokenAuthentication().authenticate_credentials(header[1])
        except exceptions.APIException:  # a bad token: the view says so
            return None
        return user
    user = getattr(request, "user", None)  # the session, from AuthenticationMiddleware
    return user if user is not None and user.is_authenticated else None
