"""Rater write path: Co-Align hazard labels vs Label Studio annotations vs raw PostgreSQL.

    .venv/bin/python bench/write_path.py                     # 10, 50, 200 clients, 2,000 each
    .venv/bin/python bench/write_path.py --clients 10 50 --submissions 500 --processes 1

Everything runs on this machine, on loopback, against a PostgreSQL instance of its own: initdb of
the machine's PostgreSQL into a temporary folder with max_connections raised (the shared server
allows 100 connections, fewer than 200 clients plus the servers' own), deleted afterwards.
Redis is REDIS_URL's, under a prefix of its own.

- Co-Align: `POST /api/hazards/responses/{id}/label/` with token authentication, served the way
  `make web` serves it (uvicorn with --processes worker processes, ops/supervisor.web_command),
  DEBUG off; each client is a rater labelling responses assigned to it.
- Label Studio (installed from PyPI into a virtualenv of its own outside the repository, by
  this script on first use: LABEL_STUDIO_VENV, default ~/.cache/coalign-bench/label-studio):
  `POST /api/tasks/{id}/annotations/`, served as its own deployment serves it, by uwsgi
  (pyuwsgi) with the uwsgi.ini shipped in the package and --processes processes.
- raw INSERT: one single-row INSERT (autocommit) per submission, one connection per client;
  COPY: the same rows in one COPY.

Each level runs the systems one after another, alternating which goes first, and checks that
the rows stored equal the 2xx answers. Prints one table with the machine and the date.
"""

import argparse
import asyncio
import atexit
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
# The servers' data folders; removed when the benchmark exits.
SCRATCH = tempfile.mkdtemp(prefix="bench-scratch-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
LABEL_STUDIO = "label-studio==1.23.2"
PYUWSGI = "pyuwsgi==2.0.30"
LS_CONFIG = (
    '<View><Text name="text" value="$text"/>'
    '<Choices name="harmful" toName="text"><Choice value="Yes"/><Choice value="No"/></Choices>'
    "</View>"
)
LS_RESULT = [
    {"from_name": "harmful", "to_name": "text", "type": "choices", "value": {"choices": ["No"]}}
]


@dataclass
class Level:
    system: str
    clients: int
    ok: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    stored: int = 0

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- PostgreSQL of its own ------------------------------------------------------------------


@contextmanager
def own_postgres(max_connections: int) -> Iterator[str]:
    """initdb + pg_ctl into a temporary folder; yields a postgres:// URL for user postgres."""
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    data, port = folder / "data", free_port()
    user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if user:
        shutil.chown(folder, "postgres")
    subprocess.run(
        [*user, "initdb", "-D", str(data), "-U", "postgres", "-A", "trust"],
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -c max_connections={max_connections} -k {folder} -c listen_addresses=127.0.0.1"
    )
    subprocess.run(
        [*user, "pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgres://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            [*user, "pg_ctl", "-D", str(data), "-m", "fast", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


def createdb(server: str, name: str) -> str:
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def count(url: str, sql: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql).fetchone()
        return int(row[0]) if row else 0


# --- the load -------------------------------------------------------------------------------


Request = tuple[str, dict[str, str], dict]  # url, headers, JSON body


async def drive(level: Level, work: list[list[Request]]) -> None:
    """Each client sends its submissions one after another on its own keep-alive connection."""

    async def client(items: list[Request]) -> None:
        async with httpx.AsyncClient(timeout=60) as http:
            for url, headers, body in items:
                start = time.perf_counter()
                try:
                    outcome = str((await http.post(url, headers=headers, json=body)).status_code)
                except httpx.HTTPError as exc:
                    outcome = type(exc).__name__
                level.latencies_ms.append((time.perf_counter() - start) * 1000)
                if outcome.startswith("2"):
                    level.ok += 1
                else:
                    level.errors[outcome] = level.errors.get(outcome, 0) + 1

    start = time.perf_counter()
    await asyncio.gather(*(client(items) for items in work))
    level.seconds = time.perf_counter() - start


def split(items: list, clients: int) -> list[list]:
    return [items[i::clients] for i in range(clients)]


# --- Co-Align -------------------------------------------------------------------------------


def coalign_env(db_url: str, processes: int) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": db_url,
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on loopback, as behind a TLS-terminating proxy.
        "SECURE_SSL_REDIRECT": "false",
        "REDIS_PREFIX": f"bench-{os.getpid()}",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "platform")]),
        "DATA_DIR": tempfile.mkdtemp(prefix="data-", dir=SCRATCH),
        "WEB_CONCURRENCY": str(processes),
        "HF_HUB_OFFLINE": "1",
    }


