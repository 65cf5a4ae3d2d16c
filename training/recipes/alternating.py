"""The alternating round: a competence step (SFT on task data), then a conformity step (DPO on
safe rewrites and principle-conditioned pairs), repeated with a difficulty schedule.

Before each conformity step the current model ranks the conformity pairs by its own margin;
round r trains on the easiest `difficulty_schedule[r]` share of them, so a schedule that grows
towards 1.0 keeps the gap between what the model can do and what it is asked small (the ACCO
paper's appropriate capability gap). Each step is its own folder, so a rerun skips finished
steps and resumes an interrupted one from its checkpoint.
"""

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from training.common import (
    CommonConfig,
    OnProgress,
    Progress,
    RunResult,
    read_jsonl,
    save_atomically,
    write_jsonl,
)
from training.evaluation import Pair, Scorer, pair_margins
from training.recipes import dpo, sft


@dataclass
class AlternatingConfig(CommonConfig):
    conformity_file: str = field(
        default="", metadata={"help": "JSONL of (prompt, chosen, rejected) conformity pairs."}
    )
    difficulty_schedule: tuple[float, ...] = field(
        default=(0.5, 1.0),
        metadata={"help": "Per round, the share of conformity pairs used, easiest first."},
    )
    competence_steps: int = field(default=10, metadata={"help": "SFT steps per round."})
    conformity_steps: int = field(default=10, metadata={"help": "DPO steps per round."})
    beta: float = field(default=0.1, metadata={"help": "DPO beta of the conformity steps."})


def run(cfg: AlternatingConfig, on_progress: OnProgress | None = None) -> RunResult:
    if not cfg.conformity_file:
        raise ValueError("conformity_file: give the JSONL of conformity pairs.")
    if not cfg.difficulty_schedule or not all(0 < s <= 1 for s in cfg.difficulty_schedule):
        raise ValueError("difficulty_schedule: give one share in (0, 1] per round.")
    out = Path(cfg.output_dir)
    per_round = cfg.competence_steps + cfg.conformity_steps
    total = per_round * len(cfg.difficulty_schedule)
    common: dict[str, Any] = {
        "learning_rate": cfg.learning_rate,
        "batch_size": cfg.batch_size,
        "gradient_accumulation_steps": cfg.gradient_accumulation_steps,
        "max_length": cfg.max_length,
        "save_steps": cfg.save_steps,
        "save_minutes": cfg.save_minutes,
        "seed": cfg.seed,
        "precision": cfg.precision,
        "gradient_checkpointing": cfg.gradient_checkpointing,
        "torch_compile": cfg.torch_compile,
        "lora_r": cfg.lora_r,
        "lora_alpha": cfg.lora_alpha,
    }
    pairs = [Pair(r["prompt"], r["chosen"], r["rejected"]) for r in read_jsonl(cfg.conformity_file)]
    model = cfg.base_model
    losses: list[tuple[int, float]] = []
    metrics: dict[str, float] = {}
    for index, share in enumerate(cfg.difficulty_schedule):
        offset = index * per_round
        competence = out / f"round-{index}" / "competence"
        step = _done(competence) or sft.run(
            sft.SFTRecipeConfig(
                base_model=model,
                train_file=cfg.train_file,
                output_dir=str(competence),
                max_steps=cfg.competence_steps,
                **common,
            ),
            _shifted(on_progress, offset, total),
        )
        losses += [(offset + s, loss) for s, loss in step.losses]
        model = str(step.model_dir)

        # Easiest first: the pairs the current model already ranks best.
        margins = pair_margins(Scorer(model, per_token=True), pairs)
        ranked = [p for _, p in sorted(zip(margins, pairs, strict=True), key=lambda mp: -mp[0])]
        chosen = ranked[: max(1, round(share * len(ranked)))]
        conformity = out / f"round-{index}" / "conformity"
        selection = write_jsonl(conformity / "pairs.jsonl", [p.__dict__ for p in chosen])
        step = _done(conformity) or dpo.run(
            dpo.DPORecipeConfig(
                base_model=model,
                train_file=str(selection),
                output_dir=str(conformity),
                max_steps=cfg.conformity_steps,
                beta=cfg.beta,
                **common,
            ),
            _shifted(on_progress, offset + cfg.competence_steps, total),
        )
        losses += [(offset + cfg.competence_steps + s, loss) for s, loss in step.losses]
        metrics[f"round_{index}_conformity_pairs"] = len(chosen)
        model = str(step.model_dir)

    final = save_atomically(lambda folder: _copy(Path(model), folder), out / "model")
    return RunResult(final, losses, 0, metrics)


def _done(stage: Path) -> RunResult | None:
    """A stage whose model folder is complete (it appears by one rename) is not run again."""
    model = stage / "model"
    if (model / "config.json").is_file():
        return RunResult(model, [], 0, {})
    return None


def _shifted(on_progress: OnProgress | None, offset: int, total: int) -> OnProgress | None:
    if on_progress is None:
        return None
    report = on_progress

    def shifted(p: Progress) -> None:
        report(Progress(offset + p.step, total, p.loss, p.eta_s, p.metrics))

    return shifted


def _copy(source: Path, folder: Path) -> None:
    for item in source.iterdir():
        if item.is_file():
            shutil.copy2(item, folder / item.name)
