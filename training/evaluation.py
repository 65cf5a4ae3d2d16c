"""Scores a model on preference pairs, LLMBar's gold pairs and yes/no judge questions.

A causal LM prefers the answer with the higher log-probability given the prompt (optionally
per token, so that length does not decide); measured against a reference model it prefers the
higher log-ratio log p(a|x) - log p_ref(a|x) (DPO's implicit reward). A reward model (sequence
classifier) prefers the higher scalar score.
"""

import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LLMBAR_SUBSETS = (
    "Natural",
    "Adversarial_Neighbor",
    "Adversarial_GPTInst",
    "Adversarial_GPTOut",
    "Adversarial_Manual",
)


@dataclass(frozen=True)
class Pair:
    prompt: str
    chosen: str
    rejected: str


@dataclass
class ThreadChoice:
    """The intra-op thread count of a scorer's forward passes, picked by timing both candidates.

    Threads of one op meet at a barrier; when other processes keep the CPUs busy, the scheduler
    leaves one thread waiting for a sibling it has not run. With 2 cores shared at load average
    8, the tiny model scored LLMBar 8-10x slower on 2 threads than on 1 (and generated replies
    10x slower), while on an idle machine 2 threads are faster. So the first batch runs on
    torch's thread count, the second on one thread, and the rest on whichever scored more tokens
    per second. Thread counts change only the order of float sums, not what is scored.
    """

    choice: int | None = None
    # Seconds per padded token of the batch run on each thread count tried.
    trials: dict[int, float] = field(default_factory=dict)

    def threads(self, available: int) -> int:
        """The count for the next batch: the choice, else `available`, then 1, to try."""
        if self.choice is not None:
            return self.choice
        return 1 if available in self.trials else available

    def record(self, threads: int, seconds: float, tokens: int) -> None:
        if self.choice is None:
            self.trials[threads] = seconds / tokens
            if 1 in self.trials:
                self.choice = min(self.trials, key=self.trials.__getitem__)


@dataclass
class Scorer:
    """Loads a model folder once; `score` returns one number per (prompt, answer)."""

    model_dir: str
    max_length: int = 512
    batch_size: int = 8
    # Mean instead of summed token log-probability: a short answer no longer wins for being short.
    per_token: bool = False
    _model: Any = field(default=None, init=False, repr=False)
    _tokenizer: Any = field(default=None, init=False, repr=False)
    is_reward_model: bool = field(default=False, init=False)
    _threads: ThreadChoice = field(default_factory=ThreadChoice, init=False, repr=False)

    def __post_init__(self) -> None:
        from transformers import (
            AutoConfig,
            AutoModelForCausalLM,
            AutoModelForSequenceClassification,
            AutoTokenizer,
        )

        config = AutoConfig.from_pretrained(self.model_dir)
        architectures = config.architectures or []
        self.is_reward_model = any("SequenceClassification" in a for a in architectures)
        loader = (
            AutoModelForSequenceClassification if self.is_reward_model else AutoModelForCausalLM
        )
        self._model = loader.from_pretrained(self.model_dir).eval()
        self._tokenizer = AutoTokenizer.from_pretrained(self.model_dir)

    def score(self, prompts: Sequence[str], answers: Sequence[str]) -> list[float]:
        rows = self._rows(prompts, answers)
        if self.is_reward_model:
            return [score for score, _ in rows]
        return [total / count if self.per_token else total for total, count in rows]

    def answer_logprobs(
        self, prompts: Sequence[str], answers: Sequence[str]
    ) -> list[tuple[float, int]]:
        """(summed log-probability of the answer's tokens, how many tokens) per pair."""
        if self.is_reward_model:
            raise ValueError("a reward model gives scores, not log-probabilities of answers")
        return self._rows(prompts, answers)

    def threads(self) -> int:
        """The intra-op thread count this scorer's batches ran fastest on, for other work on the
        same model in this process (generating replies); two short batches decide it when the
        scorer has not scored yet."""
        if self._threads.choice is None:
            probe = ["The quick brown fox jumps over the lazy dog. " * 3] * (2 * self.batch_size)
            self._rows(probe, probe)
        return self._threads.choice or 1

    def _rows(self, prompts: Sequence[str], answers: Sequence[str]) -> list[tuple[float, int]]:
        import torch

        encoded = [self._encode(p, a) for p, a in zip(prompts, answers, strict=True)]
        # Longest first: a batch pads to its longest row, so rows of like length share a batch
        # (on LLMBar's pairs 30% fewer padded tokens than in the callers' order), and the batch
        # that needs the most memory comes first. Each row's numbers do not depend on its
        # neighbours: padding is masked and sits after the row's own tokens.
        order = sorted(range(len(encoded)), key=lambda i: -len(encoded[i][0]))
        rows: list[tuple[float, int]] = [(0.0, 0)] * len(encoded)
        available = torch.get_num_threads()
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                count = self._threads.threads(available)
                with torch_threads(count):
                    began = time.perf_counter()
                    scored = self._score_batch([encoded[i] for i in batch])
                    seconds = time.perf_counter() - began
                self._threads.record(count, seconds, len(batch) * len(encoded[batch[0]][0]))
                for i, row in zip(batch, scored, strict=True):
                    rows[i] = row
        return rows

    def _encode(self, prompt: str, answer: str) -> tuple[list[int], int]:
        """Token ids of prompt+answer (answer kept whole when possible) and the answer's start."""
        tok = self._tokenizer
        p = tok(prompt, add_special_tokens=False)["input_ids"]
        a = tok(answer, add_special_tokens=False)["input_ids"][: self.max_length - 1]
        # Trim the prompt from the left so that the answer, which is what is compared, fits.
        p = p[-(self.max_length - len(a)) :] if len(p) + len(a) > self.max_length else p
        return p + a, len(p)

    def _score_batch(self, encoded: list[tuple[list[int], int]]) -> list[tuple[float, int]]:
        """(summed log-probability of the answer, its token count) per (ids, answer start); for a
        reward model (its scalar score, 0)."""
        import torch

        width = max(len(ids) for ids, _ in encoded)
        pad = self._tokenizer.pad_token_id
        # Right padding: (batch, width) ids and a mask of real tokens.
        ids = torch.full((len(encoded), width), pad, dtype=torch.long)
        mask = torch.zeros((len(encoded), width), dtype=torch.long)
        for row, (seq, _) in enumerate(encoded):
            ids[row, : len(seq)] = torch.tensor(seq)
            mask[row, : len(seq)] = 1
        if self.is_reward_model:
            logits = self._model(input_ids=ids, attention_mask=mask).logits  # (batch, 1)
            return [(float(x), 0) for x in logits[:, 0]]
        logits = self._model(input_ids=ids, attention_mask=mask).logits  # (batch, width, vocab)
        logprobs = torch.log_softmax(logits[:, :-1].float(), dim=-1)
        # Token t is predicted at position t-1: (batch, width-1) log p of each next token.
        token_lp = logprobs.gather(-1, ids[:, 1:].unsqueeze(-1)).squeeze(-1)
        out = []
        for row, (seq, answer_start) in enumerate(encoded):
            first = max(answer_start, 1) - 1
            answer_lp = token_lp[row, first : len(seq) - 1]
            out.append((float(answer_lp.sum()), len(answer_lp)))
        return out