SEED = """
import json, sys
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from accounts.roles import Role
from annotation.hazards import importers, services
from annotation.hazards.models import Assignment, Response, ResponseStatus

# argv: submissions per level, then the client counts. Rater k is client k at every level;
# each level gets fresh responses, ceil(submissions / clients) assigned to each of its raters.
submissions, levels = int(sys.argv[1]), [int(c) for c in sys.argv[2:]]
need = [(c, -(-submissions // c)) for c in levels]
total = sum(c * n for c, n in need)
campaign = services.campaign_create(name="bench", user=None, labels_per_item=1)
rows = [importers.PromptRow(external_id=str(i), text=f"prompt {i}") for i in range(total)]
prompts = services.prompts_add(campaign=campaign, rows=rows, source="file")
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


@contextmanager
def serve(argv: list[str], *, env: dict[str, str], cwd: Path, url: str) -> Iterator[str]:
    """Start a server in its own process group, wait until `url` answers, stop it after."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            argv, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"{argv[0]} exited: {log.read()[-3000:].decode()}")
                try:
                    if httpx.get(url, timeout=2).status_code < 500:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.5)
            else:
                raise RuntimeError(f"{argv[0]} did not answer within 180 s")
            yield url.split("/api/")[0].removesuffix("/health")
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, 15)
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, 9)
                    proc.wait()


# --- Label Studio ---------------------------------------------------------------------------


def label_studio_venv() -> Path:
    venv = Path(
        os.environ.get("LABEL_STUDIO_VENV", Path.home() / ".cache/coalign-bench/label-studio")
    )
    if not (venv / "bin" / "label-studio").exists():
        print(f"installing {LABEL_STUDIO} and {PYUWSGI} into {venv} (a few minutes, once)")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", LABEL_STUDIO, PYUWSGI], check=True
        )
    return venv


def label_studio_uwsgi(venv: Path, port: int, processes: int) -> tuple[list[str], Path]:
    """uwsgi as Label Studio's own image runs it: the settings of its deploy/uwsgi.ini (the
    wheel does not ship the file), with the HTTP router on `port` and `processes` workers
    (its default is 2 x cores)."""
    [package] = venv.glob("lib/python*/site-packages/label_studio")
    argv = [
        str(venv / "bin" / "pyuwsgi"),
        "--http", f"127.0.0.1:{port}",
        "--module", "core.wsgi:application",
        "--master", "--cheaper", "1", "--single-interpreter",
        "--processes", str(processes), "--threads", "1",
        "--buffer-size", "65535", "--http-timeout", "300", "--post-buffering", "4096",
        "--harakiri", "120", "--enable-threads", "--thunder-lock", "--lazy-apps",
        "--max-requests", "5000", "--disable-logging", "--log-5xx", "--need-app",
        "--ignore-sigpipe", "--ignore-write-errors", "--disable-write-exception",
        "--env", "APP_WEBSERVER=uwsgi",
    ]  # fmt: skip
    return argv, package


