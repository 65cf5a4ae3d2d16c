from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from ops.models import WorkerHeartbeat

QUEUES = ("default", "gpu")


@dataclass(frozen=True)
class Check:
    ok: bool
    # One of a few fixed phrases: safe to show anyone, as the public health endpoint does.
    detail: str
    # The underlying error (host, port, database name, driver text): for admins and logs only.
    error: str = ""


def heartbeat_record(*, hostname: str, queue: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        hostname=hostname, queue=queue, defaults={"seen_at": timezone.now()}
    )


def health_checks() -> dict[str, Check]:
    """What a load balancer and an admin need to know: can this replica serve requests?"""
    return {"database": _database(), "redis": redis_check(), "migrations": _migrations()}


def _database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:
        return Check(False, "unreachable", error=str(exc))
    return Check(True, "reachable")


def redis_check() -> Check:
    try:
        cache.set("health:ping", 1, timeout=10)
        ok = cache.get("health:ping") == 1
    except Exception as exc:
        return Check(False, "unreachable", error=str(exc))
    return Check(ok, "reachable" if ok else "did not keep a value")


def _migrations() -> Check:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:
        return Check(False, "cannot read migrations", error=str(exc))
    if plan:
        return Check(False, f"{len(plan)} migration(s) not applied: run manage.py migrate")
    return Check(True, "all applied")


def workers_status() -> dict[str, list[dict[str, object]]]:
    """Per queue, the workers seen and whether their last heartbeat is recent."""
    stale_after = timedelta(seconds=3 * settings.HEARTBEAT_SECONDS)
    now = timezone.now()
    status: dict[str, list[dict[str, object]]] = {queue: [] for queue in QUEUES}
    for beat in WorkerHeartbeat.objects.order_by("queue", "hostname"):
        status.setdefault(beat.queue, []).append(
            {
                "hostname": beat.hostname,
                "seen_at": beat.seen_at.isoformat(),
                "alive": now - beat.seen_at <= stale_after,
            }
        )
    return status
