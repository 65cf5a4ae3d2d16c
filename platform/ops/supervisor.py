"""Runs the platform's processes on one machine and stops them together.

Each process is also a documented command of its own (see the README), for deployments that run
them under a real supervisor.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

STOP_GRACE_S = 20.0


@dataclass(frozen=True)
class Process:
    name: str
    argv: list[str]


def web_command(*, host: str, port: int, workers: int) -> list[str]:
    """The ASGI server: uvicorn worker processes, each on a socket of its own at the same
    address (ops/web_server.py), so requests and websockets spread over the cores (one process
    is bound by the GIL); they share websocket groups through the Redis channel layer.
    `make web` runs the same command."""
    return [
        sys.executable,
        "-m",
        "ops.web_server",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        # Open websockets are closed (1012) this long after Ctrl-C, within STOP_GRACE_S.
        "--timeout-graceful-shutdown",
        "10",
    ]


def process_table(
    *, host: str, port: int, data_dir: Path, serving: bool, workers: int = 1
) -> list[Process]:
    """The processes of `make run`; with `serving`, also the serving agent of LLM_OPENAI_LINES."""
    bin_dir = Path(sys.executable).parent
    celery = [str(bin_dir / "celery"), "-A", "config"]
    agent = [Process("serving", [sys.executable, "manage.py", "serving_agent"])] if serving else []
    return [
        Process("web", web_command(host=host, port=port, workers=workers)),
        Process(
            "worker-default",
            [*celery, "worker", "-Q", "default", "-n", "default@%h", "-c", "2", "-l", "INFO"],
        ),
        Process(
            "worker-gpu",
            [*celery, "worker", "-Q", "gpu", "-n", "gpu@%h", "-c", "1", "-l", "INFO"],
        ),
        Process(
            "beat",
            [*celery, "beat", "-l", "INFO", "-s", str(data_dir / "celerybeat-schedule")],
        ),
        *agent,
    ]


def port_free(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def supervise(processes: list[Process], *, env: dict[str, str], cwd: Path) -> int:
    """Start every process; when one exits or Ctrl-C arrives, stop them all. Exit code out."""
    children: dict[str, subprocess.Popen[bytes]] = {}
    stopping = False

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for proc in processes:
            # Own process groups: Ctrl-C reaches only this supervisor, which stops the children.
            children[proc.name] = subprocess.Popen(
                proc.argv, env=env, cwd=cwd, start_new_session=True
            )
        failed = ""
        while not stopping and not failed:
            time.sleep(0.5)
            failed = next((n for n, c in children.items() if c.poll() is not None), "")
        _stop_all(children)
        if failed:
            print(
                f"co-align: {failed} exited with code {children[failed].returncode}; "
                "stopped the other processes (its log is above).",
                file=sys.stderr,
            )
            return 1
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop_all(children: dict[str, subprocess.Popen[bytes]]) -> None:
    for child in children.values():
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    for child in children.values():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
