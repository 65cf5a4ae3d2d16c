"""The OpenAPI schema's conventions: every operation documents the errors it can answer.

Kept apart from config/api.py, which DRF imports while its own modules are still loading
(DEFAULT_PAGINATION_CLASS); drf-spectacular's AutoSchema imports those modules.
"""

from typing import Any

from drf_spectacular import openapi
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class ErrorSerializer(serializers.Serializer):
    """The one error shape (see exception_handler); `fields` only for invalid input."""

    detail = serializers.CharField()
    code = serializers.CharField()
    # DRF's metaclass takes declared fields off the class, so this does not hide `.fields`.
    fields = serializers.DictField(  # type: ignore[assignment]
        required=False, help_text="Messages per field (400 for invalid input only)."
    )
    retry_after = serializers.IntegerField(
        required=False, help_text="Seconds to wait before trying again (429 only; Retry-After)."
    )


_WRITES = {"POST", "PUT", "PATCH", "DELETE"}


class AutoSchema(openapi.AutoSchema):
    """Documents the error answers every operation can give, from what the view declares.

    Statuses an operation names itself (extend_schema) are kept; the rest are added here, so
    a new endpoint is documented without anyone remembering to.
    """

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation["responses"]
        for code, description in self._error_statuses(operation).items():
            if code not in responses:
                responses[code] = {
                    **self._get_response_for_code(ErrorSerializer, code),
                    "description": description,
                }
        return operation

    def _error_statuses(self, operation: dict[str, Any]) -> dict[str, str]:
        public = all(isinstance(p, AllowAny) for p in self.view.get_permissions())
        authenticators = self.view.get_authenticators()
        body = operation.get("requestBody", {}).get("content", {})
        statuses: dict[str, str] = {}
        if self.method in _WRITES or operation.get("parameters"):
            statuses["400"] = "Invalid input: `fields` holds the messages per field."
        if authenticators:
            # A public endpoint answers 401 too when the client sends a token that is wrong.
            statuses["401"] = "Not authenticated, or the credentials are wrong."
        if not public or (self.method in _WRITES and authenticators):
            statuses["403"] = "Not allowed for this user's roles (or a missing CSRF token)."
        names = {parameter["name"] for parameter in operation.get("parameters", [])}
        if "{" in self.path or names & {"page", "cursor"}:
            statuses["404"] = "No such object (or page)."
        if self.method in _WRITES and not public:
            statuses["409"] = "The request conflicts with the current state of the object."
        if body:
            statuses["413"] = "The body (or upload) is over the size allowed."
        if self.method in _WRITES and self.view.get_throttles():
            statuses["429"] = "Too many submissions: wait `retry_after` seconds (Retry-After)."
        statuses["503"] = "The database or Redis is unavailable; retry later."
        return statuses
