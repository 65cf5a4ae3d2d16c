"""What every backend shares: generation parameters, the factory, how a verdict is read from
option scores."""

import importlib.util
import math
from pathlib import Path
from typing import Any

import pytest

from llm.backends import (
    BackendConfig,
    BackendError,
    GenerationParams,
    ModelRef,
    OptionScore,
    Verdict,
    backend_for,
)
from llm.backends.base import option_start
from llm.services import backend_config


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


@pytest.mark.parametrize("offline", [True, False])
def test_the_workers_backends_know_from_the_settings_whether_the_hub_is_offline(
    settings: Any, offline: bool
) -> None:
    settings.HF_HUB_OFFLINE = offline

    assert backend_config().hub_offline is offline


@pytest.mark.skipif(importlib.util.find_spec("vllm") is not None, reason="vLLM is installed")
def test_the_vllm_backend_explains_that_vllm_is_missing(tiny_model: Path) -> None:
    with pytest.raises(BackendError, match="vLLM is not installed"):
        backend_for(ModelRef(uri=str(tiny_model), served_name="x"), BackendConfig(kind="vllm"))


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
