"""A reward model (scalar head on the base model) from (prompt, chosen, rejected) pairs with
TRL's RewardTrainer; its loss is -log sigmoid(r_chosen - r_rejected)."""

from dataclasses import dataclass
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
class RewardRecipeConfig(CommonConfig):
    pass


def run(cfg: RewardRecipeConfig, on_progress: OnProgress | None = None) -> RunResult:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from trl import RewardConfig, RewardTrainer

    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    # num_labels=1: one scalar reward per sequence, read at its last non-pad token.
    model = AutoModelForSequenceClassification.from_pretrained(cfg.base_model, num_labels=1)
    model.config.pad_token_id = tokenizer.pad_token_id
    train = _pairs(cfg.train_file)
    evaluation = _pairs(cfg.eval_file) if cfg.eval_file else None
    args = RewardConfig(
        **trainer_args(cfg),
        eval_strategy="steps" if evaluation is not None else "no",
        eval_steps=cfg.save_steps,
    )
    progress = ProgressCallback(on_progress)
    trainer = RewardTrainer(
        model=model,
        args=args,
        train_dataset=train,
        eval_dataset=evaluation,
        processing_class=tokenizer,
        callbacks=[progress],
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
