"""Answers for /api/ that Django would otherwise give as HTML pages, in the one JSON error shape.

The DRF exception handler (config/api.py) covers everything raised inside a view; what happens
before a view (an oversized body) or outside DRF (a middleware that fails) is answered here.
"""

import sys
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import exceptions

from config.api import RETRY_AFTER_S, ServiceUnavailable, body_too_large, translated


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _json_error(exc: exceptions.APIException) -> JsonResponse:
    codes = exc.get_codes()
    response = JsonResponse(
        {"detail": str(exc.detail), "code": codes if isinstance(codes, str) else "error"},
        status=exc.status_code,
    )
    if isinstance(exc, ServiceUnavailable):
        response["Retry-After"] = str(RETRY_AFTER_S)
    return response


class RequestSizeLimitMiddleware:
    """Refuse an API request whose declared body is over UPLOAD_MAX_BYTES before it is parsed,
    authenticated or handed to an importer, which would read the file into memory. (Under ASGI
    Django has already spooled the body to a temporary file, in memory only up to
    FILE_UPLOAD_MAX_MEMORY_SIZE; a proxy in front can refuse it earlier, see deploy/README.md.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _is_api(request):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.UPLOAD_MAX_BYTES:
                return _json_error(body_too_large())
        return self.get_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: JSON for the API (503 when a dependency is down), Django's page elsewhere."""
    from django.views.defaults import server_error as html_server_error

    if not _is_api(request):
        return html_server_error(request)
    raised = sys.exc_info()[1]
    exc = translated(raised if isinstance(raised, Exception) else Exception())
    if isinstance(exc, exceptions.APIException):
        return _json_error(exc)
    return JsonResponse({"detail": "Internal server error.", "code": "server_error"}, status=500)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: an oversized or malformed body refused outside a DRF view."""
    from django.views.defaults import bad_request as html_bad_request

    if not _is_api(request):
        return html_bad_request(request, exception)
    exc = translated(exception)
    if isinstance(exc, exceptions.APIException):
        return _json_error(exc)
    return _json_error(exceptions.ParseError("Bad request."))


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler404: an /api/ path that matches no route (e.g. a word where an id belongs)."""
    from django.views.defaults import page_not_found as html_page_not_found

    if not _is_api(request):
        return html_page_not_found(request, exception)
    return _json_error(exceptions.NotFound())
