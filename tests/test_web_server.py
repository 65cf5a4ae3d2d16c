"""The web server (ops/web_server.py): worker processes that each accept on a socket of their
own, so connections spread over them; a worker that dies is replaced; SIGTERM stops them all."""

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest
from django.test import Client
from websockets.asyncio.client import connect
from websockets.typing import Origin

from accounts.roles import Role
from tests.conftest import ROOT, child_env, free_port, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/health/", timeout=5).status_code == 200
    except httpx.TransportError:
        return False


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str, Path]]:
    """`python -m ops.web_server --workers 2` on the test database, once it answers."""
    port, log = free_port(), tmp_path / "web.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ops.web_server", "--port", str(port), "--workers", "2"],
            cwd=ROOT,
            env=child_env(ALLOWED_HOSTS="127.0.0.1"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _healthy(url), "the web server answering", 60, explain=log.read_text)
        yield proc, url, log
    finally:
        # Collected before the parent goes: then they are no longer its children.
        workers = [c for c in psutil.Process().children(recursive=True) if _is_worker(c)]
        proc.kill()
        for worker in workers:
            with contextlib.suppress(psutil.NoSuchProcess):  # stopped on its own meanwhile
                worker.kill()
        proc.wait()


def _is_worker(process: psutil.Process) -> bool:
    try:
        return "--serve-one-worker" in process.cmdline()
    except psutil.Error:  # exited, or a zombie its parent has not collected yet
        return False


def _workers(proc: subprocess.Popen[bytes]) -> list[psutil.Process]:
    return [c for c in psutil.Process(proc.pid).children() if _is_worker(c)]


def _connections_per_worker(proc: subprocess.Popen[bytes], port: int) -> list[int]:
    return [
        sum(
            1
            for conn in worker.net_connections("tcp")
            if conn.status == psutil.CONN_ESTABLISHED and conn.laddr.port == port
        )
        for worker in _workers(proc)
    ]


def test_keep_alive_connections_opened_together_spread_over_the_workers(web) -> None:
    proc, url, _ = web
    port = int(url.rsplit(":", 1)[1])

    async def open_together() -> list[int]:
        # Sixteen keep-alive clients connect at the same moment, as the raters of a campaign
        # opening their pages. With one shared socket, one worker took them all.
        clients = [httpx.AsyncClient(base_url=url, timeout=30) for _ in range(16)]
        try:
            answers = await asyncio.gather(*(c.get("/api/health/") for c in clients))
            assert {a.status_code for a in answers} == {200}
            return _connections_per_worker(proc, port)
        finally:
            await asyncio.gather(*(c.aclose() for c in clients))

    per_worker = asyncio.run(open_together())
    assert sum(per_worker) == 16
    # Both workers hold some: all sixteen on one of two has a chance of 2 in 65,536.
    assert len(per_worker) == 2
    assert min(per_worker) > 0, per_worker


def test_websockets_are_not_compressed(web, make_user) -> None:
    _, url, _ = web
    client = Client()
    client.force_login(make_user(Role.RATER))
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    async def extensions() -> str | None:
        # The client offers permessage-deflate, as browsers do; the server declines it.
        async with connect(
            url.replace("http", "ws", 1) + "/ws/events/",
            additional_headers={"Cookie": cookie},
            origin=Origin(url),
        ) as socket:
            assert socket.response is not None
            return socket.response.headers.get("Sec-WebSocket-Extensions")

    assert asyncio.run(extensions()) is None


def test_a_worker_killed_with_sigkill_is_replaced(web) -> None:
    proc, url, log = web
    [first, second] = _workers(proc)
    os.kill(first.pid, signal.SIGKILL)
    replaced = wait_for(
        lambda: len(pids := {w.pid for w in _workers(proc)}) == 2 and first.pid not in pids,
        "a new worker in place of the killed one",
        30,
        explain=log.read_text,
    )
    assert replaced
    assert second.pid in {w.pid for w in _workers(proc)}
    # The server answers throughout: new connections go to the live worker and then to both.
    for _ in range(8):
        wait_for(lambda: _healthy(url), "an answer", 30, explain=log.read_text)
    assert "exited with code -9; starting another" in log.read_text()


def test_sigterm_stops_every_worker(web) -> None:
    proc, _, log = web
    workers = _workers(proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0, log.read_text()
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def test_the_workers_stop_when_the_web_server_is_killed(web) -> None:
    proc, _, log = web
    workers = _workers(proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # Nobody would restart or stop them: they shut down instead of serving the port alone.
    _, alive = psutil.wait_procs(workers, timeout=20)
    assert alive == [], log.read_text()


def test_an_address_in_use_is_one_line_and_a_non_zero_exit(db) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "ops.web_server", "--port", str(port), "--workers", "2"],
            cwd=ROOT,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        f"co-align web: cannot listen on 127.0.0.1:{port} (Address already in use)."
    ]


def test_workers_that_cannot_start_stop_the_server_instead_of_restarting_forever(db) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ops.web_server", "--port", str(free_port()), "--workers", "2"],
        cwd=ROOT,
        # Settings that refuse to load: every worker fails the same way at its start.
        env=child_env(DATABASE_URL="mysql://nowhere/db"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "DATABASE_URL must be a PostgreSQL URL" in done.stderr
    assert "co-align web: a worker exited with code" in done.stderr.splitlines()[-1]
