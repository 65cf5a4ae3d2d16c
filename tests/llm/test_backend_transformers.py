"""The transformers backend generates and scores on the tiny model for real."""

from dataclasses import replace
from pathlib import Path

import pytest
import torch

from llm.backends import BackendConfig, BackendError, GenerationParams, ModelRef
from llm.backends.local import TransformersBackend
from tests.llm.backend_helpers import (
    GREEDY,
    PROMPTS,
    QUESTIONS,
    SAMPLED,
    VERDICT_OPTIONS,
    a_stop_string,
    generate_streaming,
)


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


def test_a_hub_id_is_not_fetched_when_offline() -> None:
    with pytest.raises(BackendError, match="HF_HUB_OFFLINE is set"):
        TransformersBackend(
            ModelRef(uri="co-align/no-such-model", served_name="x"),
            BackendConfig(hub_offline=True),
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
