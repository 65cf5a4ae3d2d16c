"""A reward model (scalar head on the base model) from (prompt, chosen, rejected) pairs with
TRL's RewardTrainer; its loss is -log sigmoid(r_chosen - r_rejected)."""

from collections.abc import Sequence
from dataclasses import dataclass
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
class RewardRecipeConfig(CommonConfig):
    pass


def run(
    cfg: RewardRecipeConfig,
    on_progress: OnProgress | None = None,
    *,
    extra_callbacks: Sequence[TrainerCallback] = (),
) -> RunResult:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from trl import RewardConfig, RewardTrainer

    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    # num_labels=1: one scalar reward per sequence, read at its last non-pad token.
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg.base_model, num_labels=1, **model_load_kwargs(cfg)
    )
    model.config.pad_token_id = tokenizer.pad_token_id
    train = _pairs(cfg.train_file)
    evaluation = _pairs(cfg.eval_file) if cfg.eval_file else None
    args = RewardConfig(**trainer_args(cfg), **eval_args(cfg, evaluation is not None))
    progress = ProgressCallback(on_progress)
    trainer_class = with_example_weights(RewardTrainer, row_weights(cfg.train_file))
    trainer = trainer_class(
        model=model,
        args=args,
        train_dataset=train,
        eval_dataset=evaluation,
        processing_class=tokenizer,
        callbacks=callbacks(cfg, progress, extra_callbacks),
        peft_config=peft_config(cfg, task_type="SEQ_CLS"),
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


def _pairs(path: str) -> object:
    # A reward model scores whole texts: the prompt is joined to each answer.
    dataset = load_rows(path, ("prompt", "chosen", "rejected"))
    return dataset.map(
        lambda row: {
            "chosen": row["prompt"] + row["chosen"],
            "rejected": row["prompt"] + row["rejected"],
        },
        remove_columns=["prompt"],
    )
