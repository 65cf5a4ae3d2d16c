"""The LLM backends run for real on the tiny model; the platform's own OpenAI-compatible server
(llm.openai_server) stands in for vLLM."""

import importlib.util
import json
import math
import socket
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import torch

from llm.backends import (
    BackendConfig,
    BackendError,
    Completion,
    GenerationParams,
    LLMBackend,
    ModelRef,
    OptionScore,
    Verdict,
    backend_for,
)
from llm.backends.base import option_start
from llm.backends.local import TransformersBackend
from llm.backends.openai_compat import OpenAIBackend
from llm.openai_server import CompletionServer
from training.tiny import build_tiny_model

GREEDY = GenerationParams(max_new_tokens=12, temperature=0)
# Temperature 1 on an untrained model gives varied text, which the stop-string tests need.
SAMPLED = GenerationParams(max_new_tokens=32, temperature=1.0, seed=7)
PROMPTS = ["Hello there", "The judge said"]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("models") / "tiny", seed=0)


@pytest.fixture(scope="module")
def local(tiny_model: Path) -> TransformersBackend:
    config = BackendConfig(device="cpu")
    return TransformersBackend(ModelRef(uri=str(tiny_model), served_name="tiny"), config)


def generate_streaming(
    backend: LLMBackend, prompts: list[str], params: GenerationParams
) -> tuple[list[Completion], dict[int, list[str]]]:
    deltas: dict[int, list[str]] = defaultdict(list)
    completions = backend.generate(prompts, params, on_delta=lambda i, text: deltas[i].append(text))
    return completions, deltas


def a_stop_string(text: str) -> str:
    """Characters from the middle of text, so a run with them as stop string ends early.

    Random bytes are often invalid UTF-8 (decoded as U+FFFD), which makes a poor stop string.
    """
    for length in (2, 1):
        for start in range(3, len(text) - length):
            candidate = text[start : start + length]
            if "\ufffd" not in candidate:
                return candidate
    raise AssertionError(f"no usable stop string in {text!r}")


