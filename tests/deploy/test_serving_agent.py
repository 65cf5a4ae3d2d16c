"""The serving agent runs one OpenAI-compatible server per served version (here the platform's
own CPU server in place of `vllm serve`): publishing a version starts its server, the line's
traffic moves only once that server answers, and the old server drains and stops; no
generation fails on the way."""

import os
import signal
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from accounts.roles import Role
from llm.backends import GenerationParams
from llm.models import EndpointState, Generation, GenerationStatus, ServingEndpoint
from llm.openai_server import SERVING_COMMAND
from llm.services import backend_for_version, generation_run
from llm.serving import serving_version
from llm.serving_agent import AgentConfig, ServingAgent
from registry.models import ModelVersion
from registry.services import model_version_publish, model_version_register
from signalpool.models import Signal
from tests.conftest import free_port
from tests.deploy.serving import (
    Load,
    agent_running,
    alive,
    route_of,
    state_of,
    wait_until,
)
from tests.factories import GenerationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def served(settings: Any, tmp_path: Path) -> None:
    first = free_port()
    settings.LLM_OPENAI_LINES = ["debater"]
    settings.SERVING_MANAGER = "agent"
    settings.SERVING_COMMAND = SERVING_COMMAND
    settings.SERVING_AGENT_NAME = "agent-under-test"
    settings.SERVING_BIND_HOST = settings.SERVING_ADVERTISE_HOST = "127.0.0.1"
    settings.SERVING_PORTS = range(first, first + 16)
    settings.SERVING_DRAIN_GRACE_S = 1.0
    settings.SERVING_IDLE_S = 3.0
    settings.SERVING_WAIT_S = 120.0
    settings.DATA_DIR = tmp_path


@pytest.fixture
def v1(served: None, published_lines: list[ModelVersion]) -> ModelVersion:
    return next(v for v in published_lines if v.line.slug == "debater")


def successor(version: ModelVersion, uri: str = "") -> ModelVersion:
    return model_version_register(
        line=version.line, base=version.base, uri=uri or version.uri, parent=version
    )


def test_publishing_moves_traffic_once_the_new_server_answers_and_fails_nothing(
    v1: ModelVersion, make_user: Any
) -> None:
    user = make_user(Role.RESEARCHER)
    with agent_running():
        wait_until(lambda: route_of("debater") == v1.pk, "debater-v1 serves the line")
        v2 = successor(v1)
        with Load(user, v1):
            wait_until(lambda: Generation.objects.count() >= 3, "generations ran on v1")
            model_version_publish(version=v2)
            # Published, but its server is still loading: the line stays on v1.
            assert serving_version(line="debater") == v1
            wait_until(lambda: route_of("debater") == v2.pk, "the line moved to debater-v2")
            switched = Generation.objects.count()
            wait_until(lambda: Generation.objects.count() >= switched + 3, "v2 generations")
            wait_until(lambda: state_of(v1) == EndpointState.STOPPED, "debater-v1 stopped")

    generations = list(Generation.objects.select_related("model_version"))
    assert [g for g in generations if g.status != GenerationStatus.DONE] == []
    assert {g.model_version_id for g in generations} == {v1.pk, v2.pk}
    old, new = ServingEndpoint.objects.get(version=v1), ServingEndpoint.objects.get(version=v2)
    route_switched = v2.routes.get().switched_at
    assert new.ready_at is not None
    assert new.ready_at <= route_switched
    on_v2 = [g.started_at for g in generations if g.model_version_id == v2.pk]
    assert all(started is not None and started >= new.ready_at for started in on_v2)
    # v1 stopped only after traffic left it, and its server process is gone.
    assert old.state_since > route_switched
    assert old.pid is not None
    assert not alive(old.pid)
    # Provenance names the version whose server produced each output.
    sources = dict(
        Signal.objects.filter(item_type="llm.generation").values_list("item_id", "source_model")
    )
    assert sources == {str(g.pk): g.model_version_id for g in generations}


def test_a_version_whose_server_cannot_start_never_gets_traffic(
    v1: ModelVersion, make_user: Any, tmp_path: Path
) -> None:
    broken = successor(v1, uri=str(tmp_path / "weights-never-copied"))
    with agent_running():
        wait_until(lambda: route_of("debater") == v1.pk, "debater-v1 serves the line")
        model_version_publish(version=broken)
        wait_until(lambda: state_of(broken) == EndpointState.FAILED, "the broken server failed")
        generation = GenerationFactory.create(
            requested_by=make_user(Role.RESEARCHER), model_version=broken, prompt="still answered"
        )
        generation_run(generation_id=generation.pk)

    generation.refresh_from_db()
    assert (generation.status, generation.model_version_id) == (GenerationStatus.DONE, v1.pk)
    assert route_of("debater") == v1.pk
    error = ServingEndpoint.objects.get(version=broken).error
    assert error.startswith("the server exited while starting: ")
    assert "weights-never-copied does not exist" in error


