"""Label Studio, served as its own deployment serves it, for bench/write_path.py to compare."""

import asyncio
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg

from bench.lib.databases import count
from bench.lib.load import Level, drive, split
from bench.lib.processes import free_port
from bench.lib.servers import SCRATCH, serve

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
