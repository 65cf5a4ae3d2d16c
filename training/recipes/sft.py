"""Supervised fine-tuning on (prompt, completion) pairs with TRL's SFTTrainer."""

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


@dataclass
class SFTRecipeConfig(CommonConfig):
    completion_only_loss: bool = field(
        default=True, metadata={"help": "Learn the completion only, not the prompt."}
    )


def run(cfg: SFTRecipeConfig, on_progress: OnProgress | None = None) -> RunResult:
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import SFTConfig, SFTTrainer

    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    model = AutoModelForCausalLM.from_pretrained(cfg.base_model)
    train = load_rows(cfg.train_file, ("prompt", "completion"))
    evaluation = load_rows(cfg.eval_file, ("prompt", "completion")) if cfg.eval_file else None
    args = SFTConfig(
        **trainer_args(cfg),
        completion_only_loss=cfg.completion_only_loss,
        eval_strategy="steps" if evaluation is not None else "no",
        eval_steps=cfg.save_steps,
    )
    progress = ProgressCallback(on_progress)
    trainer = SFTTrainer(
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
