"""What every recipe shares: the common config fields, progress reporting, checkpoints and the
atomic save that keeps a partial model from ever looking complete."""

import json
import math
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from transformers import TrainerCallback, TrainerControl, TrainerState, TrainingArguments

PRECISIONS = ("auto", "fp32", "bf16_mixed", "bf16_pure")


@dataclass
class CommonConfig:
    """Fields every recipe has. Paths are local folders; nothing is downloaded."""

    base_model: str = field(metadata={"help": "Folder of the model to start from."})
    train_file: str = field(metadata={"help": "JSONL file of training examples."})
    output_dir: str = field(
        metadata={"help": "Run folder: checkpoints/ while training, model/ once complete."}
    )
    eval_file: str = field(default="", metadata={"help": "Optional JSONL of held-out examples."})
    max_steps: int = field(default=20, metadata={"help": "Optimizer steps to run."})
    learning_rate: float = field(default=5e-4, metadata={"help": "Peak learning rate."})
    batch_size: int = field(default=4, metadata={"help": "Examples per device per step."})
    gradient_accumulation_steps: int = field(default=1, metadata={"help": "Steps per update."})
    max_length: int = field(default=256, metadata={"help": "Longest sequence, in tokens."})
    save_steps: int = field(
        default=0,
        metadata={
            "help": "Checkpoint (and evaluate) every this many steps; 0 checkpoints by time "
            "(save_minutes), so a large model does not write its optimizer state every few steps."
        },
    )
    save_minutes: float = field(
        default=10.0, metadata={"help": "With save_steps 0: minutes between checkpoints."}
    )
    seed: int = field(default=0, metadata={"help": "Seed for data order and new weights."})
    precision: str = field(
        default="auto",
        metadata={
            "help": "auto: bf16 autocast over fp32 master weights on a GPU with bf16, fp32 "
            "elsewhere; fp32; bf16_mixed: bf16 autocast over fp32 master weights; bf16_pure: "
            "weights and optimizer state in bf16, half the memory, but updates smaller than "
            "bf16's resolution are lost (a learning rate of 1e-6 barely moves the weights).",
            "choices": PRECISIONS,
        },
    )
    gradient_checkpointing: bool = field(
        default=False, metadata={"help": "Recompute activations to save GPU memory."}
    )
    torch_compile: bool = field(
        default=False,
        metadata={
            "help": "Compile the model with torch.compile: faster GPU steps after a compile."
        },
    )
    lora_r: int = field(
        default=0, metadata={"help": "LoRA rank; 0 trains every weight, >0 trains adapters."}
    )
    lora_alpha: int = field(default=16, metadata={"help": "LoRA scaling numerator."})

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision: choose one of {', '.join(PRECISIONS)}.")


@dataclass(frozen=True)
class Progress:
    step: int
    total_steps: int
    loss: float | None
    eta_s: float | None
    metrics: dict[str, float]


OnProgress = Callable[[Progress], None]


@dataclass
class RunResult:
    model_dir: Path
    losses: list[tuple[int, float]]  # (optimizer step, training loss) as logged
    resumed_from_step: int
    metrics: dict[str, float]


class ProgressCallback(TrainerCallback):
    """Reports each logged step (loss, ETA from the mean step time of this process)."""

    def __init__(self, on_progress: OnProgress | None) -> None:
        self.on_progress = on_progress
        self.losses: list[tuple[int, float]] = []
        self._start_time = 0.0
        self._start_step = 0

    def on_train_begin(
        self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **_: Any
    ) -> None:
        # After a resume, state.global_step starts at the checkpoint's step.
        self._start_time, self._start_step = time.monotonic(), state.global_step
        if self.on_progress and state.global_step > 0:
            # The checkpoint's own log holds the steps before it, some of which an interrupted
            # run may never have reported: report them again so a listener's record is whole.
            for entry in state.log_history:
                loss = entry.get("loss")
                if "step" in entry and loss is not None and math.isfinite(loss):
                    self.on_progress(
                        Progress(int(entry["step"]), state.max_steps, float(loss), None, {})
                    )

    def on_log(
        self,
        args: TrainingArguments,
        state: TrainerState,
        control: TrainerControl,
        logs: dict[str, float] | None = None,
        **_: Any,
    ) -> None:
        logs = logs or {}
        loss = logs.get("loss")
        if loss is not None and math.isfinite(loss):
            self.losses.append((state.global_step, float(loss)))
        done = state.global_step - self._start_step
        eta = None
        if done > 0:
            per_step = (time.monotonic() - self._start_time) / done
            eta = per_step * max(state.max_steps - state.global_step, 0)
        metrics = {
            k: float(v)
            for k, v in logs.items()
            if k != "loss" and isinstance(v, int | float) and math.isfinite(v)
        }
        if self.on_progress:
            self.on_progress(Progress(state.global_step, state.max_steps, loss, eta, metrics))


