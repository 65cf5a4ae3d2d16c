"""Each recipe trains the tiny model on the CPU: the loss falls and the saved model loads."""

import json
from pathlib import Path

import pytest

from training.common import Progress
from training.evaluation import Pair, Scorer, llmbar_accuracy, preference_accuracy
from training.recipes import dpo, reward, sft
from training.tiny import build_tiny_model

ROOT = Path(__file__).resolve().parents[2]
# A courteous answer is preferred to a curt one, whatever the question.
PAIRS = [
    {
        "prompt": f"Question {n}: can you help?\n",
        "chosen": "Gladly, here is how.",
        "rejected": "No.",
        "completion": "Gladly, here is how.",
    }
    for n in range(8)
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture
def train_file(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in PAIRS))
    return path


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def falls(losses: list[tuple[int, float]]) -> bool:
    values = [loss for _, loss in losses]
    return mean(values[-3:]) < mean(values[:3])


def test_sft_learns_its_completions(base: Path, train_file: Path, tmp_path: Path) -> None:
    cfg = sft.SFTRecipeConfig(
        base_model=str(base),
        train_file=str(train_file),
        output_dir=str(tmp_path / "run"),
        max_steps=15,
        learning_rate=3e-3,
    )
    result = sft.run(cfg)
    assert falls(result.losses)
    assert result.model_dir == tmp_path / "run" / "model"
    assert (result.model_dir / "model.safetensors").is_file()


def test_dpo_moves_towards_the_chosen_answers(base: Path, train_file: Path, tmp_path: Path) -> None:
    cfg = dpo.DPORecipeConfig(
        base_model=str(base),
        train_file=str(train_file),
        output_dir=str(tmp_path / "run"),
        max_steps=15,
        learning_rate=3e-3,
        beta=0.5,
    )
    progress: list[Progress] = []
    result = dpo.run(cfg, on_progress=progress.append)
    assert falls(result.losses)
    assert [p.step for p in progress if p.loss is not None] == list(range(1, 16))
    assert progress[-1].total_steps == 15
    pairs = [Pair(r["prompt"], r["chosen"], r["rejected"]) for r in PAIRS]
    # DPO's implicit reward, measured against the model it started from, ranks the pairs.
    assert preference_accuracy(Scorer(str(result.model_dir)), pairs, Scorer(str(base))) == 1.0


def test_reward_model_learns_to_rank(base: Path, train_file: Path, tmp_path: Path) -> None:
    cfg = reward.RewardRecipeConfig(
        base_model=str(base),
        train_file=str(train_file),
        output_dir=str(tmp_path / "run"),
        max_steps=20,
        learning_rate=3e-3,
    )
    result = reward.run(cfg)
    assert falls(result.losses)
    scorer = Scorer(str(result.model_dir))
    assert scorer.is_reward_model
    pairs = [Pair(r["prompt"], r["chosen"], r["rejected"]) for r in PAIRS]
    accuracy = preference_accuracy(scorer, pairs)
    assert accuracy is not None
    assert accuracy >= 0.75


def test_a_rerun_resumes_from_the_last_complete_checkpoint(
    base: Path, train_file: Path, tmp_path: Path
) -> None:
    cfg = sft.SFTRecipeConfig(
        base_model=str(base),
        train_file=str(train_file),
        output_dir=str(tmp_path / "run"),
        max_steps=6,
        save_steps=3,
    )
    sft.run(cfg)
    checkpoints = tmp_path / "run" / "checkpoints"
    # As if killed while writing checkpoint 6: its trainer_state.json never appeared.
    (checkpoints / "checkpoint-6" / "trainer_state.json").unlink()
    result = sft.run(cfg)
    assert result.resumed_from_step == 3
    assert [step for step, _ in result.losses] == [4, 5, 6]


def test_llmbar_accuracy_per_subset(base: Path) -> None:
    accuracy = llmbar_accuracy(
        Scorer(str(base), max_length=128), ROOT / "data" / "llmbar", max_per_subset=4
    )
    assert set(accuracy) == {
        "Natural",
        "Adversarial_Neighbor",
        "Adversarial_GPTInst",
        "Adversarial_GPTOut",
        "Adversarial_Manual",
        "overall",
    }
    assert all(0.0 <= v <= 1.0 for v in accuracy.values())


def test_lora_adapters_are_merged_into_a_plain_model(
    base: Path, train_file: Path, tmp_path: Path
) -> None:
    cfg = dpo.DPORecipeConfig(
        base_model=str(base),
        train_file=str(train_file),
        output_dir=str(tmp_path / "run"),
        max_steps=8,
        learning_rate=1e-2,
        lora_r=4,
    )
    result = dpo.run(cfg)
    assert falls(result.losses)
    # A merged model loads without peft and differs from the base weights.
    assert not (result.model_dir / "adapter_config.json").exists()
    pairs = [Pair(r["prompt"], r["chosen"], r["rejected"]) for r in PAIRS]
    assert preference_accuracy(Scorer(str(result.model_dir)), pairs, Scorer(str(base))) == 1.0


@pytest.mark.skipif(
    not __import__("torch").cuda.is_available(), reason="needs a CUDA GPU (bf16 training path)"
)
def test_bf16_with_gradient_checkpointing_on_a_gpu(
    base: Path, train_file: Path, tmp_path: Path
) -> None:
    cfg = dpo.DPORecipeConfig(
        base_model=str(base),
        train_file=str(train_file),
        output_dir=str(tmp_path / "run"),
        max_steps=10,
        learning_rate=3e-3,
        precision="bf16_mixed",
        gradient_checkpointing=True,
    )
    result = dpo.run(cfg)
    assert falls(result.losses)
    assert (result.model_dir / "model.safetensors").is_file()
