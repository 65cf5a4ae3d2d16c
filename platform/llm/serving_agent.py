"""The serving agent: starts, watches and stops the OpenAI-compatible servers of served versions.

One agent runs on each serving host (a GPU machine, or a pod) as `manage.py serving_agent`.
It is level-triggered: every SERVING_POLL_S it compares the versions that need a server
(llm.serving.versions_wanted) with the servers it runs and converges, so a lost event or a
restarted agent leaves nothing undone. Agents share the work through the endpoint rows: each
runs the servers it claimed and takes over those of an agent whose heartbeat stopped.

A version's server goes: starting (weights loading) -> ready (its line's traffic may switch
to it) -> draining (no longer wanted: it keeps answering for SERVING_DRAIN_GRACE_S and until
its running and waiting requests reach 0) -> stopped.
"""

import logging
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from llm.models import EndpointState, ServingEndpoint
from llm.serving import route_advance, versions_wanted

log = logging.getLogger(__name__)

ACTIVE = (EndpointState.STARTING, EndpointState.READY, EndpointState.DRAINING)
PLACEHOLDERS = ("python", "path", "served_name", "host", "port")
# vLLM's gauges (its /metrics, Prometheus text); the built-in CPU server exposes the same.
_QUEUE_GAUGES = ("vllm:num_requests_running", "vllm:num_requests_waiting")
_STOP_WAIT_S = 30.0


class AgentConfigError(ValueError):
    """The agent's settings cannot work; the message says which one to fix."""


@dataclass(frozen=True)
class AgentConfig:
    name: str
    manager: str
    """"agent": this agent starts the servers; "external": others do, at external_url."""
    command: str
    bind_host: str
    advertise_host: str
    ports: range
    external_url: str
    api_key: str
    log_dir: Path
    start_timeout_s: float
    drain_grace_s: float
    drain_max_s: float
    stale_s: float
    retry_s: float

    @classmethod
    def from_settings(cls) -> "AgentConfig":
        config = cls(
            name=settings.SERVING_AGENT_NAME,
            manager=settings.SERVING_MANAGER,
            command=settings.SERVING_COMMAND,
            bind_host=settings.SERVING_BIND_HOST,
            advertise_host=settings.SERVING_ADVERTISE_HOST,
            ports=settings.SERVING_PORTS,
            external_url=settings.LLM_OPENAI_BASE_URL,
            api_key=settings.LLM_OPENAI_API_KEY,
            log_dir=settings.DATA_DIR / "serving",
            start_timeout_s=settings.SERVING_START_TIMEOUT_S,
            drain_grace_s=settings.SERVING_DRAIN_GRACE_S,
            drain_max_s=settings.SERVING_DRAIN_MAX_S,
            stale_s=settings.SERVING_STALE_S,
            retry_s=settings.SERVING_RETRY_S,
        )
        if config.manager == "agent":
            command_args(config.command, path="p", served_name="n", host="h", port=1)
        return config


def command_args(command: str, *, path: str, served_name: str, host: str, port: int) -> list[str]:
    """SERVING_COMMAND split like a shell would, with its placeholders filled in."""
    values = {
        "python": sys.executable,
        "path": path,
        "served_name": served_name,
        "host": host,
        "port": str(port),
    }
    try:
        args = [arg.format_map(values) for arg in shlex.split(command)]
    except (KeyError, ValueError, IndexError) as exc:
        raise AgentConfigError(
            f"SERVING_COMMAND {command!r} cannot be filled in ({exc}): use only the "
            f"placeholders {', '.join('{' + p + '}' for p in PLACEHOLDERS)}"
        ) from exc
    if not args:
        raise AgentConfigError("SERVING_COMMAND is empty: give the command that starts a server.")
    return args


