"""The OpenAI-compatible backend, against a server that answers like vLLM's /v1/completions:
the platform's own (llm.openai_server) on the tiny model, and look-alikes that misbehave."""

import json
import socket
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from llm.backends import BackendConfig, BackendError, GenerationParams, ModelRef
from llm.backends.local import TransformersBackend
from llm.backends.openai_compat import OpenAIBackend
from tests.llm.backend_helpers import (
    GREEDY,
    PROMPTS,
    QUESTIONS,
    SAMPLED,
    VERDICT_OPTIONS,
    a_stop_string,
    generate_streaming,
    serving,
)


class _NulHandler(BaseHTTPRequestHandler):
    """Models emit NUL now and then (the tiny byte-level one does); PostgreSQL refuses it."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if not body["stream"]:
            choice = {"index": 0, "text": "be\x00fore\x00", "finish_reason": "length"}
            data = json.dumps({"choices": [choice], "usage": {}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for text, finish in (("be\x00fore", None), ("\x00", None), ("!", "length")):
            payload = {"choices": [{"index": 0, "text": text, "finish_reason": finish}]}
            self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")

    def log_message(self, *args: Any) -> None:
        """Keep test output quiet."""


@pytest.mark.parametrize("params", [GREEDY, SAMPLED], ids=["greedy", "sampled"])
def test_the_server_returns_what_the_model_generates(
    remote: OpenAIBackend, local: TransformersBackend, params: GenerationParams
) -> None:
    expected = [local.generate([prompt], params)[0] for prompt in PROMPTS]

    assert remote.generate(PROMPTS, params) == expected


def test_streaming_from_the_server_adds_up_to_the_completion(
    remote: OpenAIBackend, local: TransformersBackend
) -> None:
    completions, deltas = generate_streaming(remote, PROMPTS, GREEDY)

    assert completions == [local.generate([prompt], GREEDY)[0] for prompt in PROMPTS]
    for index, completion in enumerate(completions):
        assert "".join(deltas[index]) == completion.text
        assert len(deltas[index]) > 1


def test_nul_characters_never_leave_a_backend() -> None:
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), _NulHandler)) as url:
        config = BackendConfig(kind="openai", openai_base_url=url, timeout_s=30)
        backend = OpenAIBackend(ModelRef(uri="unused", served_name="nul-emitter"), config)
        [plain] = backend.generate(PROMPTS[:1], GREEDY)
        [streamed], deltas = generate_streaming(backend, PROMPTS[:1], GREEDY)

    assert plain.text == "before"
    assert streamed.text == "before!"
    assert "".join(deltas[0]) == streamed.text
    assert all("\x00" not in delta for delta in deltas[0])


def test_stop_strings_reach_the_server(remote: OpenAIBackend, local: TransformersBackend) -> None:
    [full] = local.generate(PROMPTS[:1], SAMPLED)
    stop = a_stop_string(full.text)

    [stopped] = remote.generate(PROMPTS[:1], replace(SAMPLED, stop=(stop,)))

    assert stopped.text == full.text[: full.text.index(stop)]
    assert stopped.finish_reason == "stop"


def test_an_unknown_served_model_is_a_backend_error(server_url: str) -> None:
    config = BackendConfig(kind="openai", openai_base_url=server_url)
    backend = OpenAIBackend(ModelRef(uri="unused", served_name="debater-v9"), config)

    with pytest.raises(BackendError, match=r"HTTP 404.*debater-v9"):
        backend.generate(PROMPTS[:1], GREEDY)


def test_an_unreachable_server_is_a_backend_error_naming_the_url() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    backend = OpenAIBackend(
        ModelRef(uri="unused", served_name="tiny"),
        BackendConfig(kind="openai", openai_base_url=url, timeout_s=5),
    )

    with pytest.raises(BackendError, match=f"cannot reach .* at {url}/completions"):
        backend.generate(PROMPTS[:1], GREEDY)


def test_the_openai_backend_needs_a_base_url() -> None:
    with pytest.raises(BackendError, match="openai_base_url is empty"):
        OpenAIBackend(ModelRef(uri="unused", served_name="tiny"), BackendConfig(kind="openai"))


def test_the_server_scores_options_as_the_local_backend_does(
    remote: OpenAIBackend, local: TransformersBackend
) -> None:
    expected = local.score(QUESTIONS, VERDICT_OPTIONS)

    verdicts = remote.score(QUESTIONS, VERDICT_OPTIONS)

    for got, want in zip(verdicts, expected, strict=True):
        assert [s.option for s in got.scores] == VERDICT_OPTIONS
        assert [s.tokens for s in got.scores] == [s.tokens for s in want.scores]
        assert [s.logprob for s in got.scores] == pytest.approx(
            [s.logprob for s in want.scores], abs=1e-3
        )
        assert got.probabilities == pytest.approx(want.probabilities, abs=1e-4)


def test_the_server_echoes_the_prompt_with_log_probabilities_like_vllm(server_url: str) -> None:
    body = {"model": "tiny", "prompt": "Hi there", "echo": True, "logprobs": 1, "max_tokens": 0}

    answer = httpx.post(server_url + "/completions", json=body, timeout=30)

    assert answer.status_code == 200
    [choice] = answer.json()["choices"]
    assert choice["text"] == "Hi there"
    assert choice["logprobs"]["tokens"] == list("Hi there")
    assert choice["logprobs"]["text_offset"] == list(range(8))
    assert choice["logprobs"]["token_logprobs"][0] is None
    assert all(lp < 0 for lp in choice["logprobs"]["token_logprobs"][1:])
    assert answer.json()["usage"]["prompt_tokens"] == 8


def test_the_server_refuses_logprobs_without_echo(server_url: str) -> None:
    body = {"model": "tiny", "prompt": "Hi", "logprobs": 1, "max_tokens": 2}

    answer = httpx.post(server_url + "/completions", json=body, timeout=30)

    assert answer.status_code == 400
    assert "only with echo" in answer.json()["error"]["message"]


class _NoEchoHandler(BaseHTTPRequestHandler):
    """A server that ignores echo and logprobs and just completes (many OpenAI look-alikes)."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        choice = {"index": 0, "text": " yes", "finish_reason": "length"}
        data = json.dumps({"choices": [choice], "usage": {}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        """Keep test output quiet."""


def test_a_server_that_cannot_score_says_so_in_one_sentence() -> None:
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), _NoEchoHandler)) as url:
        config = BackendConfig(kind="openai", openai_base_url=url, timeout_s=30)
        backend = OpenAIBackend(ModelRef(uri="unused", served_name="no-echo"), config)

        with pytest.raises(BackendError, match=r"returned no log-probabilities .* cannot score"):
            backend.score(QUESTIONS, VERDICT_OPTIONS)
