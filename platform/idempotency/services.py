"""One write per Idempotency-Key: the first request's answer is stored with its write, retries
get that answer back (same status and body) instead of writing again."""

from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from idempotency.models import IdempotentRequest

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
KEY_MAX_LENGTH = 200
# How long a key is remembered: far longer than any client retries one write.
KEY_RETENTION = timedelta(days=1)


def key_problem(key: str) -> str:
    """Why `key` cannot be used, or "" when it can."""
    if not key or len(key) > KEY_MAX_LENGTH:
        return f"{HEADER} must be 1 to {KEY_MAX_LENGTH} characters."
    if not key.isascii() or not key.isprintable():
        return f"{HEADER} must be printable ASCII."
    return ""


def response_once(
    *, user_id: int, key: str, method: str, path: str, produce: Callable[[], HttpResponse]
) -> HttpResponse:
    """The answer of `produce` (which performs the write), or the stored answer of an earlier
    request with the same user and key.

    Only successful answers are kept: a refused write (4xx) wrote nothing a retry could repeat,
    and a failed one (5xx) is rolled back whole, so both may be retried with the same key.
    """
    with transaction.atomic():
        try:
            # A savepoint, so that the outer transaction survives a duplicate key. A concurrent
            # request with the same key blocks here until the first one commits or rolls back.
            with transaction.atomic():
                record = IdempotentRequest.objects.create(
                    user_id=user_id, key=key, method=method, path=path
                )
        except IntegrityError:
            return _replay(IdempotentRequest.objects.get(user_id=user_id, key=key), method, path)
        response = produce()
        if response.status_code >= 500:
            transaction.set_rollback(True)
        elif 200 <= response.status_code < 300 and not response.streaming:
            record.status = response.status_code
            record.content_type = response.get("Content-Type", "")
            record.body = response.content
            record.save(update_fields=["status", "content_type", "body"])
        else:
            record.delete()
        return response


def _replay(record: IdempotentRequest, method: str, path: str) -> HttpResponse:
    if (record.method, record.path) != (method, path):
        return JsonResponse(
            {
                "detail": f"This {HEADER} was used for {record.method} {record.path}; "
                "send a new key for a different request.",
                "code": "idempotency_key_reused",
            },
            status=422,
        )
    response = HttpResponse(
        bytes(record.body), status=record.status, content_type=record.content_type or None
    )
    response[REPLAYED_HEADER] = "true"
    return response


def keys_forget(*, older_than: timedelta = KEY_RETENTION) -> int:
    """Delete keys past their retention; returns how many."""
    deleted, _ = IdempotentRequest.objects.filter(
        created_at__lt=timezone.now() - older_than
    ).delete()
    return deleted
