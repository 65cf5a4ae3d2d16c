"""What the training benchmark trains on: a randomly initialised model of a named shape, built
from a config (nothing is downloaded), and random text of an exact token length."""

import random
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from transformers import LlamaForCausalLM, PreTrainedModel, Qwen2Config, Qwen2ForCausalLM

from training.common import write_jsonl
from training.tiny import tiny_config
from training.tokenizer import build_byte_tokenizer


def shape_config(shape: str, tokenizer: Any) -> Callable[[], PreTrainedModel]:
    """A function that builds a randomly initialised model of the named shape."""
    if shape == "tiny":
        config: Any = tiny_config(tokenizer)
        return lambda: LlamaForCausalLM(config)
    if shape == "qwen2-0.5b":
        # Qwen2.5-0.5B's published shape (494M parameters with its 151,936-token vocabulary).
        config = Qwen2Config(
            vocab_size=151936,
            hidden_size=896,
            intermediate_size=4864,
            num_hidden_layers=24,
            num_attention_heads=14,
            num_key_value_heads=2,
            max_position_embeddings=32768,
            rope_parameters={"rope_type": "default", "rope_theta": 1_000_000.0},
            tie_word_embeddings=True,
        )
        return lambda: Qwen2ForCausalLM(config)
    raise SystemExit(f"unknown --shape {shape!r}: choose tiny or qwen2-0.5b")


def build_model(shape: str, folder: Path, *, seed: int) -> tuple[Path, int, int]:
    """Write a random model of `shape` in bf16 (as real checkpoints come) with the byte
    tokenizer; returns (folder, parameter count, input-embedding parameter count)."""
    tokenizer = build_byte_tokenizer()
    torch.manual_seed(seed)
    model = shape_config(shape, tokenizer)()
    for key in ("pad_token_id", "bos_token_id", "eos_token_id"):
        setattr(model.config, key, getattr(tokenizer, key))
        setattr(model.generation_config, key, getattr(tokenizer, key))
    params = model.num_parameters()
    embedding = sum(p.numel() for p in model.get_input_embeddings().parameters())
    model.bfloat16().save_pretrained(folder)
    tokenizer.model_max_length = 1 << 20
    tokenizer.save_pretrained(folder)
    return folder, params, embedding


def random_text(rng: random.Random, tokens: int) -> str:
    # The byte tokenizer makes one token of each ASCII character, so length = tokens.
    return "".join(rng.choices(string.ascii_letters + " ", k=tokens))


def write_data(folder: Path, rows: int, seq: int, seed: int) -> dict[str, Path]:
    """Rows whose prompt + answer + the EOS that TRL appends are `seq` tokens."""
    rng = random.Random(seed)
    prompt_len, answer_len = seq // 2, seq - seq // 2 - 1
    pairs = [
        {
            "prompt": random_text(rng, prompt_len),
            "chosen": random_text(rng, answer_len),
            "rejected": random_text(rng, answer_len),
        }
        for _ in range(rows)
    ]
    sft_rows = [{"prompt": p["prompt"], "completion": p["chosen"]} for p in pairs]
    return {
        "pairs": write_jsonl(folder / "pairs.jsonl", pairs),
        "sft": write_jsonl(folder / "sft.jsonl", sft_rows),
    }
