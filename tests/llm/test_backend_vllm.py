"""The vLLM engine backend generates and scores as the transformers backend does (on a GPU
host with vLLM installed)."""

from pathlib import Path

import pytest
import torch

from llm.backends import BackendConfig, ModelRef
from llm.backends.local import TransformersBackend
from tests.llm.backend_helpers import (
    GREEDY,
    PROMPTS,
    QUESTIONS,
    VERDICT_OPTIONS,
    generate_streaming,
)


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
