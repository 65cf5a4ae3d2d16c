"""Training precision, per-row weights and timed checkpoints in the recipes (tiny model, CPU)."""

import json
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM

from training.common import row_weights
from training.evaluation import Pair, Scorer, preference_accuracy
from training.recipes import dpo, sft
from training.tiny import build_tiny_model


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="module")
def bf16_base(base: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model saved in bf16, as real base models are published."""
    folder = tmp_path_factory.mktemp("bf16") / "model"
    AutoModelForCausalLM.from_pretrained(base, dtype=torch.bfloat16).save_pretrained(folder)
    for file in base.iterdir():
        if file.suffix != ".safetensors" and file.name != "config.json":
            (folder / file.name).write_bytes(file.read_bytes())
    return folder


def write_rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def changed_share(before: Path, after: Path) -> float:
    """Share of weight elements that differ between two saved models (compared in fp32)."""
    old, new = load_file(before / "model.safetensors"), load_file(after / "model.safetensors")
    changed = total = 0
    for name, tensor in old.items():
        diff = tensor.float() != new[name].float()
        changed += int(diff.sum())
        total += diff.numel()
    return changed / total


PAIRS = [
    {"prompt": f"Question {n}: can you help?\n", "chosen": "Gladly, here it is.", "rejected": "No."}
    for n in range(8)
]


def small_dpo(base: Path, train: Path, out: Path, **fields: object) -> dpo.DPORecipeConfig:
    settings: dict = {"max_steps": 4, "batch_size": 4, "learning_rate": 1e-5, **fields}
    return dpo.DPORecipeConfig(
        base_model=str(base), train_file=str(train), output_dir=str(out), **settings
    )


def test_a_bf16_checkpoint_trains_with_fp32_master_weights(bf16_base: Path, tmp_path: Path) -> None:
    # lr 1e-5 for four Adam steps moves each weight by about 4e-5, below bf16's resolution
    # for weights of this size: in bf16 most updates round away, in fp32 they all land.
    train = write_rows(tmp_path / "train.jsonl", PAIRS)
    result = dpo.run(small_dpo(bf16_base, train, tmp_path / "fp32"))
    saved = load_file(result.model_dir / "model.safetensors")
    assert all(t.dtype == torch.float32 for t in saved.values())
    assert changed_share(bf16_base, result.model_dir) > 0.9

    pure = dpo.run(small_dpo(bf16_base, train, tmp_path / "pure", precision="bf16_pure"))
    assert changed_share(bf16_base, pure.model_dir) < 0.5


def test_an_unknown_precision_is_refused(base: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="precision"):
        small_dpo(base, tmp_path / "none.jsonl", tmp_path / "run", precision="fp8")


def test_rows_of_weight_zero_are_never_trained_on(base: Path, tmp_path: Path) -> None:
    # Half the rows state the opposite preference; only their weight tells them apart.
    rows = [{**p, "weight": 1.0} for p in PAIRS] + [
        {"prompt": p["prompt"], "chosen": p["rejected"], "rejected": p["chosen"], "weight": 0.0}
        for p in PAIRS
    ]
    train = write_rows(tmp_path / "train.jsonl", rows)
    cfg = small_dpo(base, train, tmp_path / "run", max_steps=8, learning_rate=1e-2)
    result = dpo.run(cfg)
    pairs = [Pair(p["prompt"], p["chosen"], p["rejected"]) for p in PAIRS]
    assert preference_accuracy(Scorer(str(result.model_dir)), pairs, Scorer(str(base))) == 1.0


def test_row_weights_are_read_only_when_they_differ(tmp_path: Path) -> None:
    assert row_weights(write_rows(tmp_path / "a.jsonl", PAIRS)) is None
    same = [{**p, "weight": 0.7} for p in PAIRS]
    assert row_weights(write_rows(tmp_path / "b.jsonl", same)) is None
    mixed = [{**p, "weight": 0.5 + i} for i, p in enumerate(PAIRS)]
    assert row_weights(write_rows(tmp_path / "c.jsonl", mixed)) == [0.5 + i for i in range(8)]
    with pytest.raises(ValueError, match="finite number"):
        row_weights(write_rows(tmp_path / "d.jsonl", [{**PAIRS[0], "weight": -1}]))


def test_checkpoints_follow_the_clock_when_no_step_interval_is_given(
    base: Path, tmp_path: Path
) -> None:
    rows = [{"prompt": p["prompt"], "completion": p["chosen"]} for p in PAIRS]
    train = write_rows(tmp_path / "train.jsonl", rows)

    def run(name: str, minutes: float) -> list[str]:
        cfg = sft.SFTRecipeConfig(
            base_model=str(base),
            train_file=str(train),
            output_dir=str(tmp_path / name),
            max_steps=4,
            save_minutes=minutes,
        )
        sft.run(cfg)
        folder = tmp_path / name / "checkpoints"
        return sorted(p.name for p in folder.glob("checkpoint-*")) if folder.is_dir() else []

    # Every step is past a zero-minute interval (the last step saves the model instead).
    assert run("often", 0.0) == ["checkpoint-2", "checkpoint-3"]  # save_total_limit keeps two
    assert run("rarely", 60.0) == []
