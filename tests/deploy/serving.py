"""Helpers for the serving tests: an agent looping in a thread, waiting, and generation load."""

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection

from llm.models import ServingEndpoint, ServingRoute
from llm.services import generation_run
from llm.serving_agent import AgentConfig, ServingAgent
from registry.models import ModelVersion
from tests.factories import GenerationFactory


def wait_until(check: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:g} s waiting until {what}")


def state_of(version: ModelVersion) -> str | None:
    endpoint = ServingEndpoint.objects.filter(version=version).first()
    return endpoint.state if endpoint else None


def route_of(line: str) -> int | None:
    route = ServingRoute.objects.filter(line__slug=line).first()
    return route.version_id if route else None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class AgentLoop:
    """A serving agent doing a pass every `poll_s` in a thread, as `manage.py serving_agent`."""

    def __init__(self, poll_s: float = 0.2) -> None:
        self.agent = ServingAgent(AgentConfig.from_settings())
        self.poll_s = poll_s
        self.errors: list[BaseException] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.agent.adopt()
            while not self._stop.is_set():
                self.agent.reconcile()
                self._stop.wait(self.poll_s)
        except BaseException as exc:
            self.errors.append(exc)
        finally:
            connection.close()

    def start(self) -> None:
        self._thread.start()

    def halt(self, *, shutdown: bool = True) -> None:
        """Stop looping; with shutdown the agent also stops its servers, as on SIGTERM."""
        self._stop.set()
        self._thread.join(60)
        if shutdown:
            self.agent.shutdown()
        assert not self.errors, self.errors


@contextmanager
def agent_running(poll_s: float = 0.2) -> Iterator[AgentLoop]:
    loop = AgentLoop(poll_s)
    loop.start()
    try:
        yield loop
    finally:
        loop.halt()


class Load:
    """Threads asking the line for generations back to back, as playground users would."""

    def __init__(self, user: Any, version: ModelVersion, threads: int = 2) -> None:
        self.user, self.version = user, version
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                generation = GenerationFactory.create(
                    requested_by=self.user, model_version=self.version
                )
                generation_run(generation_id=generation.pk)
                time.sleep(0.05)
        finally:
            connection.close()

    def __enter__(self) -> "Load":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(120)