def test_a_version_asked_for_by_name_is_served_until_idle(v1: ModelVersion) -> None:
    """A debate keeps the debater version it started with, even once the line moved on."""
    older = successor(v1)
    with agent_running():
        wait_until(lambda: route_of("debater") == v1.pk, "debater-v1 serves the line")
        [completion] = backend_for_version(older).generate(
            ["Argue for answer A."], GenerationParams(max_new_tokens=4, temperature=0)
        )
        assert completion.completion_tokens == 4
        assert state_of(older) == EndpointState.READY
        # SERVING_IDLE_S (3 s) after its last request it drains and stops; v1 stays.
        wait_until(lambda: state_of(older) == EndpointState.STOPPED, "the idle server stopped")
        assert state_of(v1) == EndpointState.READY
    assert route_of("debater") == v1.pk


def test_a_restarted_agent_keeps_live_servers_and_restarts_dead_ones(v1: ModelVersion) -> None:
    with agent_running() as first:
        wait_until(lambda: state_of(v1) == EndpointState.READY, "debater-v1 is ready")
        first.halt(shutdown=False)  # the agent dies; its server does not
        pid = ServingEndpoint.objects.get(version=v1).pid
        assert pid is not None
        assert alive(pid)

        again = ServingAgent(AgentConfig.from_settings())
        again.adopt()
        assert (state_of(v1), ServingEndpoint.objects.get(version=v1).pid) == ("ready", pid)

        os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)  # this test process started it, so it reaps it
        again.reconcile()  # notices the exit
        assert state_of(v1) == EndpointState.STOPPED
        again.reconcile()  # and starts it again
        restarted = ServingEndpoint.objects.get(version=v1)
        assert restarted.state == EndpointState.STARTING
        assert restarted.pid != pid

        def ready() -> bool:
            again.reconcile()
            return state_of(v1) == EndpointState.READY

        wait_until(ready, "the restarted server is ready")
        again.shutdown()
    restarted.refresh_from_db()
    assert restarted.state == EndpointState.STOPPED
    assert restarted.pid is not None
    assert not alive(restarted.pid)


def test_servers_of_an_agent_that_stopped_beating_are_taken_over(
    v1: ModelVersion, settings: Any
) -> None:
    ServingEndpoint.objects.create(
        version=v1, agent="gone-host", state=EndpointState.READY, base_url="http://gone:1/v1"
    )
    agent = ServingAgent(AgentConfig.from_settings())
    agent.reconcile()
    assert ServingEndpoint.objects.get(version=v1).agent == "gone-host"  # still beating

    ServingEndpoint.objects.filter(version=v1).update(heartbeat_at=None, state_since=_long_ago())
    agent.reconcile()
    taken = ServingEndpoint.objects.get(version=v1)
    agent.shutdown()

    assert (taken.agent, taken.state) == ("agent-under-test", EndpointState.STARTING)
    assert taken.base_url.startswith("http://127.0.0.1:")


def _long_ago() -> datetime:
    return timezone.now() - timedelta(hours=1)


def test_a_generation_in_flight_on_the_old_server_finishes_there(
    v1: ModelVersion, make_user: Any
) -> None:
    """The old server drains: it stops only once it reports no running request."""
    with agent_running():
        wait_until(lambda: route_of("debater") == v1.pk, "debater-v1 serves the line")
        v2 = successor(v1)
        # Asked for by name first, so its server is up before the switch and the switch
        # happens while the long generation below still runs on v1.
        backend_for_version(v2).generate(["warm up"], GenerationParams(max_new_tokens=1))
        long = GenerationFactory.create(
            requested_by=make_user(Role.RESEARCHER),
            model_version=v1,
            prompt="A long answer, please.",
            # Greedy decoding never meets EOS on the tiny model: 2000 tokens, seconds of work.
            params={"max_new_tokens": 2000, "temperature": 0.0},
        )
        runner = threading.Thread(target=generation_run, kwargs={"generation_id": long.pk})
        runner.start()
        wait_until(
            lambda: Generation.objects.get(pk=long.pk).status == GenerationStatus.RUNNING,
            "the long generation started",
        )
        model_version_publish(version=v2)
        wait_until(lambda: state_of(v1) == EndpointState.DRAINING, "debater-v1 drains")
        assert Generation.objects.get(pk=long.pk).status == GenerationStatus.RUNNING
        runner.join(300)
        wait_until(lambda: state_of(v1) == EndpointState.STOPPED, "debater-v1 stopped")

    long.refresh_from_db()
    assert (long.status, long.model_version_id, long.error) == (GenerationStatus.DONE, v1.pk, "")
    assert long.finished_at is not None
    assert ServingEndpoint.objects.get(version=v1).state_since >= long.finished_at
