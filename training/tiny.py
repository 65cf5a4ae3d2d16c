"""A tiny Llama-shaped causal LM, built from a config with seeded weights, for tests and demos."""

import hashlib
import shutil
import tempfile
from pathlib import Path

import torch
from transformers import (
    GenerationConfig,
    LlamaConfig,
    LlamaForCausalLM,
    PreTrainedTokenizerBase,
)

from training.tokenizer import build_byte_tokenizer

TINY_BASE = "co-align/tiny-llama"

# Files every loader needs; the folder appears by one rename, so having them means complete.
_REQUIRED_FILES = ("config.json", "generation_config.json", "model.safetensors", "tokenizer.json")


def build_tiny_model(out_dir: Path, *, seed: int = 0) -> Path:
    """Build the tiny model and its tokenizer into out_dir and return out_dir.

    The folder appears complete or not at all: everything is written to a sibling temporary
    folder that is then renamed. A folder that already holds a complete model is returned as is,
    whatever seed built it, so out_dir works as a cache key.
    """
    if _is_complete(out_dir):
        return out_dir
    tokenizer = build_byte_tokenizer()
    config = tiny_config(tokenizer)
    # fork_rng: seeding must not change the caller's global random state.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = LlamaForCausalLM(config)
    model.generation_config = GenerationConfig(
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    tokenizer.model_max_length = config.max_position_embeddings

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    # mkdtemp makes the folder private (0700); a model folder is read by other processes.
    staging.chmod(0o755)
    try:
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        # rename(2) is atomic and may replace an empty folder, never a non-empty one.
        staging.rename(out_dir)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        # Losing the race to another process that built the same folder is fine.
        if not _is_complete(out_dir):
            raise
    return out_dir


def tiny_config(tokenizer: PreTrainedTokenizerBase) -> LlamaConfig:
    """The tiny model's shape: 2 layers of width 64 over the tokenizer's vocabulary."""
    return LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        intermediate_size=128,
        max_position_embeddings=1024,
        tie_word_embeddings=True,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )


def model_fingerprint(path: Path) -> str:
    """Return the sha256 hex digest of every file under path, names included, in sorted order."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode())
        digest.update(b"\0")
        with file.open("rb") as handle:
            digest.update(hashlib.file_digest(handle, "sha256").digest())
    return digest.hexdigest()


def _is_complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in _REQUIRED_FILES)
