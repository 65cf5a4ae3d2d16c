"""Weak-to-strong labelling and the alternating competence/conformity round, on the CPU."""

import json
from pathlib import Path

import pytest

from training.common import Progress, read_jsonl
from training.recipes import alternating, sft, weak_to_strong
from training.tiny import build_tiny_model

PAIRS = [
    {
        "prompt": f"Question {n}: can you help?\n",
        "chosen": "Gladly, here is how.",
        "rejected": "No.",
    }
    for n in range(8)
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_a_weak_model_labels_the_pairs_a_strong_one_learns(base: Path, tmp_path: Path) -> None:
    # The weak model: the base after a little SFT on the courteous answers.
    demos = [{"prompt": p["prompt"], "completion": p["chosen"]} for p in PAIRS]
    weak = sft.run(
        sft.SFTRecipeConfig(
            base_model=str(base),
            train_file=str(write(tmp_path / "demos.jsonl", demos)),
            output_dir=str(tmp_path / "weak"),
            max_steps=15,
            learning_rate=3e-3,
        )
    ).model_dir
    cfg = weak_to_strong.WeakToStrongConfig(
        base_model=str(base),
        weak_model=str(weak),
        train_file=str(write(tmp_path / "pairs.jsonl", PAIRS)),
        output_dir=str(tmp_path / "strong"),
        max_steps=8,
        learning_rate=3e-3,
    )
    result = weak_to_strong.run(cfg)
    assert result.metrics["weak_label_agreement"] == 1.0
    labels = list(read_jsonl(tmp_path / "strong" / "weak_labels.jsonl"))
    assert [r["chosen"] for r in labels] == ["Gladly, here is how."] * 8
    noisy = weak_to_strong.run(
        weak_to_strong.WeakToStrongConfig(
            **{
                **cfg.__dict__,
                "output_dir": str(tmp_path / "noisy"),
                "label_noise": 1.0,
                "max_steps": 1,
            }
        )
    )
    assert noisy.metrics["weak_label_agreement"] == 1.0
    flipped = list(read_jsonl(tmp_path / "noisy" / "weak_labels.jsonl"))
    assert [r["chosen"] for r in flipped] == ["No."] * 8


def test_alternating_rounds_follow_the_difficulty_schedule(base: Path, tmp_path: Path) -> None:
    demos = [{"prompt": f"Add {n} and 1.\n", "completion": str(n + 1)} for n in range(8)]
    cfg = alternating.AlternatingConfig(
        base_model=str(base),
        train_file=str(write(tmp_path / "task.jsonl", demos)),
        conformity_file=str(write(tmp_path / "pairs.jsonl", PAIRS)),
        output_dir=str(tmp_path / "run"),
        difficulty_schedule=(0.5, 1.0),
        competence_steps=4,
        conformity_steps=4,
        learning_rate=3e-3,
    )
    progress: list[Progress] = []
    result = alternating.run(cfg, progress.append)
    assert [p.step for p in progress if p.loss is not None] == list(range(1, 17))
    assert {p.total_steps for p in progress} == {16}
    assert result.metrics == {"round_0_conformity_pairs": 4, "round_1_conformity_pairs": 8}
    assert (result.model_dir / "model.safetensors").is_file()
    # Finished steps are not run again.
    assert alternating.run(cfg).losses == []
