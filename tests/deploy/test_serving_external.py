"""SERVING_MANAGER=external: operators (or another system) start the version servers at
LLM_OPENAI_BASE_URL; the agent only watches them, and a line moves to its published version
once that version's server answers, whenever the operator starts it."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from accounts.roles import Role
from llm.models import EndpointState, Generation, GenerationStatus
from llm.services import generation_run
from llm.serving_agent import AgentConfig, ServingAgent
from registry.models import ModelVersion
from registry.services import model_version_publish, model_version_register
from tests.deploy.serving import route_of, state_of
from tests.factories import GenerationFactory

pytestmark = pytest.mark.django_db(transaction=True)


class FakeVLLM:
    """One vLLM server per served name, on one port: /<served name>/v1/....

    A server answers only for names in `up`, as a vLLM process that is not started (or already
    stopped) would; streams for names in `held` pause mid-way until `release` is set.
    """

    def __init__(self) -> None:
        self.up: set[str] = set()
        self.held: set[str] = set()
        self.streaming = threading.Event()
        self.release = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                name = self.path.split("/")[1]
                if name not in fake.up or not self.path.endswith("/v1/models"):
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps({"data": [{"id": name}]}).encode())

            def do_POST(self) -> None:
                name = self.path.split("/")[1]
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if name not in fake.up or body["model"] != name or not body["stream"]:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self.event({"choices": [{"text": "served by ", "finish_reason": None}]})
                if name in fake.held:
                    fake.streaming.set()
                    fake.release.wait(30)
                self.event({"choices": [{"text": name, "finish_reason": "stop"}]})
                self.wfile.write(b"data: [DONE]\n\n")

            def event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

            def log_message(self, *args: Any) -> None:
                """Keep test output quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/{{served_name}}/v1"


@pytest.fixture
def vllm(settings: Any) -> Iterator[FakeVLLM]:
    fake = FakeVLLM()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    settings.LLM_OPENAI_LINES = ["debater"]
    settings.SERVING_MANAGER = "external"
    settings.LLM_OPENAI_BASE_URL = fake.url
    settings.SERVING_AGENT_NAME = "watcher"
    settings.SERVING_DRAIN_GRACE_S = 0.0
    yield fake
    fake.release.set()
    fake.server.shutdown()
    fake.server.server_close()


def queued(user: Any, version: ModelVersion, prompt: str) -> Generation:
    return GenerationFactory.create(
        requested_by=user,
        model_version=version,
        prompt=prompt,
        params={"max_new_tokens": 8, "temperature": 0.0},
    )


def test_the_line_moves_once_the_operators_new_server_answers(
    vllm: FakeVLLM, published_lines: list[ModelVersion], make_user: Any
) -> None:
    user = make_user(Role.RESEARCHER)
    v1 = next(v for v in published_lines if v.line.slug == "debater")
    v2 = model_version_register(line=v1.line, base=v1.base, uri=v1.uri)
    agent = ServingAgent(AgentConfig.from_settings())
    vllm.up = {"debater-v1"}
    vllm.held = {"debater-v1"}
    agent.reconcile()
    assert route_of("debater") == v1.pk

    in_flight = queued(user, v1, "started before the switch")
    runner = threading.Thread(target=generation_run, kwargs={"generation_id": in_flight.pk})
    runner.start()
    assert vllm.streaming.wait(30), "the first generation never reached the server"
    # Published before anyone started its server: the line stays on v1 meanwhile.
    model_version_publish(version=v2)
    agent.reconcile()
    assert (route_of("debater"), state_of(v2)) == (v1.pk, EndpointState.STARTING)
    vllm.held.clear()
    before_server = queued(user, v1, "asked while debater-v2 had no server")
    generation_run(generation_id=before_server.pk)

    vllm.up.add("debater-v2")
    agent.reconcile()
    assert route_of("debater") == v2.pk
    vllm.release.set()
    runner.join(30)
    after = queued(user, v1, "asked after the switch")
    generation_run(generation_id=after.pk)
    agent.reconcile()  # debater-v1 is no longer wanted: the operator may stop it

    results = {
        g.prompt: (g.status, g.model_version.number, g.output)
        for g in Generation.objects.select_related("model_version")
    }
    assert results == {
        in_flight.prompt: (GenerationStatus.DONE, 1, "served by debater-v1"),
        before_server.prompt: (GenerationStatus.DONE, 1, "served by debater-v1"),
        after.prompt: (GenerationStatus.DONE, 2, "served by debater-v2"),
    }
    assert state_of(v1) == EndpointState.DRAINING
    agent.reconcile()
    assert state_of(v1) == EndpointState.STOPPED


def test_a_generation_waits_for_its_server_and_then_says_what_to_check(
    vllm: FakeVLLM, published_lines: list[ModelVersion], make_user: Any, settings: Any
) -> None:
    settings.SERVING_WAIT_S = 1.0
    v1 = next(v for v in published_lines if v.line.slug == "debater")
    generation = queued(make_user(Role.RESEARCHER), v1, "nobody serves debater-v1")

    generation_run(generation_id=generation.pk)

    generation.refresh_from_db()
    assert generation.status == GenerationStatus.FAILED
    assert generation.error == (
        "no server for debater-v1 became ready within 1 s: check that a serving agent runs "
        "(manage.py serving_agent) and its log, or raise SERVING_WAIT_S"
    )
