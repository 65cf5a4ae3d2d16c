"""Direct preference optimisation on (prompt, chosen, rejected) with TRL's DPOTrainer."""

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
    distributed,
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

COLUMNS = ("prompt", "chosen", "rejected")


@dataclass
class DPORecipeConfig(CommonConfig):
    beta: float = field(
        default=0.1, metadata={"help": "Strength of the pull towards the reference model."}
    )
    precompute_ref_log_probs: bool = field(
        default=True,
        metadata={
            "help": "Compute the frozen reference's log-probabilities once per dataset before "
            "training; off runs the reference model in every step (the same numbers, slower)."
        },
    )


def run(
    cfg: DPORecipeConfig,
    on_progress: OnProgress | None = None,
    *,
    extra_callbacks: Sequence[TrainerCallback] = (),
) -> RunResult:
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import DPOConfig, DPOTrainer

    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    model = AutoModelForCausalLM.from_pretrained(cfg.base_model, **model_load_kwargs(cfg))
    train = load_rows(cfg.train_file, COLUMNS)
    evaluation = load_rows(cfg.eval_file, COLUMNS) if cfg.eval_file else None
    args = DPOConfig(
        **trainer_args(cfg),
        **eval_args(cfg, evaluation is not None),
        beta=cfg.beta,
        # The reference is frozen, so its log-probabilities are computed once per dataset before
        # training (forward only, at twice the batch) instead of in every step; the reference
        # model is then not kept in memory. The starting weights serve as the reference (with
        # LoRA: the base weights with the adapters switched off), as without precomputing.
        # Not over several processes: TRL caches the precomputed values in a file that only
        # rank 0 writes, in a temporary folder of its own for our in-memory datasets, which the
        # other ranks then cannot open (the reference then runs in every step, as it used to).
        precompute_ref_log_probs=cfg.precompute_ref_log_probs and not distributed(),
        precompute_ref_batch_size=2 * cfg.batch_size,
    )
    progress = ProgressCallback(on_progress)
    trainer_class = with_example_weights(DPOTrainer, row_weights(cfg.train_file))
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
