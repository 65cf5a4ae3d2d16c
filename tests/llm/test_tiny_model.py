"""The tiny Llama-shaped model and byte-level tokenizer used by tests and demos."""

from pathlib import Path

import pytest
import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    BatchEncoding,
    PreTrainedTokenizerFast,
)

from training.tiny import build_tiny_model, model_fingerprint
from training.tokenizer import build_byte_tokenizer


def test_same_seed_builds_the_same_model(tmp_path: Path) -> None:
    first = build_tiny_model(tmp_path / "a", seed=0)
    second = build_tiny_model(tmp_path / "b", seed=0)
    other = build_tiny_model(tmp_path / "c", seed=1)

    assert model_fingerprint(first) == model_fingerprint(second)
    assert model_fingerprint(first) != model_fingerprint(other)


def test_a_complete_folder_is_returned_without_rebuilding(tmp_path: Path) -> None:
    path = build_tiny_model(tmp_path / "m", seed=0)
    fingerprint = model_fingerprint(path)

    assert build_tiny_model(path, seed=1) == path
    assert model_fingerprint(path) == fingerprint


def test_building_into_an_existing_empty_folder_works(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()

    path = build_tiny_model(tmp_path / "m")

    assert (path / "model.safetensors").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_a_failed_build_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(PreTrainedTokenizerFast, "save_pretrained", disk_full)

    with pytest.raises(OSError, match="No space left"):
        build_tiny_model(tmp_path / "m")
    assert list(tmp_path.iterdir()) == []


def test_the_model_loads_as_a_causal_lm(tmp_path: Path) -> None:
    path = build_tiny_model(tmp_path / "m")

    model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    ids = tokenizer("hi", return_tensors="pt")["input_ids"]
    with torch.no_grad():
        logits = model(ids).logits

    assert model.config.model_type == "llama"
    assert model.config.num_hidden_layers == 2
    assert logits.shape == (1, 2, len(tokenizer))
    assert model.generation_config.eos_token_id == tokenizer.eos_token_id
    assert model.generation_config.pad_token_id == tokenizer.pad_token_id


@pytest.mark.parametrize("text", ["Héllo, 世界 🙂\n", "", "  two leading spaces", "tab\tnul\x00"])
def test_tokenizer_round_trips_any_text(text: str) -> None:
    tokenizer = build_byte_tokenizer()

    ids = tokenizer(text)["input_ids"]

    assert len(ids) == len(text.encode())
    assert tokenizer.decode(ids) == text


def test_tokenizer_has_pad_bos_eos() -> None:
    tokenizer = build_byte_tokenizer()

    assert tokenizer.convert_ids_to_tokens([tokenizer.pad_token_id]) == ["<pad>"]
    assert tokenizer.convert_ids_to_tokens([tokenizer.bos_token_id]) == ["<s>"]
    assert tokenizer.convert_ids_to_tokens([tokenizer.eos_token_id]) == ["</s>"]
    assert len(tokenizer) == 259


def test_chat_template_marks_assistant_turns_for_training() -> None:
    tokenizer = build_byte_tokenizer()
    messages = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]

    prompt = tokenizer.apply_chat_template(messages[:1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(messages, tokenize=False)
    encoded = tokenizer.apply_chat_template(
        messages, return_dict=True, return_assistant_tokens_mask=True
    )

    assert isinstance(prompt, str)
    assert isinstance(full, str)
    assert isinstance(encoded, BatchEncoding)
    assert prompt == "<|user|>\nhi\n<|assistant|>\n"
    assert full == prompt + "yo</s>\n"
    pairs = zip(encoded["input_ids"], encoded["assistant_masks"], strict=True)
    trained = [token for token, in_mask in pairs if in_mask]
    assert tokenizer.decode(trained) == "yo</s>"