def trainer_args(cfg: CommonConfig) -> dict[str, Any]:
    """Keyword arguments shared by every TRL config class (all subclass TrainingArguments)."""
    on_gpu = torch.cuda.is_available()
    return {
        "output_dir": str(Path(cfg.output_dir) / "checkpoints"),
        "max_steps": cfg.max_steps,
        "learning_rate": cfg.learning_rate,
        "per_device_train_batch_size": cfg.batch_size,
        "per_device_eval_batch_size": cfg.batch_size,
        "gradient_accumulation_steps": cfg.gradient_accumulation_steps,
        "max_length": cfg.max_length,
        # With save_steps 0, TimedCheckpoints asks for a save once save_minutes have passed.
        "save_strategy": "steps" if cfg.save_steps > 0 else "no",
        "save_steps": max(cfg.save_steps, 1),
        # Two checkpoints: the newest may be half-written when a worker is killed.
        "save_total_limit": 2,
        "logging_steps": 1,
        "seed": cfg.seed,
        "data_seed": cfg.seed,
        "bf16": bf16_autocast(cfg),
        "gradient_checkpointing": cfg.gradient_checkpointing,
        "torch_compile": cfg.torch_compile,
        # One fused kernel per parameter group instead of a dozen per tensor: the same update,
        # several times faster for models with many small tensors (CUDA only; the CPU keeps the
        # default implementation so CPU results stay as they were).
        "optim": "adamw_torch_fused" if on_gpu else "adamw_torch",
        "report_to": "none",
        "disable_tqdm": True,
        "lr_scheduler_type": "constant",
        "dataloader_num_workers": 0,
        "dataloader_pin_memory": on_gpu,
        # Several processes without CUDA (training.launch on a CPU machine) talk over gloo.
        **({"use_cpu": True, "ddp_backend": "gloo"} if _distributed_cpu() else {}),
        # bf16_mixed asked for by name on a CPU: the Trainer autocasts there only with use_cpu.
        **({"use_cpu": True} if bf16_autocast(cfg) and not on_gpu else {}),
    }


def eval_args(cfg: CommonConfig, has_eval: bool) -> dict[str, Any]:
    """Evaluate during training at each step checkpoint; with timed checkpoints only at the end
    (the recipes call trainer.evaluate() after training either way)."""
    if has_eval and cfg.save_steps > 0:
        return {"eval_strategy": "steps", "eval_steps": cfg.save_steps}
    return {"eval_strategy": "no"}


def bf16_autocast(cfg: CommonConfig) -> bool:
    """Whether the forward and backward passes run under bf16 autocast."""
    if cfg.precision == "auto":
        return torch.cuda.is_available() and torch.cuda.is_bf16_supported()
    if cfg.precision == "bf16_pure":
        # bf16 weights compute in bf16 anyway; a CPU refuses autocast unless told to use_cpu.
        return torch.cuda.is_available()
    return cfg.precision == "bf16_mixed"


def model_load_kwargs(cfg: CommonConfig) -> dict[str, Any]:
    """How recipes load their starting weights.

    transformers 5 loads a checkpoint in its stored dtype, so a bf16 checkpoint (every real base
    model) would train with bf16 weights and bf16 optimizer state, where an update of lr 1e-6
    rounds away: measured on an H200, 60 DPO steps changed 1.6% of such weights against 99.99%
    from fp32. Master weights are therefore fp32 unless bf16_pure is asked for by name; the
    saved model keeps the fp32 weights the training produced.
    """
    dtype = torch.bfloat16 if cfg.precision == "bf16_pure" else torch.float32
    # SDPA picks FlashAttention or memory-efficient kernels on a GPU and is exact on a CPU.
    return {"dtype": dtype, "attn_implementation": "sdpa"}


class TimedCheckpoints(TrainerCallback):
    """Asks the trainer for a checkpoint once `minutes` have passed since the last one.

    A step count fits one model size only: at 0.5B parameters ten steps take seconds and each
    checkpoint writes gigabytes of optimizer state, at 7B ten steps may be an hour of work.
    """

    def __init__(self, minutes: float) -> None:
        self.interval_s = minutes * 60
        self._last = time.monotonic()

    def on_train_begin(
        self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **_: Any
    ) -> None:
        self._last = time.monotonic()

    def on_step_end(
        self, args: TrainingArguments, state: TrainerState, control: TrainerControl, **_: Any
    ) -> None:
        if time.monotonic() - self._last >= self.interval_s and state.global_step < state.max_steps:
            control.should_save = True
            self._last = time.monotonic()


