"""Publishing under load: how long a served line takes to switch, and what requests see meanwhile.

    .venv/bin/python bench/serving_switch.py                 # 4 clients, the CPU server
    .venv/bin/python bench/serving_switch.py --clients 8 --command "vllm serve {path} ..."

Creates a line of its own served by the serving agent (in this process, as a thread), with
version 1 and 2 built from the tiny model, and keeps `--clients` threads asking the line for
completions. Then it publishes version 2 and measures: the time until the line's traffic
moved (the new server's start and weight loading), the time until the old server had drained
and stopped, the requests answered and failed before, during and after, and their latency.
By default the servers are the platform's own CPU server (llm.openai_server); with
`--command` they are whatever SERVING_COMMAND starts, e.g. vLLM on a GPU machine. The rows it
creates (line, versions, endpoints, route) are deleted at the end.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402

from llm.backends import BackendError, GenerationParams  # noqa: E402
from llm.models import EndpointState, ServingEndpoint, ServingRoute  # noqa: E402
from llm.openai_server import SERVING_COMMAND  # noqa: E402
from llm.services import backend_for_version  # noqa: E402
from llm.serving import serving_version  # noqa: E402
from llm.serving_agent import AgentConfig, ServingAgent  # noqa: E402
from registry.models import ModelLine, ModelVersion  # noqa: E402
from registry.services import (  # noqa: E402
    model_line_ensure,
    model_version_publish,
    model_version_register,
)
from training.tiny import TINY_BASE, build_tiny_model  # noqa: E402

LINE = "bench-serving"


@dataclass
class Answer:
    started: float
    finished: float
    version: int
    error: str


def wait_until(check: Callable[[], bool], timeout: float = 1800.0) -> float:
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise SystemExit(f"timed out after {timeout:g} s")
        time.sleep(0.05)
    return time.monotonic()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--tokens", type=int, default=16, help="max_new_tokens per request")
    parser.add_argument("--after-s", type=float, default=5.0, help="load kept after the stop")
    parser.add_argument("--command", default=SERVING_COMMAND, help="SERVING_COMMAND")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="serving-bench-"))
    weights = build_tiny_model(folder / "tiny", seed=0)
    with override_settings(
        LLM_OPENAI_LINES=[LINE],
        SERVING_MANAGER="agent",
        SERVING_COMMAND=args.command,
        SERVING_AGENT_NAME="bench",
        SERVING_BIND_HOST="127.0.0.1",
        SERVING_ADVERTISE_HOST="127.0.0.1",
        SERVING_DRAIN_GRACE_S=2.0,
        DATA_DIR=folder,
    ):
        try:
            run(args, weights)
        finally:
            cleanup()


def run(args: argparse.Namespace, weights: Path) -> None:
    line = model_line_ensure(slug=LINE, name="Serving benchmark")
    v1 = model_version_register(line=line, base=TINY_BASE, uri=str(weights))
    model_version_publish(version=v1)
    agent = ServingAgent(AgentConfig.from_settings())
    stop_agent, stop_load = threading.Event(), threading.Event()

    def agent_loop() -> None:
        while not stop_agent.is_set():
            agent.reconcile()
            stop_agent.wait(0.2)
        agent.shutdown()
        connection.close()

    agent_thread = threading.Thread(target=agent_loop)
    agent_thread.start()
    began = time.monotonic()
    wait_until(lambda: ServingRoute.objects.filter(line=line, version=v1).exists())
    cold_start = time.monotonic() - began

    answers: list[Answer] = []
    params = GenerationParams(max_new_tokens=args.tokens, temperature=0)

    def client() -> None:
        while not stop_load.is_set():
            started = time.monotonic()
            version = serving_version(line=LINE)
            assert version is not None
            try:
                backend_for_version(version).generate(["Which answer is right?"], params)
                error = ""
            except BackendError as exc:
                error = str(exc)
            answers.append(Answer(started, time.monotonic(), version.number, error))
        connection.close()

    clients = [threading.Thread(target=client) for _ in range(args.clients)]
    for thread in clients:
        thread.start()
    time.sleep(5)
    v2 = model_version_register(line=line, base=TINY_BASE, uri=str(weights), parent=v1)
    published = time.monotonic()
    model_version_publish(version=v2)
    switched = wait_until(lambda: ServingRoute.objects.filter(line=line, version=v2).exists())
    stopped = wait_until(
        lambda: ServingEndpoint.objects.filter(version=v1, state=EndpointState.STOPPED).exists()
    )
    time.sleep(args.after_s)
    stop_load.set()
    for thread in clients:
        thread.join()
    stop_agent.set()
    agent_thread.join()
    report(answers, cold_start, published, switched, stopped)


def report(
    answers: list[Answer], cold: float, published: float, switched: float, stopped: float
) -> None:
    phases = {
        "before publishing": lambda a: a.started < published,
        "publish -> switch": lambda a: published <= a.started < switched,
        "switch -> old stopped": lambda a: switched <= a.started < stopped,
        "after the stop": lambda a: a.started >= stopped,
    }
    print(f"first server ready after {cold:.1f} s (process start + weights)")
    print(f"publish -> traffic on v2: {switched - published:.2f} s")
    print(f"publish -> v1 drained and stopped: {stopped - published:.2f} s")
    columns = ("requests", "failed", "on v1", "on v2", "p50 ms", "p95 ms")
    print(f"{'phase':<24}" + "".join(f"{c:>9}" for c in columns))
    for name, selects in phases.items():
        chosen = [a for a in answers if selects(a)]
        ms = sorted((a.finished - a.started) * 1000 for a in chosen) or [0.0]
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        print(
            f"{name:<24}{len(chosen):>9}{sum(1 for a in chosen if a.error):>9}"
            f"{sum(1 for a in chosen if a.version == 1):>9}"
            f"{sum(1 for a in chosen if a.version == 2):>9}"
            f"{statistics.median(ms):>9.0f}{p95:>9.0f}"
        )
    errors = {a.error for a in answers if a.error}
    for error in errors:
        print(f"error: {error}")


def cleanup() -> None:
    versions = ModelVersion.objects.filter(line__slug=LINE)
    ServingRoute.objects.filter(line__slug=LINE).delete()
    ServingEndpoint.objects.filter(version__in=versions).delete()
    versions.update(parent=None)
    versions.delete()
    ModelLine.objects.filter(slug=LINE).delete()


if __name__ == "__main__":
    main()
