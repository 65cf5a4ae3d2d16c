"""Publishing a version switches generation for its line to the new version with no failed
request: lines in LLM_OPENAI_LINES go to an OpenAI-compatible server per served version (the
"{served_name}" in LLM_OPENAI_BASE_URL), a generation runs on the version published when it
starts, and one already running finishes on the server it started on."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from accounts.roles import Role
from llm.models import Generation, GenerationStatus
from llm.services import backend_for_version, generation_run
from registry.models import ModelVersion
from registry.services import model_version_publish, model_version_register
from signalpool.models import Signal

pytestmark = pytest.mark.django_db(transaction=True)


class FakeVLLM:
    """One vLLM server per served name, on one port: /<served name>/v1/completions.

    A server answers only for names in `up`, as a vLLM process that is not started (or already
    stopped) would; streams for names in `held` pause mid-way until `release` is set.
    """

    def __init__(self) -> None:
        self.up: set[str] = set()
        self.held: set[str] = set()
        self.streaming = threading.Event()
        self.release = threading.Event()
        self.served: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
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
                self.event({"choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 2}})
                self.wfile.write(b"data: [DONE]\n\n")
                fake.served.append(name)

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
    settings.LLM_OPENAI_BASE_URL = fake.url
    yield fake
    fake.release.set()
    fake.server.shutdown()
    fake.server.server_close()


def queued(user: Any, version: ModelVersion, prompt: str) -> Generation:
    return Generation.objects.create(
        requested_by=user,
        model_version=version,
        prompt=prompt,
        params={"max_new_tokens": 8, "temperature": 0.0},
    )


def test_only_the_listed_lines_go_to_the_openai_server(
    vllm: FakeVLLM, published_lines: list[ModelVersion]
) -> None:
    by_line = {v.line.slug: v for v in published_lines}

    assert backend_for_version(by_line["debater"]).name == "openai"
    assert backend_for_version(by_line["judge"]).name == "transformers"


def test_publishing_switches_generation_without_failing_any(
    vllm: FakeVLLM, published_lines: list[ModelVersion], make_user: Any
) -> None:
    user = make_user(Role.RESEARCHER)
    v1 = next(v for v in published_lines if v.line.slug == "debater")
    v2 = model_version_register(line=v1.line, base=v1.base, uri=v1.uri)
    vllm.up = {"debater-v1"}
    vllm.held = {"debater-v1"}
    in_flight = queued(user, v1, "started before the switch")
    waiting = queued(user, v1, "queued before the switch, started after it")
    runner = threading.Thread(target=generation_run, kwargs={"generation_id": in_flight.pk})
    runner.start()
    assert vllm.streaming.wait(30), "the first generation never reached the server"

    # The switch: the new version's server is ready first, then the version is published.
    vllm.up.add("debater-v2")
    model_version_publish(version=v2)
    vllm.release.set()
    runner.join(30)
    generation_run(generation_id=waiting.pk)
    # The old server is stopped once nothing runs on it; new requests never need it.
    vllm.up.discard("debater-v1")
    after = queued(user, v1, "asked for the line after the switch")
    generation_run(generation_id=after.pk)

    results = {
        g.prompt: (g.status, g.model_version.number, g.output, g.error)
        for g in Generation.objects.select_related("model_version")
    }
    assert results == {
        in_flight.prompt: (GenerationStatus.DONE, 1, "served by debater-v1", ""),
        waiting.prompt: (GenerationStatus.DONE, 2, "served by debater-v2", ""),
        after.prompt: (GenerationStatus.DONE, 2, "served by debater-v2", ""),
    }
    assert vllm.served == ["debater-v1", "debater-v2", "debater-v2"]
    # Provenance names the version that really produced each output.
    signals = Signal.objects.filter(item_type="llm.generation")
    sources = {s.item_id: s.source_model_id for s in signals}
    assert sources == {str(in_flight.pk): v1.pk, str(waiting.pk): v2.pk, str(after.pk): v2.pk}


def test_a_version_whose_server_is_not_up_fails_with_the_servers_answer(
    vllm: FakeVLLM, published_lines: list[ModelVersion], make_user: Any
) -> None:
    """Why the order matters: publishing before the new server is ready fails generations."""
    v1 = next(v for v in published_lines if v.line.slug == "debater")
    generation = queued(make_user(Role.RESEARCHER), v1, "nobody serves debater-v1")

    generation_run(generation_id=generation.pk)

    generation.refresh_from_db()
    assert generation.status == GenerationStatus.FAILED
    assert "/debater-v1/v1/completions answered HTTP 404" in generation.error
