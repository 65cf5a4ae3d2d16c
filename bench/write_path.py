"""Rater write path: Co-Align hazard labels vs Label Studio annotations vs raw PostgreSQL.

    .venv/bin/python bench/write_path.py                     # 10, 50, 200 clients, 2,000 each
    .venv/bin/python bench/write_path.py --clients 10 50 --submissions 500 --processes 1

Everything runs on this machine, on loopback, against a PostgreSQL instance of its own: initdb of
the machine's PostgreSQL into a temporary folder with max_connections raised (the shared server
allows 100 connections, fewer than 200 clients plus the servers' own), deleted afterwards.
Redis is REDIS_URL's, under a prefix of its own.

- Co-Align: `POST /api/hazards/responses/{id}/label/` with token authentication, served the way
  `make web` serves it (uvicorn in --processes worker processes, ops/supervisor.web_command),
  DEBUG off; each client is a rater labelling responses assigned to it.
- Label Studio (installed from PyPI into a virtualenv of its own outside the repository, by
  this script on first use: LABEL_STUDIO_VENV, default ~/.cache/coalign-bench/label-studio):
  `POST /api/tasks/{id}/annotations/`, served as its own deployment serves it, by uwsgi
  (pyuwsgi) with the uwsgi.ini shipped in the package and --processes processes.
- floor: `GET /api/auth/me/` on the same Co-Align server with the same tokens and clients, as
  many requests as submissions: token authentication, the roles read and a small JSON answer
  through the same middleware, nothing written. No authenticated request of this stack can be
  served faster on the machine, so its ratio to raw INSERT bounds what any write path could
  reach here.
- raw INSERT: one single-row INSERT (autocommit) per submission, one connection per client;
  COPY: the same rows in one COPY.

Each level runs the systems one after another, alternating which goes first, and checks that
the rows stored equal the 2xx answers. Prints one table with the machine and the date.
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]
from bench.lib.databases import count, createdb, own_postgres  # noqa: E402
from bench.lib.label_studio import label_studio_server, run_label_studio  # noqa: E402
from bench.lib.load import Level, drive, split  # noqa: E402
from bench.lib.machine import cpu_name  # noqa: E402
from bench.lib.processes import free_port  # noqa: E402
from bench.lib.servers import ROOT, coalign_env, serve  # noqa: E402

# --- Co-Align -------------------------------------------------------------------------------


SEED = """
import json, sys
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from accounts.roles import Role
from annotation.hazards import importers
from annotation.hazards.models import Assignment, Response, ResponseStatus
from annotation.hazards.services.campaigns import campaign_create, prompts_add