@contextmanager
def torch_threads(count: int) -> Iterator[None]:
    """Run the block on `count` intra-op threads, then restore the process's count."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def pair_margins(
    scorer: Scorer, pairs: Sequence[Pair], reference: Scorer | None = None
) -> list[float]:
    """score(chosen) - score(rejected) per pair, relative to `reference` when one is given."""
    prompts = [p.prompt for p in pairs] * 2
    answers = [p.chosen for p in pairs] + [p.rejected for p in pairs]
    scores = scorer.score(prompts, answers)
    if reference is not None and not scorer.is_reward_model:
        ref = reference.score(prompts, answers)
        scores = [s - r for s, r in zip(scores, ref, strict=True)]
    n = len(pairs)
    return [scores[i] - scores[n + i] for i in range(n)]


def preference_accuracy(
    scorer: Scorer, pairs: Sequence[Pair], reference: Scorer | None = None
) -> float | None:
    """Fraction of pairs whose chosen answer scores strictly higher; None for no pairs."""
    if not pairs:
        return None
    margins = pair_margins(scorer, pairs, reference)
    return sum(m > 0 for m in margins) / len(margins)


def llmbar_pairs(folder: Path, *, max_per_subset: int | None = None) -> dict[str, list[Pair]]:
    """LLMBar's gold pairs per subset; label 1 or 2 names the better output."""
    subsets = {}
    for name in LLMBAR_SUBSETS:
        rows = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        pairs = [
            Pair(
                prompt=row["input"] + "\n",
                chosen=row["output_1"] if row["label"] == 1 else row["output_2"],
                rejected=row["output_2"] if row["label"] == 1 else row["output_1"],
            )
            for row in rows
        ]
        subsets[name] = pairs[:max_per_subset] if max_per_subset else pairs
    return subsets


def llmbar_accuracy(
    scorer: Scorer,
    folder: Path,
    *,
    reference: Scorer | None = None,
    max_per_subset: int | None = None,
) -> dict[str, float]:
    """Pairwise accuracy per LLMBar subset, and `overall` over every pair scored."""
    subsets = llmbar_pairs(folder, max_per_subset=max_per_subset)
    return subsets_accuracy(scorer, subsets, reference=reference)


def subsets_accuracy(
    scorer: Scorer, subsets: dict[str, list[Pair]], *, reference: Scorer | None = None
) -> dict[str, float]:
    """Pairwise accuracy per subset, and `overall` over every pair scored."""
    # One scoring call over every subset: the scorer batches rows of like length together.
    every = [pair for pairs in subsets.values() for pair in pairs]
    margins = pair_margins(scorer, every, reference)
    result: dict[str, float] = {}
    start = 0
    for name, pairs in subsets.items():
        hits = sum(m > 0 for m in margins[start : start + len(pairs)])
        result[name] = hits / len(pairs)
        start += len(pairs)
    result["overall"] = sum(m > 0 for m in margins) / len(margins)
    return result


def yes_probability(scorer: Scorer, questions: Sequence[str]) -> list[float]:
    """P(yes) of each question as a judge's verdict: the softmax of the per-token log-probabilities
    of " yes" and " no" (what the platform's AI raters compare, llm.backends.base.Verdict).

    Per token, not summed: with a byte-level tokenizer " yes" is 4 tokens and " no" 3, so summed
    log-probabilities would call everything "no" for a model that knows nothing. Options of equal
    token length would avoid the question, but no natural yes/no pair has them in every
    tokenizer; with one token each (most BPE vocabularies) the mean is the sum anyway.
    """
    import math

    yes = scorer.answer_logprobs(list(questions), [" yes"] * len(questions))
    no = scorer.answer_logprobs(list(questions), [" no"] * len(questions))
    return [
        1 / (1 + math.exp(n_total / n_count - y_total / y_count))
        for (y_total, y_count), (n_total, n_count) in zip(yes, no, strict=True)
    ]
