"""Direct preference optimisation on (prompt, chosen, rejected) with TRL's DPOTrainer."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from training.common import (
    CommonConfig,
    OnProgress,
    ProgressCallback,
    RunResult,
    checkpoint_step,
    load_rows,
    peft_config,
    resume_checkpoint,
    save_atomically,
    trainer_args,
)

COLUMNS = ("prompt", "chosen", "rejected")


@dataclass
class DPORecipeConfig(CommonConfig):
    beta: float = field(
        default=0.1, metadata={"help": "Strength of the pull towards the reference model."}
    )


def run(cfg: DPORecipeConfig, on_progress: OnProgress | None = None) -> RunResult:
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import DPOConfig, DPOTrainer

    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    model = AutoModelForCausalLM.from_pretrained(cfg.base_model)
    train = load_rows(cfg.train_file, COLUMNS)
    evaluation = load_rows(cfg.eval_file, COLUMNS) if cfg.eval_file else None
    args = DPOConfig(
        **trainer_args(cfg),
        beta=cfg.beta,
        eval_strategy="steps" if evaluation is not None else "no",
        eval_steps=cfg.save_steps,
    )
    progress = ProgressCallback(on_progress)
    # With no ref_model the trainer freezes a copy of the starting weights as the reference
    # (or, with LoRA, uses the base weights with the adapters switched off).
    trainer = DPOTrainer(
        model=model,
        args=args,
        train_dataset=train,
        eval_dataset=evaluation,
        processing_class=tokenizer,
        callbacks=[progress],
        peft_config=peft_config(cfg),
    )
    checkpoint = resume_checkpoint(cfg)
    # train_runtime and friends (seconds, samples/s) are the trainer's own, without the loop.
    metrics = dict(trainer.train(resume_from_checkpoint=checkpoint).metrics)
    if evaluation is not None:
        metrics.update(trainer.evaluate())

    def save(folder: Path) -> None:
        # With LoRA the adapters are merged in, so the saved folder is a plain full model.
        model: Any = trainer.model
        final = model.merge_and_unload() if cfg.lora_r > 0 else model
        final.save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    model_dir = save_atomically(save, Path(cfg.output_dir) / "model")
    return RunResult(model_dir, progress.losses, checkpoint_step(checkpoint), metrics)
