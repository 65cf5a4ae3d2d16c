"""Dataset snapshots at scale: building a DPO snapshot next to a raw COPY of the same rows.

    make bench-snapshot                                  # 100,000 and 1,000,000 signals
    .venv/bin/python bench/snapshot.py --rows 100000

Fills a scratch database (made next to the one in DATABASE_URL, embedded when unset, and
dropped at the end) with preference signals by COPY: two signals per item from different
sources (people with a consented region, a model version, an imported dataset), one in ten
preferring the other reply. At each size it times, one after the other:

- COPY: `COPY (SELECT <the columns a build reads> ...) TO STDOUT` of the recipe's signals,
  written to a file (psycopg's `copy`);
- read: the build's own reading of the same signals (`_signal_rows`: a server-side cursor,
  5,000 rows per fetch, the payload's texts and the time as text, each row a SignalRow) with
  nothing done with them, to tell the reading from the rest of the build;
- build: `loop.services.snapshots.snapshot_build`, the function `snapshot_build_task` calls,
  on a snapshot requested with a DPO recipe (`{"kinds": ["preference"]}`) whose window
  ends after the fill.

Peak memory is the growth of the process's resident set over the step, sampled every 5 ms.
The fill is the same in every run, so the content hash it prints (first 12 hex digits) tells
whether two versions of the code built the same snapshot.
Snapshot files go to a temporary DATA_DIR, removed at the end.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")
DATA = Path(tempfile.mkdtemp(prefix="bench-snapshot-"))
# The snapshot files are written under DATA_DIR; keep them out of the developer's var/.
os.environ["DATA_DIR"] = str(DATA)

import django  # noqa: E402

django.setup()

import psutil  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from accounts.models import RaterProfile  # noqa: E402
from bench.lib.machine import cpu_name  # noqa: E402
from loop.models import DatasetSnapshot  # noqa: E402
from loop.providers import conversion_for  # noqa: E402
from loop.services.snapshots import (  # noqa: E402
    _signal_rows,
    _Sources,
    snapshot_build,
    snapshot_request,
)
from registry.services import model_line_ensure, model_version_register  # noqa: E402
from signalpool.models import Signal  # noqa: E402

USERS = 50
REGIONS = ("europe", "north-america", "south-asia", "east-africa", "")
# The columns a build reads from each signal (snapshots._candidates), in the same order.
COLUMNS = (
    "id, kind, source_user_id, source_model_id, source_dataset, source_annotator, "
    "item_type, item_id, payload, corrects_id, created_at"
)
START = datetime(2026, 1, 1, tzinfo=UTC)
WORDS = ["the", "river", "model", "answer", "careful", "reason", "kind", "safe", "clear"]
WORDS += ["library", "evening", "garden", "number", "question", "history", "engine", "window"]


@contextmanager
def scratch_database() -> Iterator[None]:
    """A migrated database of its own (Django's test-database machinery), dropped afterwards."""
    original = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{original}_bench_snapshot"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)


@contextmanager
def peak_rss() -> Iterator[list[int]]:
    """Yields a one-element list that holds, afterwards, the largest RSS growth in bytes."""
    process = psutil.Process()
    base = process.memory_info().rss
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.005):
            peak[0] = max(peak[0], process.memory_info().rss - base)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()
        peak[0] = max(peak[0], process.memory_info().rss - base)


def timed(step: Callable[[], Any]) -> tuple[float, int]:
    """Seconds and peak RSS growth (bytes) of one call."""
    with peak_rss() as peak:
        start = time.perf_counter()
        step()
        seconds = time.perf_counter() - start
    return seconds, peak[0]


def _text(n: int, words: int) -> str:
    return " ".join(WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(words)) + f" ({n})"


Source = tuple[int | None, int | None, str, str]


def sources() -> list[Source]:
    """(user, model version, dataset, annotator) of each source the fill cycles through."""
    users: list[Source] = []
    for n in range(USERS):
        user = User.objects.create(username=f"bench-rater-{n}")
        RaterProfile.objects.create(user=user, consent_given=True, region=REGIONS[n % 5])
        users.append((user.pk, None, "", ""))
    line = model_line_ensure(slug="bench", name="Bench", description="benchmark line")
    version = model_version_register(line=line, base="bench", uri="/dev/null")
    imported: list[Source] = [(None, None, "bench-import", f"annotator-{n}") for n in range(5)]
    model: list[Source] = [(None, version.pk, "", "")]
    # Mostly people, as on the platform; one model and one imported dataset.
    return users * 4 + model * 10 + imported * 2


