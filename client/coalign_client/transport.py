"""Sending one request and reading its answer: retries, idempotency keys, the arguments sent and
the parsed answer (or ApiError)."""

import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from coalign_client.errors import ApiError
from coalign_client.generated.types import Response

T = TypeVar("T")

# Attempts per request when the connection drops or the server answers 503 (it says when a
# database or Redis is briefly unavailable), and the longest wait between two.
ATTEMPTS = 3
RETRY_WAIT_MAX_S = 5.0


def present(**values: Any) -> dict[str, Any]:
    """The arguments that were given: None means "let the server choose"."""
    return {key: value for key, value in values.items() if value is not None}


def retried(send: Callable[[], Response[Any]]) -> Response[Any]:
    """send() again after a dropped connection or a 503, waiting a little longer each time."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            answer = send()
        except httpx.TransportError:
            if attempt == ATTEMPTS:
                raise
        else:
            if answer.status_code != 503 or attempt == ATTEMPTS:
                return answer
        time.sleep(min(RETRY_WAIT_MAX_S, 0.5 * 2**attempt))
    raise AssertionError("unreachable: the last attempt returns or raises")


def idempotency_key() -> str:
    return str(uuid.uuid4())


def parsed(answer: Response[Any], expect: type[T]) -> T:
    """The answer's parsed model, or ApiError for an error or a model other than expected."""
    if not 200 <= answer.status_code < 300:
        raise ApiError.from_answer(answer.status_code, answer.content)
    if not isinstance(answer.parsed, expect):
        raise ApiError(
            status=answer.status_code,
            detail=f"the server answered something other than a {expect.__name__}; "
            "is the client as new as the server?",
            code="unexpected",
        )
    return answer.parsed