class ServingAgent:
    def __init__(self, config: AgentConfig) -> None:
        self.config = config
        # Servers this agent process started, by endpoint id; adopted ones are known by pid.
        self._children: dict[int, subprocess.Popen[bytes]] = {}
        headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
        self._http = httpx.Client(timeout=5.0, headers=headers)

    # The loop

    def adopt(self) -> None:
        """After a restart, keep the servers this agent left running and forget the dead ones."""
        for endpoint in self._own_active():
            if self._external or (self._alive(endpoint) and self._answers(endpoint)):
                log.info("adopted the running server of %s", endpoint.version.served_name)
                continue
            self._set(
                endpoint,
                EndpointState.STOPPED,
                error="the server was gone when the serving agent restarted",
            )

    def reconcile(self) -> None:
        """One pass: claim what needs a server, move each server along, switch routes."""
        now = timezone.now()
        ServingEndpoint.objects.filter(agent=self.config.name, state__in=ACTIVE).update(
            heartbeat_at=now
        )
        wanted = versions_wanted()
        for version_id in sorted(wanted):
            self._claim(version_id, now)
        for endpoint in self._own_active():
            self._advance(endpoint, wanted, now)
        for line in settings.LLM_OPENAI_LINES:
            route_advance(line=line)

    def shutdown(self) -> None:
        """Stop every server of this agent; their lines wait for another agent (SERVING_WAIT_S)."""
        for endpoint in self._own_active():
            self._set(endpoint, EndpointState.STOPPED, error="the serving agent stopped")
            self._terminate(endpoint)
        self._http.close()

    # Steps

    @property
    def _external(self) -> bool:
        return self.config.manager == "external"

    def _own_active(self) -> list[ServingEndpoint]:
        return list(
            ServingEndpoint.objects.select_related("version__line").filter(
                agent=self.config.name, state__in=ACTIVE
            )
        )

    def _claim(self, version_id: int, now: datetime) -> None:
        ServingEndpoint.objects.get_or_create(version_id=version_id)
        with transaction.atomic():
            endpoint = (
                ServingEndpoint.objects.select_for_update(of=("self",))
                .select_related("version__line")
                .get(version_id=version_id)
            )
            if endpoint.state in ACTIVE:
                if endpoint.agent == self.config.name or not self._stale(endpoint, now):
                    return
                log.warning(
                    "agent %s stopped sending heartbeats: taking over %s",
                    endpoint.agent,
                    endpoint.version.served_name,
                )
            elif endpoint.state == EndpointState.FAILED and (
                (now - endpoint.state_since).total_seconds() < self.config.retry_s
            ):
                return
            self._start(endpoint, now)

    def _start(self, endpoint: ServingEndpoint, now: datetime) -> None:
        served_name = endpoint.version.served_name
        claim = {"agent": self.config.name, "state_since": now, "heartbeat_at": now}
        claim |= {"ready_at": None, "error": "", "pid": None}
        if self._external:
            url = self.config.external_url.replace("{served_name}", served_name)
            self._save(endpoint, state=EndpointState.STARTING, base_url=url, **claim)
            return
        try:
            port = self._free_port()
            args = command_args(
                self.config.command,
                path=endpoint.version.uri,
                served_name=served_name,
                host=self.config.bind_host,
                port=port,
            )
            process = self._spawn(args, served_name)
        except (OSError, AgentConfigError) as exc:
            claim["error"] = f"cannot start a server: {exc}"
            self._save(endpoint, state=EndpointState.FAILED, **claim)
            log.error("%s: %s", served_name, claim["error"])
            return
        self._children[endpoint.pk] = process
        claim["pid"] = process.pid
        url = f"http://{self.config.advertise_host}:{port}/v1"
        self._save(endpoint, state=EndpointState.STARTING, base_url=url, **claim)
        log.info("starting %s on port %s (pid %s)", served_name, port, process.pid)

    @staticmethod
    def _save(endpoint: ServingEndpoint, **fields: Any) -> None:
        for name, value in fields.items():
            setattr(endpoint, name, value)
        endpoint.save(update_fields=list(fields))

    def _advance(self, endpoint: ServingEndpoint, wanted: set[int], now: datetime) -> None:
        served_name = endpoint.version.served_name
        in_state_s = (now - endpoint.state_since).total_seconds()
        if endpoint.state == EndpointState.STARTING:
            if not self._alive(endpoint):
                self._set(
                    endpoint,
                    EndpointState.FAILED,
                    error=f"the server exited while starting: {self._log_tail(served_name)}",
                )
            elif self._answers(endpoint):
                self._set(endpoint, EndpointState.READY, ready_at=now)
                log.info("%s is ready at %s", served_name, endpoint.base_url)
            elif not self._external and in_state_s > self.config.start_timeout_s:
                self._terminate(endpoint)
                self._set(
                    endpoint,
                    EndpointState.FAILED,
                    error=(
                        f"the server did not answer within {self.config.start_timeout_s:g} s "
                        "(SERVING_START_TIMEOUT_S)"
                    ),
                )
        elif endpoint.state == EndpointState.READY:
            if endpoint.version_id not in wanted:
                self._set(endpoint, EndpointState.DRAINING)
                log.info("draining %s", served_name)
            elif not self._alive(endpoint):
                # Stopped, not failed: the next pass starts it again at once.
                self._set(
                    endpoint,
                    EndpointState.STOPPED,
                    error=f"the server exited while serving: {self._log_tail(served_name)}",
                )
        elif endpoint.state == EndpointState.DRAINING:
            if endpoint.version_id in wanted:
                self._set(endpoint, EndpointState.READY)
            elif in_state_s >= self.config.drain_grace_s and (
                # An external server is not ours to stop: after the grace the operator may.
                self._external or in_state_s >= self.config.drain_max_s or self._idle(endpoint)
            ):
                self._stop_drained(endpoint)

    def _stop_drained(self, endpoint: ServingEndpoint) -> None:
        # Under the row lock, a generation that asked for this version a moment ago either
        # made it wanted again (and it stays) or waits for the stop and then for a new start.
        with transaction.atomic():
            row = ServingEndpoint.objects.select_for_update().get(pk=endpoint.pk)
            if row.state != EndpointState.DRAINING or row.agent != self.config.name:
                return
            if row.version_id in versions_wanted():
                self._set(row, EndpointState.READY)
                return
            self._set(row, EndpointState.STOPPED)
        self._terminate(endpoint)
        log.info("stopped %s", endpoint.version.served_name)

    # Processes and probes

    def _spawn(self, args: list[str], served_name: str) -> subprocess.Popen[bytes]:
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        if self.config.api_key:
            env["VLLM_API_KEY"] = self.config.api_key
        with (self.config.log_dir / f"{served_name}.log").open("ab") as out:
            # Its own session, so stopping it stops the processes it started (vLLM's engine).
            return subprocess.Popen(
                args,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )

    def _free_port(self) -> int:
        taken = {urlsplit(e.base_url).port for e in self._own_active() if e.base_url}
        for port in self.config.ports:
            if port in taken:
                continue
            with socket.socket() as probe:
                try:
                    probe.bind((self.config.bind_host, port))
                except OSError:
                    continue
            return port
        ports = self.config.ports
        raise OSError(f"no free port in SERVING_PORTS {ports[0]}-{ports[-1]}")

    def _alive(self, endpoint: ServingEndpoint) -> bool:
        if self._external:
            return True
        child = self._children.get(endpoint.pk)
        if child is not None:
            return child.poll() is None
        if endpoint.pid is None:
            return False
        try:
            os.kill(endpoint.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def _terminate(self, endpoint: ServingEndpoint) -> None:
        child = self._children.pop(endpoint.pk, None)
        if self._external or endpoint.pid is None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(endpoint.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + _STOP_WAIT_S
            while time.monotonic() < deadline:
                if child is not None and child.poll() is not None:
                    return
                if child is None and not self._alive(endpoint):
                    return
                time.sleep(0.2)
            log.warning("%s did not stop on %s", endpoint.version.served_name, sig.name)

    def _answers(self, endpoint: ServingEndpoint) -> bool:
        """Whether the server lists the version's served name: it is loaded and takes requests."""
        try:
            response = self._http.get(endpoint.base_url.rstrip("/") + "/models")
            names = {model.get("id") for model in response.json().get("data", [])}
        except (httpx.HTTPError, ValueError, AttributeError, TypeError):
            return False
        return response.status_code == 200 and endpoint.version.served_name in names

    def _idle(self, endpoint: ServingEndpoint) -> bool:
        """Whether the server reports no running and no waiting request (unknown is not idle)."""
        root = endpoint.base_url.rstrip("/").removesuffix("/v1")
        try:
            response = self._http.get(root + "/metrics")
        except httpx.HTTPError:
            return False
        if response.status_code != 200:
            return False
        queued: list[float] = []
        for line in response.text.splitlines():
            if line.startswith(_QUEUE_GAUGES):
                try:
                    queued.append(float(line.rsplit(" ", 1)[1]))
                except (IndexError, ValueError):
                    return False
        return bool(queued) and sum(queued) == 0

    def _log_tail(self, served_name: str, size: int = 1500) -> str:
        path = self.config.log_dir / f"{served_name}.log"
        try:
            with path.open("rb") as handle:
                handle.seek(max(0, path.stat().st_size - size))
                tail = handle.read().decode(errors="replace").strip()
        except OSError:
            return "(no log)"
        return f"... {tail}" if tail else "(empty log)"

    def _stale(self, endpoint: ServingEndpoint, now: datetime) -> bool:
        beat = endpoint.heartbeat_at or endpoint.state_since
        return (now - beat).total_seconds() > self.config.stale_s

    def _set(self, endpoint: ServingEndpoint, state: str, **fields: Any) -> None:
        fields.setdefault("error", "")
        ServingEndpoint.objects.filter(pk=endpoint.pk).update(
            state=state, state_since=timezone.now(), **fields
        )
        endpoint.state = state
