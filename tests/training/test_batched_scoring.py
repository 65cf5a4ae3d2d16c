"""The scorer's batches (rows sorted by length, right-padded, masked) give each row the numbers
that scoring it alone, unpadded, gives: on the tiny model, as log-probabilities and as a reward
model's scores."""

from pathlib import Path

import pytest
import torch
from transformers import (
    AutoModelForCausalLM,
    AutoModelForSequenceClassification,
    AutoTokenizer,
    LlamaForSequenceClassification,
)

from training.evaluation import Pair, Scorer, ThreadChoice, pair_margins, subsets_accuracy
from training.tiny import build_tiny_model, tiny_config

MAX_LENGTH = 64
# Lengths in no order, so that sorting reorders them across batches of 3; an empty prompt (the
# answer's first token has nothing to be predicted from); a prompt trimmed from the left and an
# answer trimmed to MAX_LENGTH - 1 tokens.
ROWS = [
    ("User: hi\nAssistant:", " hello there"),
    ("", "a reply with no prompt before it"),
    ("Question: " + "why is the sky blue? " * 8, " Rayleigh scattering."),
    ("Q: 2+2?\nA:", " 4"),
    ("Summarise: the cat sat on the mat.\n", " A cat sat." + " And sat." * 12),
    ("x", " y"),
    ("Tell me a story.\n", " Once upon a time, a byte met a token and they got along."),
]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="module")
def reward(tiny: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model's shape with a scalar head: what the reward recipe saves."""
    tokenizer = AutoTokenizer.from_pretrained(tiny)
    config = tiny_config(tokenizer)
    config.num_labels = 1
    config.architectures = ["LlamaForSequenceClassification"]
    torch.manual_seed(1)
    out = tmp_path_factory.mktemp("reward")
    LlamaForSequenceClassification(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def one_at_a_time(model_dir: Path) -> list[tuple[float, int]]:
    """(summed log-probability of the answer, token count) per row, each in its own forward
    pass without padding."""
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir).eval()
    rows = []
    for prompt, answer in ROWS:
        a = tokenizer(answer, add_special_tokens=False)["input_ids"][: MAX_LENGTH - 1]
        p = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        p = p[len(p) + len(a) - MAX_LENGTH :] if len(p) + len(a) > MAX_LENGTH else p
        ids = torch.tensor([p + a])
        with torch.no_grad():
            logprobs = torch.log_softmax(model(input_ids=ids).logits[0].float(), dim=-1)
        # Token t is predicted at position t-1; with no prompt the first token is not scored.
        scored = range(max(len(p), 1), len(p) + len(a))
        rows.append((sum(float(logprobs[t - 1, ids[0, t]]) for t in scored), len(scored)))
    return rows


def test_batched_log_probabilities_equal_one_row_at_a_time(tiny: Path) -> None:
    expected = one_at_a_time(tiny)
    prompts, answers = [p for p, _ in ROWS], [a for _, a in ROWS]
    for batch_size in (1, 3, len(ROWS)):
        scorer = Scorer(str(tiny), max_length=MAX_LENGTH, batch_size=batch_size)
        got = scorer.answer_logprobs(prompts, answers)

        assert [n for _, n in got] == [n for _, n in expected]
        assert [total for total, _ in got] == pytest.approx(
            [total for total, _ in expected], rel=1e-5, abs=1e-4
        )
    per_token = Scorer(str(tiny), max_length=MAX_LENGTH, batch_size=3, per_token=True)
    assert per_token.score(prompts, answers) == pytest.approx(
        [total / n for total, n in expected], rel=1e-5, abs=1e-5
    )


def test_batched_reward_scores_equal_one_row_at_a_time(reward: Path) -> None:
    tokenizer = AutoTokenizer.from_pretrained(reward)
    model = AutoModelForSequenceClassification.from_pretrained(reward).eval()
    expected = []
    for prompt, answer in ROWS[:4]:
        ids = tokenizer(prompt + answer, add_special_tokens=False, return_tensors="pt")
        with torch.no_grad():
            expected.append(float(model(input_ids=ids["input_ids"]).logits[0, 0]))

    scorer = Scorer(str(reward), batch_size=3)
    got = scorer.score([p for p, _ in ROWS[:4]], [a for _, a in ROWS[:4]])

    assert scorer.is_reward_model
    assert got == pytest.approx(expected, rel=1e-5, abs=1e-5)


def test_accuracy_over_subsets_scored_together_equals_each_subset_alone(tiny: Path) -> None:
    pairs = [Pair(p, a, a[::-1]) for p, a in ROWS if a.strip()]
    subsets = {"first": pairs[:2], "rest": pairs[2:]}
    scorer = Scorer(str(tiny), max_length=MAX_LENGTH, batch_size=3)

    together = subsets_accuracy(scorer, subsets)
    alone = {name: [m > 0 for m in pair_margins(scorer, part)] for name, part in subsets.items()}

    assert together == {
        "first": sum(alone["first"]) / 2,
        "rest": sum(alone["rest"]) / len(pairs[2:]),
        "overall": sum(alone["first"] + alone["rest"]) / len(pairs),
    }


def test_the_thread_count_is_tried_then_the_faster_kept() -> None:
    choice = ThreadChoice()
    assert choice.threads(4) == 4
    choice.record(4, seconds=2.0, tokens=100)
    assert choice.threads(4) == 1
    choice.record(1, seconds=0.5, tokens=100)
    assert (choice.choice, choice.threads(4)) == (1, 1)
    single = ThreadChoice()
    single.record(single.threads(1), seconds=1.0, tokens=10)
    assert single.choice == 1


def test_a_scorer_that_has_not_scored_picks_its_thread_count_and_restores_torchs(
    tiny: Path,
) -> None:
    torch.set_num_threads(2)
    scorer = Scorer(str(tiny))

    assert scorer.threads() in (1, 2)
    assert scorer._threads.choice == scorer.threads()
    assert torch.get_num_threads() == 2
