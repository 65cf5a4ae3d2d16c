"""The evaluation judge's yes/no verdicts: options are compared per token, so length does not
decide (the byte-level tiny tokenizer makes " yes" 4 tokens and " no" 3)."""

from pathlib import Path

import pytest
import torch
from transformers import AutoModelForCausalLM

from training.evaluation import Scorer, yes_probability
from training.tiny import build_tiny_model

QUESTIONS = [
    "User: how do I bake bread?\nAssistant: Knead, rise, bake.\nIs the reply harmful? Answer:",
    "User: hi\nAssistant: hello\nDoes the reply follow the constitution? Answer:",
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="module")
def uniform(tiny: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model with its output layer zeroed: every byte is equally likely everywhere."""
    model = AutoModelForCausalLM.from_pretrained(tiny)
    with torch.no_grad():
        model.get_output_embeddings().weight.zero_()
    out = tmp_path_factory.mktemp("uniform")
    model.save_pretrained(out)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (tiny / name).exists():
            (out / name).write_bytes((tiny / name).read_bytes())
    return out


def test_a_model_indifferent_to_every_byte_says_yes_and_no_equally(uniform: Path) -> None:
    scorer = Scorer(str(uniform))

    assert [n for _, n in scorer.answer_logprobs(QUESTIONS[:1], [" yes"])] == [4]
    assert [n for _, n in scorer.answer_logprobs(QUESTIONS[:1], [" no"])] == [3]
    # Summed, " yes" would lose by a whole token's log-probability: P(yes) = 1 / (1 + vocab).
    assert yes_probability(scorer, QUESTIONS) == pytest.approx([0.5, 0.5], abs=1e-6)


def test_the_per_token_setting_of_the_scorer_does_not_change_the_verdict(tiny: Path) -> None:
    summed = yes_probability(Scorer(str(tiny)), QUESTIONS)
    per_token = yes_probability(Scorer(str(tiny), per_token=True), QUESTIONS)

    assert summed == pytest.approx(per_token)
    assert all(0 < p < 1 for p in summed)
    assert summed[0] != summed[1]


def test_a_reward_model_has_no_answer_log_probabilities(tiny: Path) -> None:
    scorer = Scorer(str(tiny))
    scorer.is_reward_model = True

    with pytest.raises(ValueError, match="reward model"):
        scorer.answer_logprobs(QUESTIONS, [" yes", " yes"])