# argv: submissions per level, then the client counts. Rater k is client k at every level;
# each level gets fresh responses, ceil(submissions / clients) assigned to each of its raters.
submissions, levels = int(sys.argv[1]), [int(c) for c in sys.argv[2:]]
need = [(c, -(-submissions // c)) for c in levels]
total = sum(c * n for c, n in need)
campaign = campaign_create(name="bench", user=None, labels_per_item=1)
rows = [importers.PromptRow(external_id=str(i), text=f"prompt {i}") for i in range(total)]
prompts = prompts_add(campaign=campaign, rows=rows, source="file")
responses = Response.objects.bulk_create(
    Response(prompt=p, producer="bench", text="a response", status=ResponseStatus.DONE)
    for p in prompts
)
users = User.objects.bulk_create(User(username=f"bench-{i}") for i in range(max(levels)))
Group.objects.get(name=Role.RATER.value).user_set.add(*users)
tokens = Token.objects.bulk_create(Token(key=Token.generate_key(), user=u) for u in users)
pool, work, assignments = iter(responses), {}, []
for clients, per_client in need:
    work[clients] = []
    for k in range(clients):
        mine = [next(pool) for _ in range(per_client)]
        assignments += [Assignment(response=r, rater=users[k]) for r in mine]
        work[clients].append([r.pk for r in mine])
Assignment.objects.bulk_create(assignments)
print(json.dumps({"tokens": [t.key for t in tokens], "work": work}))
"""


@contextmanager
def coalign_server(
    db_url: str, processes: int, submissions: int, levels: list[int]
) -> Iterator[tuple[str, dict]]:
    env = coalign_env(db_url, processes)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    seeded = subprocess.run(
        [
            python,
            "-c",
            "import django; django.setup(); exec(open('/dev/stdin').read())",
            str(submissions),
            *map(str, levels),
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        input=SEED,
        capture_output=True,
        text=True,
        check=True,
    )
    work = json.loads(seeded.stdout.strip().splitlines()[-1])
    sys.path[:0] = [str(ROOT / "platform")]
    from ops.supervisor import web_command

    port = free_port()
    argv = web_command(host="127.0.0.1", port=port, workers=processes)
    with serve(argv, env=env, cwd=ROOT, url=f"http://127.0.0.1:{port}/api/health/") as url:
        yield url, work


# --- raw PostgreSQL -------------------------------------------------------------------------

RAW_TABLE = """CREATE TABLE IF NOT EXISTS bench_raw (
    id bigserial PRIMARY KEY, user_id integer NOT NULL, item_id integer NOT NULL,
    payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"""


async def raw_inserts(level: Level, db_url: str, submissions: int) -> None:
    payload = json.dumps({"harmful": False, "severity": 0})

    async def client(items: list[int]) -> None:
        async with await psycopg.AsyncConnection.connect(db_url, autocommit=True) as conn:
            for item in items:
                start = time.perf_counter()
                await conn.execute(
                    "INSERT INTO bench_raw (user_id, item_id, payload) VALUES (%s, %s, %s)",
                    (item % level.clients, item, payload),
                )
                level.latencies_ms.append((time.perf_counter() - start) * 1000)
                level.ok += 1

    start = time.perf_counter()
    await asyncio.gather(*(client(c) for c in split(list(range(submissions)), level.clients)))
    level.seconds = time.perf_counter() - start


def raw_copy(db_url: str, submissions: int) -> float:
    payload = json.dumps({"harmful": False, "severity": 0})
    with psycopg.connect(db_url) as conn:
        start = time.perf_counter()
        with conn.cursor().copy("COPY bench_raw (user_id, item_id, payload) FROM STDIN") as copy:
            for item in range(submissions):
                copy.write_row((item % 10, item, payload))
        conn.commit()
        return submissions / (time.perf_counter() - start)


# --- the run --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50, 200])
    parser.add_argument("--submissions", type=int, default=2000, help="per level and system")
    parser.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="server processes of each system (default: one per core)",
    )
    parser.add_argument("--no-label-studio", action="store_true")
    args = parser.parse_args()
    levels = args.clients
    results: list[Level] = []
    with own_postgres(max_connections=max(levels) + 100) as server:
        co_db, ls_db, raw_db = (createdb(server, n) for n in ("coalign", "labelstudio", "raw"))
        with psycopg.connect(raw_db, autocommit=True) as conn:
            conn.execute(RAW_TABLE)
        with contextmanager_pair(
            coalign_server(co_db, args.processes, args.submissions, levels),
            None
            if args.no_label_studio
            else label_studio_server(ls_db, args.processes, args.submissions * len(levels) + 10),
        ) as (co, ls):
            co_url, co_seed = co
            ls_ids = list(ls[2]) if ls else []
            for i, clients in enumerate(levels):
                order = ["coalign", "floor", "labelstudio", "raw"]
                if i % 2:
                    order.reverse()
                for system in order:
                    level = Level(system, clients)
                    if system == "coalign":
                        level = run_coalign(
                            co_db, co_url, co_seed["work"][str(clients)], co_seed["tokens"]
                        )
                    elif system == "floor":
                        level = run_floor(co_url, clients, args.submissions, co_seed["tokens"])
                    elif system == "labelstudio":
                        if not ls:
                            continue
                        level = run_label_studio(ls_db, ls, ls_ids, clients, args.submissions)
                    else:
                        before = count(raw_db, "SELECT count(*) FROM bench_raw")
                        asyncio.run(raw_inserts(level, raw_db, args.submissions))
                        level.stored = count(raw_db, "SELECT count(*) FROM bench_raw") - before
                    results.append(level)
                    print(
                        f"  {system:<12} {clients:>4} clients: {level.rate:8.1f}/s "
                        f"p50 {level.pct(0.5):.0f} ms p99 {level.pct(0.99):.0f} ms "
                        f"2xx {level.ok} stored {level.stored} errors {level.errors}",
                        flush=True,
                    )
        copy_rate = raw_copy(raw_db, args.submissions)
    report(results, copy_rate, args)


@contextmanager
def contextmanager_pair(
    first: AbstractContextManager[Any], second: AbstractContextManager[Any] | None
) -> Iterator[tuple[Any, Any]]:
    """Both servers up at once (the second optional), stopped in reverse order."""
    with first as a:
        if second is None:
            yield a, None
        else:
            with second as b:
                yield a, b


def run_coalign(db_url: str, url: str, assigned: list[list[int]], tokens: list[str]) -> Level:
    level = Level("coalign", len(assigned))
    body = {"harmful": False, "severity": 0}
    work = [
        [
            (f"{url}/api/hazards/responses/{pk}/label/", {"Authorization": f"Token {token}"}, body)
            for pk in items
        ]
        for items, token in zip(assigned, tokens, strict=False)
    ]
    before = count(db_url, "SELECT count(*) FROM hazards_label")
    asyncio.run(drive(level, work))
    level.stored = count(db_url, "SELECT count(*) FROM hazards_label") - before
    return level


def run_floor(url: str, clients: int, submissions: int, tokens: list[str]) -> Level:
    """The cheapest authenticated request, sent as the write path's submissions are."""
    level = Level("floor", clients)
    shares = split(list(range(submissions)), clients)
    work = [
        [(f"{url}/api/auth/me/", {"Authorization": f"Token {token}"}, None)] * len(share)
        for token, share in zip(tokens, shares, strict=False)
    ]
    asyncio.run(drive(level, work))
    return level


def report(results: list[Level], copy_rate: float, args: argparse.Namespace) -> None:
    machine = f"{os.cpu_count()} cores, {cpu_name()}, load average {os.getloadavg()[0]:.1f}"
    print(
        f"\nWrite path, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine}; "
        f"{args.processes} server process(es) each, {args.submissions} submissions per level"
    )
    print(
        "| clients | system | subs/s | p50 ms | p99 ms | 2xx | stored | errors | "
        "/ raw INSERT | Co-Align / Label Studio |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for clients in args.clients:
        at = {r.system: r for r in results if r.clients == clients}
        co, ls, raw = at.get("coalign"), at.get("labelstudio"), at.get("raw")
        for r in (co, at.get("floor"), ls, raw):
            if r is None:
                continue
            ours = r.system in ("coalign", "floor")
            ratio_raw = f"{r.rate / raw.rate:.1%}" if ours and raw and raw.rate else ""
            ratio_ls = f"{co.rate / ls.rate:.1f}x" if r is co and co and ls and ls.rate else ""
            errors = ", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "0"
            stored = "-" if r.system == "floor" else r.stored  # it writes nothing
            print(
                f"| {clients} | {r.system} | {r.rate:,.1f} | {r.pct(0.5):,.0f} | "
                f"{r.pct(0.99):,.0f} | {r.ok} | {stored} | {errors} | {ratio_raw} | {ratio_ls} |"
            )
    print(f"\nCOPY of {args.submissions} rows: {copy_rate:,.0f} rows/s")


if __name__ == "__main__":
    main()
