"""Supervised fine-tuning on (prompt, completion) pairs with TRL's SFTTrainer."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transformers import TrainerCallback

from training.common import (
    CommonConfig,
    OnProgress,
    ProgressCallback,
    RunResult,
    callbacks,
    checkpoint_step,
    eval_args,
    load_rows,
    model_load_kwargs,
    peft_config,
    resume_checkpoint,
    row_weights,
    save_atomically,
    trainer_args,
    with_example_weights,
)


@dataclass
class SFTRecipeConfig(CommonConfig):
    completion_only_loss: bool = field(
        default=True, metadata={"help": "Learn the completion only, not the prompt."}
    )


def run(
    cfg: SFTRecipeConfig,
    on_progress: OnProgress | None = None,
    *,
    extra_callbacks: Sequence[TrainerCallback] = (),
) -> RunResult:
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import SFTConfig, SFTTrainer

    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    model = AutoModelForCausalLM.from_pretrained(cfg.base_model, **model_load_kwargs(cfg))
    train = load_rows(cfg.train_file, ("prompt", "completion"))
    evaluation = load_rows(cfg.eval_file, ("prompt", "completion")) if cfg.eval_file else None
    args = SFTConfig(
        **trainer_args(cfg),
        **eval_args(cfg, evaluation is not None),
        completion_only_loss=cfg.completion_only_loss,
    )
    progress = ProgressCallback(on_progress)
    trainer_class = with_example_weights(SFTTrainer, row_weights(cfg.train_file))
    trainer = trainer_class(
        model=model,
        args=args,
        train_dataset=train,
        eval_dataset=evaluation,
        processing_class=tokenizer,
        callbacks=callbacks(cfg, progress, extra_callbacks),
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
