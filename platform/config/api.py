"""API conventions shared by every endpoint: one error shape and pagination."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rest_framework import exceptions, pagination, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from config.errors import StateConflict
from signalpool.services import SignalError
from training.snapshot import RecipeError

# Seconds a client is told to wait when a dependency is down (Retry-After).
RETRY_AFTER_S = 5


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "A service this request needs is unavailable; try again shortly."
    default_code = "service_unavailable"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The current state does not allow this."
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


def body_too_large() -> PayloadTooLarge:
    files_mb = settings.UPLOAD_MAX_BYTES / 1_000_000
    fields_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000
    return PayloadTooLarge(
        f"The request body is too large: uploads may be up to {files_mb:g} MB, "
        f"other bodies up to {fields_mb:g} MB."
    )


class UploadField(serializers.FileField):
    """A file of at most UPLOAD_MAX_BYTES (413 otherwise). Bodies that declare a larger length
    never get this far (config/middleware.py); this catches chunked ones, which Django spools to
    a temporary file rather than memory past FILE_UPLOAD_MAX_MEMORY_SIZE."""

    def to_internal_value(self, data: Any) -> Any:
        file = super().to_internal_value(data)
        if file.size is not None and file.size > settings.UPLOAD_MAX_BYTES:
            raise body_too_large()
        return file


def validation_fields(exc: DjangoValidationError) -> dict[str, Any]:
    """A Django ValidationError's messages by field; one raised without a field (a plain message
    or a list) reads as `non_field_errors`, as DRF names them."""
    if hasattr(exc, "error_dict"):
        return dict(exc.message_dict)
    return {"non_field_errors": exc.messages}


def translated(exc: Exception) -> Exception:
    """Django's, the database's, Redis's and our domain exceptions as the API exception they
    mean. This is the one place errors are translated: views call services without try/except."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(validation_fields(exc))
    # SignalError and RecipeError carry their messages by field already.
    if isinstance(exc, SignalError | RecipeError):
        return exceptions.ValidationError(exc.fields)
    if isinstance(exc, StateConflict):
        return Conflict(str(exc))
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, RequestDataTooBig):
        return body_too_large()
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError("The request has too many fields or files.")
    # A refused or dropped connection, a pool timeout (psycopg_pool's arrives as
    # OperationalError too) or a transient server condition such as a deadlock: worth a retry.
    # An IntegrityError or a bad query is our bug and stays a 500.
    if isinstance(exc, OperationalError | InterfaceError):
        return ServiceUnavailable("The database is unavailable; try again shortly.")
    if isinstance(exc, RedisConnectionError | RedisTimeoutError):
        return ServiceUnavailable("Redis (cache and task queue) is unavailable; try again shortly.")
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Every error body is {"detail": str, "code": str} plus "fields" for invalid input."""
    exc = translated(exc)
    response = drf_exception_handler(exc, context)
    if isinstance(exc, ServiceUnavailable) and response is not None:
        response["Retry-After"] = str(RETRY_AFTER_S)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {
            "detail": "Invalid input: see the field messages.",
            "code": "invalid",
            "fields": fields,
        }
    else:
        codes = exc.get_codes()
        response.data = {
            "detail": str(exc.detail),
            "code": codes if isinstance(codes, str) else "error",
        }
        wait = getattr(exc, "wait", None) if isinstance(exc, exceptions.Throttled) else None
        if wait is not None:
            # DRF already set the Retry-After header; the body says it too, for clients that
            # only read JSON.
            response.data["retry_after"] = int(wait)
    return response


def query_validated(serializer_class: type[serializers.Serializer], request: Any) -> dict[str, Any]:
    """The query string checked by a serializer, which also documents it in the schema
    (`extend_schema(parameters=[serializer_class])`): an unknown enum value is a 400, not a
    filter silently ignored."""
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


def schema_responses_complete(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """Mark every field of a response component required.

    DRF always renders every readable field of a serializer, but spectacular marks fields with
    blank or default values optional, which would make the generated client treat them as
    possibly absent. Request components (split off by COMPONENT_SPLIT_REQUEST) keep their own
    rules.
    """
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") or name == "Error" or component.get("type") != "object":
            continue
        properties = component.get("properties")
        if properties:
            component["required"] = sorted(properties)
    return result
