"""Weak-to-strong: a weaker model labels items, a stronger model trains on its labels.

Preference pairs: the weak model picks the chosen answer, the strong one trains by DPO.
Binary QA items (question, answer, label): the weak model says yes or no to "is this answer
good?", the strong one learns those verdicts by SFT. As in the ACCO paper's weak-to-strong
experiments, the labels are only as good as the weak model; `label_noise` flips a seeded share
of them to study sensitivity to label noise.
"""

import random
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from training.common import CommonConfig, OnProgress, RunResult, read_jsonl, write_jsonl
from training.evaluation import Pair, Scorer, pair_margins, yes_probability
from training.recipes import dpo, sft


@dataclass
class WeakToStrongConfig(dpo.DPORecipeConfig):
    weak_model: str = field(default="", metadata={"help": "Folder of the labelling model."})
    label_noise: float = field(
        default=0.0, metadata={"help": "Share of weak labels flipped on purpose (0 to 1)."}
    )


def run(cfg: WeakToStrongConfig, on_progress: OnProgress | None = None) -> RunResult:
    if not cfg.weak_model:
        raise ValueError("weak_model: give the folder of the model that labels the pairs.")
    rows = list(read_jsonl(cfg.train_file))
    if rows and "question" in rows[0]:
        return _run_binary_qa(cfg, rows, on_progress)
    pairs = [Pair(r["prompt"], r["chosen"], r["rejected"]) for r in rows]
    # margin > 0: the weak model prefers the answer the row lists as chosen.
    margins = pair_margins(Scorer(cfg.weak_model, per_token=True), pairs)
    rng = random.Random(cfg.seed)
    labelled = []
    agree = 0
    for pair, margin in zip(pairs, margins, strict=True):
        keep = margin > 0
        agree += keep
        if rng.random() < cfg.label_noise:
            keep = not keep
        chosen, rejected = (pair.chosen, pair.rejected) if keep else (pair.rejected, pair.chosen)
        labelled.append({"prompt": pair.prompt, "chosen": chosen, "rejected": rejected})
    labels = write_jsonl(Path(cfg.output_dir) / "weak_labels.jsonl", labelled)

    result = dpo.run(replace(cfg, train_file=str(labels)), on_progress)
    # Agreement with the given order: the weak labels' accuracy when that order is gold.
    result.metrics["weak_label_agreement"] = agree / len(pairs)
    return result


def qa_prompt(question: str, answer: str) -> str:
    return f"{question}\nAnswer: {answer}\nIs this answer good?"


def _run_binary_qa(
    cfg: WeakToStrongConfig, rows: list[dict], on_progress: OnProgress | None
) -> RunResult:
    prompts = [qa_prompt(r["question"], r["answer"]) for r in rows]
    verdicts = yes_probability(Scorer(cfg.weak_model, per_token=True), prompts)
    rng = random.Random(cfg.seed)
    labelled = []
    agree = 0
    for row, prompt, p_yes in zip(rows, prompts, verdicts, strict=True):
        label = p_yes >= 0.5
        agree += label == bool(row["label"])
        if rng.random() < cfg.label_noise:
            label = not label
        labelled.append({"prompt": prompt, "completion": " yes" if label else " no"})
    labels = write_jsonl(Path(cfg.output_dir) / "weak_labels.jsonl", labelled)

    common = {f.name: getattr(cfg, f.name) for f in fields(CommonConfig)}
    # The held-out file holds QA rows, not (prompt, completion); the platform evaluates after.
    common.update(train_file=str(labels), eval_file="")
    result = sft.run(sft.SFTRecipeConfig(**common), on_progress)
    result.metrics["weak_label_agreement"] = agree / len(rows)
    result.metrics["weak_labels_yes"] = sum(r["completion"] == " yes" for r in labelled) / len(rows)
    return result