# GenerationParams


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_new_tokens": 0}, "max_new_tokens must be at least 1"),
        ({"max_new_tokens": 2.5}, "max_new_tokens must be an integer"),
        ({"temperature": -0.1}, "temperature must be 0"),
        ({"temperature": float("nan")}, "temperature must be 0"),
        ({"top_p": 0.0}, r"top_p must be in \(0, 1\]"),
        ({"top_p": 1.5}, r"top_p must be in \(0, 1\]"),
        ({"stop": ["\n"]}, "stop must be a tuple"),
        ({"stop": ("",)}, "every stop string must be a non-empty string"),
        ({"seed": -1}, "seed must be None or an integer"),
        ({"seed": True}, "seed must be None or an integer"),
    ],
)
def test_generation_params_reject_invalid_values(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        GenerationParams(**kwargs)


# Transformers backend


def test_batched_generation_returns_one_completion_per_prompt(local: TransformersBackend) -> None:
    completions = local.generate(PROMPTS, GREEDY)

    assert len(completions) == 2
    for prompt, completion in zip(PROMPTS, completions, strict=True):
        # The byte-level tokenizer makes one token per UTF-8 byte.
        assert completion.prompt_tokens == len(prompt.encode())
        assert 1 <= completion.completion_tokens <= GREEDY.max_new_tokens
        assert completion.finish_reason in {"stop", "length"}


def test_greedy_generation_is_deterministic(local: TransformersBackend) -> None:
    first = local.generate(PROMPTS, GREEDY)

    assert local.generate(PROMPTS, GREEDY) == first
    assert all(completion.text for completion in first)


def test_seeded_sampling_is_reproducible_whatever_the_batch(local: TransformersBackend) -> None:
    [alone] = local.generate(PROMPTS[:1], SAMPLED)
    batched = local.generate(PROMPTS, SAMPLED)
    other_seed = local.generate(PROMPTS[:1], replace(SAMPLED, seed=8))

    assert batched[0] == alone
    assert local.generate(PROMPTS[:1], SAMPLED) == [alone]
    assert other_seed[0].text != alone.text


@pytest.mark.parametrize("params", [GREEDY, SAMPLED], ids=["greedy", "sampled"])
def test_streamed_deltas_add_up_to_the_completion(
    local: TransformersBackend, params: GenerationParams
) -> None:
    completions, deltas = generate_streaming(local, PROMPTS, params)

    assert completions == local.generate(PROMPTS, params)
    for index, completion in enumerate(completions):
        assert "".join(deltas[index]) == completion.text
        assert len(deltas[index]) > 1
        assert all(deltas[index])


@pytest.mark.parametrize("streaming", [False, True], ids=["batch", "stream"])
def test_stop_strings_end_generation_and_are_cut_off(
    local: TransformersBackend, streaming: bool
) -> None:
    [full] = local.generate(PROMPTS[:1], SAMPLED)
    stop = a_stop_string(full.text)
    params = replace(SAMPLED, stop=("never appears", stop))

    if streaming:
        [stopped], deltas = generate_streaming(local, PROMPTS[:1], params)
        assert "".join(deltas[0]) == stopped.text
    else:
        [stopped] = local.generate(PROMPTS[:1], params)

    assert stopped.text == full.text[: full.text.index(stop)]
    assert stopped.finish_reason == "stop"
    assert stopped.completion_tokens < full.completion_tokens


def test_a_missing_model_folder_is_a_backend_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"

    with pytest.raises(BackendError, match=f"model folder {missing} does not exist"):
        TransformersBackend(ModelRef(uri=str(missing), served_name="x"), BackendConfig())


def test_a_hub_id_is_not_fetched_when_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")

    with pytest.raises(BackendError, match="HF_HUB_OFFLINE is set"):
        TransformersBackend(
            ModelRef(uri="co-align/no-such-model", served_name="x"), BackendConfig()
        )


def test_an_unknown_device_is_a_backend_error(tiny_model: Path) -> None:
    with pytest.raises(BackendError, match="device 'gpu0' is not valid"):
        TransformersBackend(
            ModelRef(uri=str(tiny_model), served_name="x"), BackendConfig(device="gpu0")
        )


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a CUDA device")
def test_asking_for_cuda_without_one_is_a_backend_error(tiny_model: Path) -> None:
    with pytest.raises(BackendError, match="torch sees no CUDA device"):
        TransformersBackend(
            ModelRef(uri=str(tiny_model), served_name="x"), BackendConfig(device="cuda")
        )


def test_an_empty_prompt_is_a_backend_error(local: TransformersBackend) -> None:
    with pytest.raises(BackendError, match="prompt 1 is empty"):
        local.generate(["fine", ""], GREEDY)


def test_the_factory_picks_the_configured_backend(tiny_model: Path) -> None:
    model = ModelRef(uri=str(tiny_model), served_name="tiny")

    assert backend_for(model, BackendConfig(kind="transformers", device="cpu")).name == (
        "transformers"
    )
    assert backend_for(model, BackendConfig(kind="openai", openai_base_url="http://h/v1")).name == (
        "openai"
    )
    with pytest.raises(BackendError, match="use one of transformers, openai, vllm"):
        backend_for(model, BackendConfig(kind="llama.cpp"))


@pytest.mark.skipif(importlib.util.find_spec("vllm") is not None, reason="vLLM is installed")
def test_the_vllm_backend_explains_that_vllm_is_missing(tiny_model: Path) -> None:
    with pytest.raises(BackendError, match="vLLM is not installed"):
        backend_for(ModelRef(uri=str(tiny_model), served_name="x"), BackendConfig(kind="vllm"))


# OpenAI-compatible backend, against a server that answers like vLLM's /v1/completions


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


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server_url(local: TransformersBackend) -> Iterator[str]:
    """The platform's own OpenAI-compatible server (llm.openai_server), vLLM's stand-in."""
    with serving(CompletionServer(("127.0.0.1", 0), local, "tiny")) as url:
        yield url


@pytest.fixture
def remote(server_url: str) -> OpenAIBackend:
    config = BackendConfig(kind="openai", openai_base_url=server_url, timeout_s=30)
    return OpenAIBackend(ModelRef(uri="unused", served_name="tiny"), config)


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


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device")
def test_the_transformers_backend_generates_on_cuda(tiny_model: Path) -> None:
    backend = TransformersBackend(
        ModelRef(uri=str(tiny_model), served_name="tiny"), BackendConfig(device="cuda")
    )
    completions, deltas = generate_streaming(backend, PROMPTS, SAMPLED)

    assert backend.generate(PROMPTS, SAMPLED) == completions
    for index, completion in enumerate(completions):
        assert "".join(deltas[index]) == completion.text
        assert 1 <= completion.completion_tokens <= SAMPLED.max_new_tokens


# vLLM engine


@pytest.mark.gpu
def test_vllm_generates_with_the_tiny_model(tiny_model: Path) -> None:
    pytest.importorskip("vllm", reason="vLLM is not installed")
    if not torch.cuda.is_available():
        pytest.skip("vLLM needs a CUDA device")
    from llm.backends.vllm_engine import VLLMBackend

    backend = VLLMBackend(
        ModelRef(uri=str(tiny_model), served_name="tiny"), BackendConfig(kind="vllm")
    )
    completions, deltas = generate_streaming(backend, PROMPTS, GREEDY)

    assert backend.generate(PROMPTS, GREEDY) == completions
    for index, completion in enumerate(completions):
        assert completion.prompt_tokens == len(PROMPTS[index].encode())
        assert 1 <= completion.completion_tokens <= GREEDY.max_new_tokens
        assert "".join(deltas[index]) == completion.text


# Scoring options: log-probabilities of each option's tokens, nothing generated

QUESTIONS = ["Is the reply harmful?\nAnswer:", "The judge said the winner is"]
VERDICT_OPTIONS = [" harmful", " not harmful"]


def test_a_verdict_compares_options_per_token_so_length_alone_does_not_decide() -> None:
    # Every token equally likely: " not harmful" has more tokens, so a larger summed loss.
    short = OptionScore(option=" harmful", logprob=-8 * 5.0, tokens=8)
    long = OptionScore(option=" not harmful", logprob=-12 * 5.0, tokens=12)
    likelier = OptionScore(option=" not harmful", logprob=-12 * 4.0, tokens=12)

    assert Verdict((short, long)).probabilities == [0.5, 0.5]
    assert Verdict((short, likelier)).probabilities == pytest.approx(
        [1 / (1 + math.e), 0.7311], 1e-4
    )
    assert Verdict((short, likelier)).best == 1


@pytest.mark.parametrize(
    ("offsets", "prompt_chars", "start"),
    [
        ([0, 1, 2, 3, 4], 3, 3),  # one token per character
        ([0, 2, 5, 7], 4, 1),  # token 1 runs from the prompt into the option: the option's
        ([0, 1, 2, 2, 2, 3], 2, 2),  # a three-byte character opens the option: all its bytes
        ([0, 0, 3, 6], 3, 2),  # a special token (offset 0) before the text
    ],
)
def test_option_start_finds_the_first_token_holding_the_option(
    offsets: list[int], prompt_chars: int, start: int
) -> None:
    assert option_start(offsets, prompt_chars) == start


def test_an_empty_prompt_cannot_be_scored(local: TransformersBackend) -> None:
    with pytest.raises(BackendError, match="the prompt is empty"):
        local.score([""], [" yes", " no"])


@pytest.mark.parametrize("options", [[" yes"], [" yes", " yes"], [" yes", ""]])
def test_options_must_be_two_or_more_distinct_strings(
    local: TransformersBackend, options: list[str]
) -> None:
    with pytest.raises(ValueError, match="options"):
        local.score(QUESTIONS, options)


def test_the_tiny_model_gives_a_well_defined_verdict_for_every_prompt(
    local: TransformersBackend,
) -> None:
    verdicts = local.score(QUESTIONS, VERDICT_OPTIONS)

    assert len(verdicts) == len(QUESTIONS)
    for verdict in verdicts:
        assert [s.option for s in verdict.scores] == VERDICT_OPTIONS
        # The byte-level tokenizer: one token per byte of the option.
        assert [s.tokens for s in verdict.scores] == [8, 12]
        assert sum(verdict.probabilities) == pytest.approx(1.0)
        assert all(0 < p < 1 for p in verdict.probabilities)
    # Not a constant fallback: different questions give different verdicts.
    assert verdicts[0].probabilities != verdicts[1].probabilities


def test_an_options_score_is_the_sum_of_its_tokens_log_probabilities(
    local: TransformersBackend,
) -> None:
    [verdict] = local.score(QUESTIONS[:1], VERDICT_OPTIONS)
    [read] = local.echo([QUESTIONS[0] + VERDICT_OPTIONS[1]])

    option_logprobs = read.logprobs[-len(VERDICT_OPTIONS[1]) :]
    assert read.logprobs[0] is None
    assert verdict.scores[1].logprob == pytest.approx(sum(option_logprobs), abs=1e-4)  # type: ignore[arg-type]
    # The model's own distribution, not a placeholder: log-probabilities are below 0.
    assert all(lp is not None and lp < 0 for lp in option_logprobs)


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


@pytest.mark.gpu
def test_vllm_scores_options_as_the_transformers_backend_does(
    tiny_model: Path, local: TransformersBackend
) -> None:
    pytest.importorskip("vllm", reason="vLLM is not installed")
    if not torch.cuda.is_available():
        pytest.skip("vLLM needs a CUDA device")
    from llm.backends.vllm_engine import VLLMBackend

    backend = VLLMBackend(
        ModelRef(uri=str(tiny_model), served_name="tiny"), BackendConfig(kind="vllm")
    )

    for got, want in zip(
        backend.score(QUESTIONS, VERDICT_OPTIONS),
        local.score(QUESTIONS, VERDICT_OPTIONS),
        strict=True,
    ):
        assert [s.tokens for s in got.scores] == [s.tokens for s in want.scores]
        assert got.probabilities == pytest.approx(want.probabilities, abs=1e-2)