def fill(first: int, last: int, cycle: list[Source]) -> float:
    """COPY signals first..last-1 in; two per item, the second from the next source."""
    start = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor under Django's wrapper
        columns = (
            "kind, source_user_id, source_model_id, source_dataset, source_annotator, "
            "item_type, item_id, payload, idempotency_key, created_at"
        )
        with raw.copy(f"COPY signalpool_signal ({columns}) FROM STDIN") as copy:
            for n in range(first, last):
                item = n // 2
                prompt = "Human: " + _text(item, 40) + "?\n\nAssistant:"
                good, bad = _text(item + 1, 60), _text(item + 2, 25)
                if n % 10 == 9:
                    good, bad = bad, good
                payload = json.dumps({"prompt": prompt, "chosen": good, "rejected": bad})
                user, model, dataset, annotator = cycle[n % len(cycle)]
                copy.write_row(
                    (
                        "preference",
                        user,
                        model,
                        dataset,
                        annotator,
                        "bench.item",
                        str(item),
                        payload,
                        f"bench-{n}",
                        START + timedelta(seconds=n),
                    )
                )
        cursor.execute("ANALYZE signalpool_signal")
    return time.perf_counter() - start


def copy_out(until: datetime, path: Path) -> None:
    """The raw COPY the build is compared with: the recipe's signals, written to a file."""
    sql = (
        f"COPY (SELECT {COLUMNS} FROM signalpool_signal WHERE kind = 'preference' "
        f"AND created_at < '{until.isoformat()}' ORDER BY id) TO STDOUT"
    )
    with connection.cursor() as cursor, path.open("wb") as out, cursor.cursor.copy(sql) as copy:
        for block in copy:
            out.write(block)


def read_only(until: datetime) -> None:
    """The build's own read of the same signals, and nothing done with them: the server-side
    cursor, the payload's texts and the time as text, each row a SignalRow."""
    signals = Signal.objects.filter(kind="preference", created_at__lt=until).order_by("id")
    conversion = conversion_for("preference")
    assert conversion is not None  # the loop ships it (loop.providers.CONVERSIONS)
    with transaction.atomic():
        for _row in _signal_rows(signals, conversion.fields, set(), _Sources()):
            pass


@dataclass
class Measured:
    size: int
    fill_s: float
    copy_s: float
    copy_mem: int
    copied: int
    read_s: float
    build_s: float
    build_mem: int
    written: int
    snapshot: DatasetSnapshot


def run(sizes: list[int]) -> None:
    results = []
    with scratch_database():
        cycle = sources()
        filled = 0
        for size in sorted(sizes):
            fill_s = fill(filled, size, cycle)
            filled = size
            until = START + timedelta(seconds=size)
            copy_s, copy_mem = timed(partial(copy_out, until, DATA / "copy.txt"))
            copied = (DATA / "copy.txt").stat().st_size
            read_s, _ = timed(partial(read_only, until))
            # snapshot_request runs outside the timing: the task's work is the build.
            recipe = {"kinds": ["preference"], "format": "preference", "until": until.isoformat()}
            snapshot, _ = snapshot_request(recipe=recipe)
            build_s, build_mem = timed(partial(snapshot_build, snapshot_id=snapshot.pk))
            snapshot.refresh_from_db()
            if snapshot.status != "ready":
                sys.exit(f"bench: the snapshot failed: {snapshot.error}")
            written = sum(p.stat().st_size for p in Path(snapshot.folder).glob("*.jsonl"))
            results.append(
                Measured(
                    size,
                    fill_s,
                    copy_s,
                    copy_mem,
                    copied,
                    read_s,
                    build_s,
                    build_mem,
                    written,
                    snapshot,
                )
            )
    shutil.rmtree(DATA, ignore_errors=True)

    load = os.getloadavg()[0]
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"dataset snapshot benchmark, {now}")
    print(f"machine: {cpu_name()}, {os.cpu_count()} cores, load average {load:.1f}")
    print(
        "| signals | fill (s) | COPY (s) | COPY peak RSS (MB) | read (s) | read / COPY "
        "| build (s) | build / COPY | build peak RSS (MB) | COPY out (MB) | snapshot files (MB) "
        "| train / eval rows | content hash |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    mb = 1024 * 1024
    for m in results:
        counts = m.snapshot.counts
        print(
            f"| {m.size:,} | {m.fill_s:.1f} | {m.copy_s:.2f} | {m.copy_mem / mb:.0f} "
            f"| {m.read_s:.2f} | {m.read_s / m.copy_s:.1f}x | {m.build_s:.2f} "
            f"| {m.build_s / m.copy_s:.1f}x | {m.build_mem / mb:.0f} | {m.copied / mb:.0f} "
            f"| {m.written / mb:.0f} | {counts['train']:,} / {counts['eval']:,} "
            f"| {m.snapshot.content_hash[:12]} |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows",
        type=int,
        nargs="+",
        default=[100_000, 1_000_000],
        help="pool sizes, filled one after the other (each adds to the last)",
    )
    args = parser.parse_args()
    if any(n < 2 for n in args.rows):
        sys.exit("bench: --rows must be at least 2")
    run(args.rows)
