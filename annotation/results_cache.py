"""Analytics results computed by a Celery task and read from the cache, never on request.

A result is stored with the version of the data it was computed from: a cheap aggregate of
the signals it reads (their count and last id), so a new or changed signal changes it. A read
compares the stored version with the current one. Equal: the stored result is served.
Different, or nothing stored: one task per version is queued on the default queue, and the
last result is served marked `recomputing`, with the time it was computed, so a page never
waits for a bootstrap and shows the newest figures once the task has stored them.
"""

import hashlib
from collections.abc import Callable
from typing import Any, TypedDict

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

# A queued task that never ran (its worker died) is queued again by a read after this long.
REQUEUE_AFTER_S = 600


class Cached(TypedDict):
    result: Any  # None until a task has stored one
    computed_at: str | None  # ISO 8601
    recomputing: bool


def cached_read(*, key: str, version: str, enqueue: Callable[[], object]) -> Cached:
    """The stored result for `key`; queues `enqueue` (once per version) when it is stale."""
    entry = cache.get(key)
    if entry is not None and entry["version"] == version:
        return Cached(result=entry["result"], computed_at=entry["computed_at"], recomputing=False)
    # cache.add is atomic in Redis: of concurrent readers of a new version, one queues it.
    if cache.add(_queued_key(key, version), 1, timeout=REQUEUE_AFTER_S):
        transaction.on_commit(enqueue)
    return Cached(
        result=entry["result"] if entry else None,
        computed_at=entry["computed_at"] if entry else None,
        recomputing=True,
    )


def cached_store(*, key: str, version: str, result: Any) -> None:
    """Keeps `result` (computed from data at `version`) until a newer one replaces it."""
    entry = {"version": version, "result": result, "computed_at": timezone.now().isoformat()}
    cache.set(key, entry, timeout=None)
    # A slower task of an older version may store after this one; clearing only our own
    # marker lets the next read queue the newer version again in that case.
    cache.delete(_queued_key(key, version))


def _queued_key(key: str, version: str) -> str:
    # Versions hold spaces and colons; a digest keeps the key portable across cache backends.
    return f"{key}:queued:{hashlib.sha256(version.encode()).hexdigest()[:16]}"
