"""Bad settings, unreachable services and a busy port: one sentence and a non-zero exit."""

import os
import socket
import subprocess
import sys

import pytest

from tests.conftest import ROOT, free_port

GOOD = {
    "DEBUG": "true",
    "DATABASE_URL": os.environ["DATABASE_URL"],
    "REDIS_URL": os.environ["REDIS_URL"],
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **GOOD, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"DEBUG": "false"}, "SECRET_KEY is not set"),
        ({"DEBUG": "false", "SECRET_KEY": "s" * 50}, "ALLOWED_HOSTS is not set"),
        ({"DEBUG": "ture"}, "DEBUG is 'ture'"),
        ({"DATABASE_URL": "mysql://u@h/db"}, "DATABASE_URL must be a PostgreSQL URL"),
        ({"REDIS_URL": "http://localhost"}, "REDIS_URL must be a Redis URL"),
        ({"HEARTBEAT_SECONDS": "ten"}, "HEARTBEAT_SECONDS is 'ten'"),
        ({"LLM_BACKEND": "magic"}, "LLM_BACKEND is 'magic'"),
        ({"LLM_BACKEND": "openai"}, "LLM_OPENAI_BASE_URL is not set"),
        (
            {"LLM_OPENAI_LINES": "debater", "SERVING_MANAGER": "external"},
            "LLM_OPENAI_BASE_URL is not set",
        ),
        ({"SERVING_MANAGER": "kubernetes"}, "SERVING_MANAGER is 'kubernetes'"),
        ({"SERVING_PORTS": "eighty"}, "SERVING_PORTS is 'eighty'"),
        ({"TRAIN_PROCESSES": "-1"}, "TRAIN_PROCESSES is -1"),
        ({"WEB_CONCURRENCY": "-1"}, "WEB_CONCURRENCY is -1"),
        ({"SERVING_PORTS": "9000-8000"}, "SERVING_PORTS is '9000-8000'"),
    ],
)
def test_bad_settings_stop_start_up_with_one_sentence(env: dict[str, str], names: str) -> None:
    result = manage("check", **env)
    assert result.returncode == 2
    assert names in one_sentence(result)


def test_an_unreachable_database_is_one_sentence() -> None:
    result = manage("migrate", DATABASE_URL="postgres://postgres@127.0.0.1:1/coalign")
    assert result.returncode == 1
    assert "cannot reach the database (check DATABASE_URL)" in one_sentence(result)


def test_platform_run_refuses_an_unreachable_redis() -> None:
    port = str(free_port())
    result = manage("platform_run", "--no-demo", "--port", port, REDIS_URL="redis://127.0.0.1:1/0")
    assert result.returncode == 1
    assert "cannot reach Redis" in one_sentence(result)


def test_platform_run_refuses_a_port_in_use() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = manage("platform_run", "--no-demo", "--port", str(port))
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is in use" in one_sentence(result)
