"""Two web replicas (daphne processes on different ports) share websocket groups through the
Redis channel layer and sessions through PostgreSQL: an event published through one replica
reaches a browser connected to the other."""

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgiref.sync import sync_to_async
from django.test import Client

from accounts.roles import Role
from realtime.events import event_send_now
from registry.services import model_version_register
from tests.conftest import ROOT, child_env, free_port
from tests.deploy.wsclient import Websocket, WebsocketClosed
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
ASGI_APP = "config.asgi:application"


@contextmanager
def daphne(log_path: Path) -> Iterator[int]:
    port = free_port()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), ASGI_APP],
            cwd=ROOT,
            env=child_env(ALLOWED_HOSTS="127.0.0.1,localhost"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield port
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_healthy(port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"daphne on port {port} did not become healthy: {log_path.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def replicas(
    django_db_setup: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[int, int]]:
    """Two daphne processes on the test database, started side by side."""
    folder = tmp_path_factory.mktemp("replicas")
    with ExitStack() as stack:
        logs = [folder / "replica-a.log", folder / "replica-b.log"]
        ports = [stack.enter_context(daphne(log)) for log in logs]
        for port, log in zip(ports, logs, strict=True):
            wait_healthy(port, log)
        yield ports[0], ports[1]


def session_cookie(user: Any) -> str:
    """A session stored in PostgreSQL, as any replica's login would store it."""
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


async def subscribed(port: int, cookie: str, group: str) -> Websocket:
    ws = await Websocket.connect(port, "/ws/events/", cookie=cookie)
    await ws.send_json({"action": "subscribe", "group": group})
    assert await ws.receive_json() == {"type": "subscribed", "group": group, "payload": {}}
    return ws


async def test_a_client_on_one_replica_receives_events_published_through_the_other(
    replicas: tuple[int, int], make_user: Any, published_lines: list[Any]
) -> None:
    port_a, port_b = replicas
    admin = await sync_to_async(make_user)(Role.ADMIN)
    cookie = await sync_to_async(session_cookie)(admin)
    debater = next(v for v in published_lines if v.line.slug == "debater")
    version = await sync_to_async(model_version_register)(
        line=debater.line, base=debater.base, uri=debater.uri
    )
    on_a = await subscribed(port_a, cookie, "registry")
    on_b = await subscribed(port_b, cookie, "registry")

    # Sent by a process that is neither replica (a Celery worker does the same).
    await sync_to_async(event_send_now)("registry", "deploy.check", {"n": 1})
    for ws in (on_a, on_b):
        assert await ws.receive_json() == {
            "type": "deploy.check",
            "group": "registry",
            "payload": {"n": 1},
        }

    # A request served by replica B; the browser on replica A hears of it.
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port_b}") as http:
        token = await http.post(
            "/api/auth/token/", json={"username": admin.username, "password": PASSWORD}
        )
        # An unevaluated version passes no gate: the admin publishes it with a reason.
        published = await http.post(
            f"/api/loop/versions/{version.pk}/publish/",
            json={"override_reason": "Replica check."},
            headers={"Authorization": f"Token {token.json()['token']}"},
        )
    assert published.status_code == 200, published.text
    expected = {
        "type": "registry.published",
        "group": "registry",
        "payload": {"line": "debater", "version": version.pk, "number": version.number},
    }
    assert await on_a.receive_json() == expected
    assert await on_b.receive_json() == expected
    await asyncio.gather(on_a.close(), on_b.close())


async def test_a_session_from_the_database_is_accepted_by_every_replica(
    replicas: tuple[int, int], make_user: Any
) -> None:
    rater = await sync_to_async(make_user)(Role.RATER)
    cookie = await sync_to_async(session_cookie)(rater)

    for port in replicas:
        ws = await subscribed(port, cookie, f"user:{rater.pk}")
        await ws.close()
    # Without a valid session the consumer closes before accepting; daphne answers 403.
    with pytest.raises(WebsocketClosed, match="403"):
        await Websocket.connect(replicas[0], "/ws/events/", cookie="sessionid=forged")
