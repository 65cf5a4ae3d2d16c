"""`python -m llm.openai_server` as the serving agent runs it: a process speaking the part of
vLLM's server the platform uses (models, completions, health, request gauges, API key)."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from llm.backends import BackendConfig, BackendError, GenerationParams, ModelRef
from llm.backends.openai_compat import OpenAIBackend
from tests.conftest import ROOT, free_port
from training.tiny import build_tiny_model

KEY = "test-key"


def server_command(model: Path | str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "llm.openai_server",
        str(model),
        "--served-name",
        "judge-v3",
        "--port",
        str(port),
        "--device",
        "cpu",
    ]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    model = build_tiny_model(tmp_path_factory.mktemp("models") / "tiny", seed=0)
    port = free_port()
    proc = subprocess.Popen(
        server_command(model, port),
        cwd=ROOT,
        env=_env(VLLM_API_KEY=KEY),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    root = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(root + "/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
            time.sleep(0.2)
    else:
        pytest.fail("llm.openai_server did not start within 120 s")
    yield root
    proc.terminate()
    proc.wait(timeout=20)


def _env(**extra: str) -> dict[str, str]:
    pythonpath = f"{ROOT}{os.pathsep}{ROOT / 'platform'}"
    return {**os.environ, "PYTHONPATH": pythonpath, "HF_HUB_OFFLINE": "1", **extra}


def backend(root: str, key: str = KEY) -> OpenAIBackend:
    config = BackendConfig(kind="openai", openai_base_url=root + "/v1", openai_api_key=key)
    return OpenAIBackend(ModelRef(uri="unused", served_name="judge-v3"), config)


def test_it_lists_its_served_name_to_a_client_with_the_key(server: str) -> None:
    answer = httpx.get(server + "/v1/models", headers={"Authorization": f"Bearer {KEY}"})

    assert answer.status_code == 200
    assert [model["id"] for model in answer.json()["data"]] == ["judge-v3"]


def test_without_the_key_v1_answers_401(server: str) -> None:
    assert httpx.get(server + "/v1/models").status_code == 401
    with pytest.raises(BackendError, match="HTTP 401"):
        backend(server, key="wrong").generate(["Hi"], GenerationParams(max_new_tokens=2))


def test_it_completes_streamed_and_not(server: str) -> None:
    params = GenerationParams(max_new_tokens=6, temperature=0)
    deltas: list[str] = []

    [plain] = backend(server).generate(["The judge"], params)
    [streamed] = backend(server).generate(["The judge"], params, lambda _, d: deltas.append(d))

    assert plain == streamed
    assert "".join(deltas) == streamed.text
    assert streamed.completion_tokens == 6


def test_it_serves_the_prompt_log_probabilities_that_option_scoring_reads(server: str) -> None:
    [verdict] = backend(server).score(["Is the reply harmful? Answer:"], [" yes", " no"])

    assert [s.tokens for s in verdict.scores] == [4, 3]  # one token per byte
    assert all(s.logprob < 0 for s in verdict.scores)
    assert sum(verdict.probabilities) == pytest.approx(1.0)


def test_it_reports_vllms_request_gauges_at_zero_when_idle(server: str) -> None:
    metrics = httpx.get(server + "/metrics").text

    assert 'vllm:num_requests_running{model_name="judge-v3"} 0' in metrics
    assert 'vllm:num_requests_waiting{model_name="judge-v3"} 0' in metrics


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"model": "judge-v2", "prompt": "x"}, 404, "The model `judge-v2` does not exist."),
        ({"model": "judge-v3", "prompt": 5}, 400, "prompt must be a string"),
        ({"model": "judge-v3", "prompt": "x", "max_tokens": 0}, 400, "at least 1"),
    ],
)
def test_bad_requests_get_the_status_and_message_vllm_would_give(
    server: str, body: dict[str, object], status: int, message: str
) -> None:
    answer = httpx.post(
        server + "/v1/completions", json=body, headers={"Authorization": f"Bearer {KEY}"}
    )

    assert answer.status_code == status
    assert message in answer.json()["error"]["message"]


def test_a_missing_model_folder_exits_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        server_command(tmp_path / "nothing-here", free_port()),
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"llm.openai_server: model folder {tmp_path / 'nothing-here'} does not exist: "
        "build or download the model there, or fix the model version's uri"
    ]
