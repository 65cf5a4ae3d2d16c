"""Scores a model version the way the loop's evaluation does (training.evaluation): options by
mean token log-probability, LLMBar pairs by the margin of the better output. Loads the model,
so only steps the kinds name as model steps (run on the gpu queue) call these."""

from pathlib import Path
from typing import Any


def binary_predictions(*, model_dir: str, prompts: list[str], labels: tuple[str, str]) -> list[str]:
    """The label each prompt's completion most likely is: the first label when its mean token
    log-probability is strictly higher, else the second."""
    from training.evaluation import Scorer

    scorer = Scorer(model_dir, per_token=True)
    first, second = (scorer.score(prompts, [label] * len(prompts)) for label in labels)
    return [labels[0] if a > b else labels[1] for a, b in zip(first, second, strict=True)]


def binary_accuracy(
    *, model_dir: str, rows: list[dict[str, Any]], labels: tuple[str, str]
) -> tuple[float, int]:
    """(share of rows whose `completion` the model predicts, how many rows)."""
    predicted = binary_predictions(
        model_dir=model_dir, prompts=[r["prompt"] for r in rows], labels=labels
    )
    hits = sum(p == r["completion"] for p, r in zip(predicted, rows, strict=True))
    return hits / len(rows), len(rows)


def llmbar_counts(*, model_dir: str, folder: Path, per_subset: int | None) -> dict[str, Any]:
    """Per LLMBar subset: pairs scored and pairs whose gold output scores strictly higher."""
    from training.evaluation import Scorer, llmbar_pairs, pair_margins

    scorer = Scorer(model_dir, per_token=True)
    counts = {}
    for subset, pairs in llmbar_pairs(folder, max_per_subset=per_subset).items():
        margins = pair_margins(scorer, pairs)
        counts[subset] = {"pairs": len(pairs), "correct": sum(m > 0 for m in margins)}
    return counts