def callbacks(
    cfg: CommonConfig, progress: "ProgressCallback", extra: Sequence[TrainerCallback] = ()
) -> list[TrainerCallback]:
    """The recipe's callbacks; `extra` are a caller's own (bench/gpu_train.py times phases)."""
    timed = [TimedCheckpoints(cfg.save_minutes)] if cfg.save_steps <= 0 else []
    return [progress, *timed, *extra]


def distributed() -> bool:
    """Whether this process is one of several of a run (training.launch sets WORLD_SIZE)."""
    return int(os.environ.get("WORLD_SIZE", "1")) > 1


def _distributed_cpu() -> bool:
    return distributed() and not torch.cuda.is_available()


def peft_config(cfg: CommonConfig, *, task_type: str = "CAUSAL_LM") -> Any:
    if cfg.lora_r <= 0:
        return None
    from peft import LoraConfig

    return LoraConfig(
        r=cfg.lora_r, lora_alpha=cfg.lora_alpha, target_modules="all-linear", task_type=task_type
    )


def resume_checkpoint(cfg: CommonConfig) -> str | None:
    """The newest complete checkpoint of an interrupted run of this config, if any.

    The Trainer writes trainer_state.json last, so a checkpoint without it was cut short.
    """
    folder = Path(cfg.output_dir) / "checkpoints"
    if not folder.is_dir():
        return None
    complete = sorted(
        (p for p in folder.glob("checkpoint-*") if (p / "trainer_state.json").is_file()),
        key=lambda p: int(p.name.rsplit("-", 1)[1]),
    )
    for partial in folder.glob("checkpoint-*"):
        if partial not in complete:
            shutil.rmtree(partial, ignore_errors=True)
    return str(complete[-1]) if complete else None


def checkpoint_step(checkpoint: str | None) -> int:
    return int(checkpoint.rsplit("-", 1)[1]) if checkpoint else 0


def save_atomically(save: Callable[[Path], None], out_dir: Path) -> Path:
    """Write a model with `save(folder)` into a sibling staging folder, then rename it.

    A reader sees out_dir complete or not at all, so a killed run never leaves a model that
    looks finished.
    """
    # In a run over several processes (training.launch) rank 0 saves and the others wait.
    distributed = torch.distributed.is_available() and torch.distributed.is_initialized()
    if not distributed or torch.distributed.get_rank() == 0:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
        staging.chmod(0o755)
        try:
            save(staging)
            staging.rename(out_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    if distributed:
        torch.distributed.barrier()
    return out_dir


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Write rows as JSON lines by rename, so that every process of a run over several
    (training.launch writes the same rows in each) only ever reads a complete file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}")
    staging.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    staging.replace(path)
    return path


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_rows(path: str | Path, columns: tuple[str, ...]) -> Any:
    """A datasets.Dataset of just `columns` from a JSONL file (extra fields are provenance)."""
    from datasets import Dataset

    rows = [{c: row[c] for c in columns} for row in read_jsonl(path)]
    if not rows:
        raise ValueError(f"{path} holds no examples.")
    return Dataset.from_list(rows)


def row_weights(path: str | Path) -> list[float] | None:
    """The `weight` column of a JSONL file (rater quality, from the snapshot), or None when no row
    has one or every row has the same, so unweighted data keeps the trainer's own sampler."""
    weights = [float(row.get("weight", 1.0)) for row in read_jsonl(path)]
    if any(not math.isfinite(w) or w < 0 for w in weights):
        raise ValueError(f"{path}: every weight must be a finite number >= 0.")
    if not weights or len(set(weights)) == 1:
        return None
    if sum(weights) <= 0:
        raise ValueError(f"{path}: at least one weight must be positive.")
    return weights


def with_example_weights(trainer_class: Any, weights: list[float] | None) -> Any:
    """`trainer_class`, drawing training rows in proportion to their weight when weights differ.

    Weighted sampling (with replacement, seeded by the run's data seed) is importance weighting
    that works the same for every TRL trainer: a row of weight 2 is seen twice as often as one of
    weight 1 in expectation, and a row of weight 0 never, while each loss stays TRL's own.
    """
    if weights is None:
        return trainer_class
    row_weight: list[float] = weights

    class Weighted(trainer_class):
        def _get_train_sampler(self, train_dataset: Any = None) -> Any:
            dataset = self.train_dataset if train_dataset is None else train_dataset
            if len(dataset) != len(row_weight):
                raise ValueError(
                    f"{len(row_weight)} weights for {len(dataset)} training rows: the trainer "
                    "dropped rows, so weights no longer line up with them."
                )
            generator = torch.Generator().manual_seed(self.args.data_seed or self.args.seed)
            return torch.utils.data.WeightedRandomSampler(
                row_weight, num_samples=len(row_weight), replacement=True, generator=generator
            )

    Weighted.__name__ = Weighted.__qualname__ = f"Weighted{trainer_class.__name__}"
    return Weighted
