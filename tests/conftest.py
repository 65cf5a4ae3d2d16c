import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from rest_framework.test import APIClient

from accounts.roles import Role
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def fresh_channel_layer() -> Iterator[None]:
    """A new channel-layer instance per test: each async test runs its own event loop, and a
    Redis layer keeps connections and receive locks bound to the loop that created them."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def constitution_cache_clear() -> None:
    """Tests roll back their enactments, which therefore never update the cached number."""
    from annotation.principles.selectors import constitution_cache_clear

    constitution_cache_clear()


@pytest.fixture
def make_user() -> Callable[..., AbstractUser]:
    def make(*roles: Role, **fields: Any) -> AbstractUser:
        return UserFactory.create(roles=roles, **fields)

    return make


@pytest.fixture
def client_as(make_user: Callable[..., AbstractUser]) -> Callable[..., APIClient]:
    """An API client logged in (session) as a new user holding `roles`."""

    def make(*roles: Role) -> APIClient:
        client = APIClient()
        client.force_authenticate(make_user(*roles))
        return client

    return make


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture
def published_lines(tiny_models_dir: Path, db: None) -> list[Any]:
    from loop.services.bootstrap import models_bootstrap

    return models_bootstrap(models_dir=tiny_models_dir)


def testdb_url() -> str:
    """DATABASE_URL of the test database pytest-django created, for child processes."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + settings.DATABASES["default"]["NAME"]))


def child_env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": testdb_url(),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "platform")]),
        "DEBUG": "true",
        "HF_HUB_OFFLINE": "1",
        # One torch thread per child (workers, servers): the tests run several processes on a
        # 2-core machine, where torch's default threads wait on each other and the tiny model
        # runs up to ten times slower.
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1"),
        **extra,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def worker_start(**env: str) -> tuple[subprocess.Popen[bytes], str]:
    """A real Celery worker process on both queues, against the test database, once it
    answers a ping."""
    from config.celery import app

    name = f"test-{uuid.uuid4().hex[:8]}@%h"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-Q",
            "default,gpu",
            "-n",
            name,
            "-c",
            "1",
            "-l",
            "WARNING",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env=child_env(**env),
    )
    hostname = name.replace("%h", socket.gethostname())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the Celery worker exited with code {proc.returncode}")
        if app.control.ping(destination=[hostname], timeout=1.0):
            return proc, hostname
    proc.kill()
    pytest.fail("the Celery worker did not answer a ping within 60 s")


def worker_kill(proc: subprocess.Popen[bytes]) -> None:
    """kill -9 the worker's main process and its pool processes at once, as a lost machine."""
    pool = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    for child in pool:
        child.kill()
    proc.wait()


def wait_for(
    check: Callable[[], Any],
    what: str,
    timeout: float,
    *,
    explain: Callable[[], str] | None = None,
) -> Any:
    """Poll `check` until it returns something true and return that; fail naming `what` (and
    what `explain` says about the state then) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.05)
    pytest.fail(f"{what} did not happen within {timeout} s" + (f"; {explain()}" if explain else ""))


def worker_stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def celery_worker(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """A real Celery worker process on both queues, against the test database."""
    from config.celery import app

    # Tasks queued by earlier tests name rows that are gone or, as ids repeat across test
    # databases, other rows: each worker starts on its own module's work alone.
    app.control.purge()
    proc, hostname = worker_start()
    yield hostname
    worker_stop(proc)


@contextmanager
def gpu_queue_held(worker: str) -> Iterator[None]:
    """The worker takes nothing from the gpu queue inside the block, so a test can subscribe
    to a stream before the task that produces it starts."""
    from config.celery import app

    app.control.cancel_consumer("gpu", destination=[worker], reply=True)
    try:
        yield
    finally:
        app.control.add_consumer("gpu", destination=[worker], reply=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    yield
    # Worker processes and the threads that async tests run queries in may still hold
    # sessions on the test database, which PostgreSQL will not drop while they do.
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


ASGI_APP = "config.asgi:application"


@contextmanager
def daphne_serving(log_path: Path, *, healthy_only: bool = True, **env: str) -> Iterator[str]:
    """daphne serving config.asgi on a free loopback port, with `env` over child_env(); yields
    its URL once /api/health/ answers (with 200 unless healthy_only is off) and stops it after."""
    port = free_port()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), ASGI_APP],
            cwd=ROOT,
            env=child_env(**env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"daphne exited: {log_path.read_text()[-2000:]}")
        try:
            status = httpx.get(f"{url}/api/health/", timeout=10).status_code
            if status == 200 or not healthy_only:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("daphne did not answer within 60 s")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def server(django_db_setup: None, tmp_path: Path) -> Iterator[str]:
    """daphne serving the API, websockets and the built frontend, on the test database."""
    with daphne_serving(tmp_path / "daphne.log", ALLOWED_HOSTS="127.0.0.1,localhost") as url:
        yield url
