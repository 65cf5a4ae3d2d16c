"""`make run`'s command: every process comes up, serves, and Ctrl-C stops them all."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from llm.openai_server import SERVING_COMMAND
from ops.demo import DEMO_LOGINS
from tests.conftest import ROOT, child_env, free_port
from tests.deploy.serving import wait_until

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.worker]


def test_platform_run_serves_and_stops_everything_on_ctrl_c(tmp_path: Path) -> None:
    port, first_served = free_port(), free_port()
    out = (tmp_path / "out.log").open("w+b")
    # A served line, so the serving agent runs too (the CPU server standing in for vLLM).
    serving = {
        "LLM_OPENAI_LINES": "debater",
        "SERVING_COMMAND": SERVING_COMMAND,
        "SERVING_BIND_HOST": "127.0.0.1",
        "SERVING_ADVERTISE_HOST": "127.0.0.1",
        "SERVING_PORTS": f"{first_served}-{first_served + 15}",
    }
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "platform_run", "--port", str(port)],
        cwd=ROOT,
        # Two web worker processes behind the one port, as on a 2-core machine.
        env=child_env(DATA_DIR=str(tmp_path), WEB_CONCURRENCY="2", **serving),
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert proc.poll() is None, (tmp_path / "out.log").read_text()[-3000:]
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health/", timeout=2)
                if health.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("the platform did not answer within 120 s")

        def commands() -> str:
            children = psutil.Process(proc.pid).children(recursive=True)
            return " ".join(" ".join(c.cmdline()) for c in children)

        wait_until(lambda: "--served-name debater-v1" in commands(), "debater-v1 is served")
        children = psutil.Process(proc.pid).children(recursive=True)
        names = commands()
        assert "-m ops.web_server" in names
        assert "--workers 2" in names
        [web] = [c for c in psutil.Process(proc.pid).children() if "ops.web_server" in c.cmdline()]
        workers = [c for c in web.children() if "--serve-one-worker" in c.cmdline()]
        assert len(workers) == 2
        assert "-Q default" in names
        assert "-Q gpu" in names
        assert " beat " in names
        assert "serving_agent" in names

        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
        _, alive = psutil.wait_procs(children, timeout=10)
        assert alive == []
    finally:
        if proc.poll() is None:
            proc.kill()
    printed = (tmp_path / "out.log").read_text()
    assert f"http://127.0.0.1:{port}/" in printed
    for login in DEMO_LOGINS:
        assert f"{login.username:<11} {login.password}" in printed
