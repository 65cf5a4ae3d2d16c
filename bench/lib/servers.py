"""Servers the benchmarks start on this machine: Co-Align's web server as `make web` runs it,
and any server command, waited on until it answers."""

import atexit
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
# The servers' data folders; removed when the benchmark exits.
SCRATCH = tempfile.mkdtemp(prefix="bench-scratch-")
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)


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
        # Each simulated rater submits far faster than a person may: the per-person limits stay
        # on (their cost is part of the measured path) but set beyond what a run reaches.
        "RATER_SUBMISSION_RATES": "judgement=100000/m,hazard_label=100000/m,vote=100000/m",
    }


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