@contextmanager
def label_studio_server(
    db_url: str, processes: int, tasks: int
) -> Iterator[tuple[str, str, list[int]]]:
    from urllib.parse import urlsplit

    venv = label_studio_venv()
    parts = urlsplit(db_url)
    data_dir = tempfile.mkdtemp(prefix="label-studio-", dir=SCRATCH)
    token = "b" * 40
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE"))},
        "DJANGO_SETTINGS_MODULE": "core.settings.label_studio",
        "DJANGO_DB": "default",
        "POSTGRE_NAME": parts.path.lstrip("/"),
        "POSTGRE_USER": parts.username or "postgres",
        "POSTGRE_PASSWORD": "",
        "POSTGRE_HOST": parts.hostname or "127.0.0.1",
        "POSTGRE_PORT": str(parts.port or 5432),
        "LABEL_STUDIO_BASE_DATA_DIR": data_dir,
        "SENTRY_DSN": "",
        "FRONTEND_SENTRY_DSN": "",
        "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
    }
    subprocess.run(
        [
            str(venv / "bin" / "label-studio"),
            "init",
            "bench",
            "--username",
            "bench@example.org",
            "--password",
            "bench-password-1",
            "--user-token",
            token,
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    argv, package = label_studio_uwsgi(venv, port, processes)
    with serve(argv, env=env, cwd=package, url=f"http://127.0.0.1:{port}/health") as url:
        headers = {"Authorization": f"Token {token}"}
        project = httpx.post(
            f"{url}/api/projects",
            headers=headers,
            timeout=60,
            json={"title": "bench", "label_config": LS_CONFIG},
        )
        project.raise_for_status()
        pid = project.json()["id"]
        httpx.post(
            f"{url}/api/projects/{pid}/import",
            headers=headers,
            timeout=600,
            json=[{"text": f"a response {i}"} for i in range(tasks)],
        ).raise_for_status()
        with psycopg.connect(db_url) as conn:
            rows = conn.execute("SELECT id FROM task WHERE project_id = %s", (pid,)).fetchall()
        ids = [row[0] for row in rows]
        yield url, token, ids


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
                order = ["coalign", "labelstudio", "raw"]
                if i % 2:
                    order = ["raw", "labelstudio", "coalign"]
                for system in order:
                    level = Level(system, clients)
                    if system == "coalign":
                        level = run_coalign(
                            co_db, co_url, co_seed["work"][str(clients)], co_seed["tokens"]
                        )
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


def run_label_studio(
    db_url: str, ls: tuple[str, str, list[int]], ids: list[int], clients: int, submissions: int
) -> Level:
    url, token, _ = ls
    level = Level("labelstudio", clients)
    # uwsgi's HTTP router closes each connection after its response (its ini sets no
    # http-keepalive): say so, rather than have the client reuse a closed connection.
    headers = {"Authorization": f"Token {token}", "Connection": "close"}
    mine = [ids.pop() for _ in range(submissions)]
    body = {"result": LS_RESULT}
    work = [
        [(f"{url}/api/tasks/{pk}/annotations/", headers, body) for pk in chunk]
        for chunk in split(mine, clients)
    ]
    before = count(db_url, "SELECT count(*) FROM task_completion")
    asyncio.run(drive(level, work))
    level.stored = count(db_url, "SELECT count(*) FROM task_completion") - before
    return level


def report(results: list[Level], copy_rate: float, args: argparse.Namespace) -> None:
    machine = f"{os.cpu_count()} cores, {_stdlib_cpu()}, load average {os.getloadavg()[0]:.1f}"
    print(
        f"\nWrite path, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine}; "
        f"{args.processes} server process(es) each, {args.submissions} submissions per level"
    )
    print(
        "| clients | system | subs/s | p50 ms | p99 ms | 2xx | stored | errors | "
        "Co-Align / raw INSERT | Co-Align / Label Studio |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for clients in args.clients:
        at = {r.system: r for r in results if r.clients == clients}
        co, ls, raw = at.get("coalign"), at.get("labelstudio"), at.get("raw")
        for r in (co, ls, raw):
            if r is None:
                continue
            ratio_raw = f"{co.rate / raw.rate:.1%}" if r is co and co and raw else ""
            ratio_ls = f"{co.rate / ls.rate:.1f}x" if r is co and co and ls and ls.rate else ""
            errors = ", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "0"
            print(
                f"| {clients} | {r.system} | {r.rate:,.1f} | {r.pct(0.5):,.0f} | "
                f"{r.pct(0.99):,.0f} | {r.ok} | {r.stored} | {errors} | {ratio_raw} | {ratio_ls} |"
            )
    print(f"\nCOPY of {args.submissions} rows: {copy_rate:,.0f} rows/s")


def _stdlib_cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
