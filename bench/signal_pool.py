"""Signal pool at scale: write throughput through the service, and read latency over N rows.

    make bench-signals                      # 1,000,000 rows
    .venv/bin/python bench/signal_pool.py --rows 200000

Everything happens in one transaction that is rolled back, so the database keeps nothing (the
pool itself refuses DELETE). Prints one table of figures; timings are medians of repeats.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import QuerySet  # noqa: E402
from django.utils import timezone  # noqa: E402

from registry.services import model_line_ensure, model_version_register  # noqa: E402
from signalpool.kinds import SignalKind  # noqa: E402
from signalpool.models import Signal  # noqa: E402
from signalpool.selectors import signals_query  # noqa: E402
from signalpool.services import signal_record  # noqa: E402


class Rollback(Exception):
    pass


def median_ms(fn: Callable[[], object], repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fetch(page: QuerySet[Signal]) -> list[Signal]:
    # .all() clones the queryset: every repeat queries instead of reading a cache.
    return list(page.all())


def plan_uses_index(sql: str, params: Any) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for marker in ("Index Only Scan", "Index Scan", "Bitmap Index Scan"):
        if marker in plan:
            return marker.lower()
    return "seq scan" if "Seq Scan" in plan else "other"


def bulk_fill(rows: int, user: User, version_id: int) -> float:
    """Server-side insert of `rows` signals spread over 90 days, 10,000 items, 8 kinds."""
    kinds = [k.value for k in SignalKind][:8]
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO signalpool_signal
                (kind, source_user_id, source_model_id, item_type, item_id, payload,
                 idempotency_key, created_at)
            SELECT (%s::text[])[1 + g %% 8],
                   CASE WHEN g %% 3 = 0 THEN NULL ELSE %s END,
                   CASE WHEN g %% 3 = 0 THEN %s ELSE NULL END,
                   'bench.item', (g %% 10000)::text,
                   jsonb_build_object('text', 'signal ' || g),
                   'bench-' || g,
                   now() - make_interval(secs => (%s - g) * 7776000.0 / %s)
            FROM generate_series(1, %s) AS g
            """,
            [kinds, user.pk, version_id, rows, rows, rows],
        )
        cursor.execute("ANALYZE signalpool_signal")
    return time.perf_counter() - start


def run(rows: int, writes: int) -> None:
    results: list[tuple[str, str]] = []
    try:
        with transaction.atomic():
            user = User.objects.create(username=f"bench-{time.time_ns()}")
            line = model_line_ensure(slug="bench", name="Bench", description="benchmark line")
            version = model_version_register(line=line, base="bench", uri="/dev/null")

            seconds = bulk_fill(rows, user, version.pk)
            results.append((f"bulk insert of {rows:,} rows", f"{rows / seconds:,.0f} rows/s"))

            start = time.perf_counter()
            for n in range(writes):
                signal_record(
                    kind=SignalKind.COMMENT,
                    item_type="bench.item",
                    item_id=n,
                    payload={"text": f"comment {n}"},
                    idempotency_key=f"svc-{n}",
                    source_user=user,
                )
            per_write = (time.perf_counter() - start) / writes * 1000
            results.append(("signal_record, new signal", f"{per_write:.2f} ms"))

            def retry() -> object:
                return signal_record(
                    kind=SignalKind.COMMENT,
                    item_type="bench.item",
                    item_id=0,
                    payload={"text": "comment 0"},
                    idempotency_key="svc-0",
                    source_user=user,
                )

            results.append(("signal_record, retried (stored once)", f"{median_ms(retry):.2f} ms"))

            week_ago = timezone.now() - timedelta(days=7)
            queries = {
                "one item's signals": signals_query(item_type="bench.item", item_id="4242"),
                "one kind, last 7 days, first page": signals_query(
                    kind=SignalKind.JUDGEMENT, since=week_ago
                ),
                "one person's latest signals": Signal.objects.filter(source_user=user).order_by(
                    "-created_at"
                ),
                "one model version's latest outputs": Signal.objects.filter(
                    source_model=version
                ).order_by("-created_at"),
            }
            for name, qs in queries.items():
                page = qs[:50]
                sql, params = page.query.sql_with_params()
                ms = median_ms(partial(fetch, page))
                results.append((name, f"{ms:.2f} ms ({plan_uses_index(sql, params)})"))
            count = Signal.objects.count()
            results.append(("rows in the table during the run", f"{count:,}"))
            raise Rollback
    except Rollback:
        pass

    width = max(len(name) for name, _ in results)
    major, minor = divmod(connection.pg_version, 10000)  # type: ignore[attr-defined]
    print(f"signal pool benchmark (PostgreSQL {major}.{minor})")
    for name, figure in results:
        print(f"  {name:<{width}}  {figure}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows to fill the pool with")
    parser.add_argument("--writes", type=int, default=500, help="signals written one by one")
    args = parser.parse_args()
    if args.rows < 1 or args.writes < 1:
        sys.exit("bench: --rows and --writes must be positive numbers")
    run(args.rows, args.writes)
