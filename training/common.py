"""What every recipe shares: the common config fields, progress reporting, checkpoints and the
atomic save that keeps a partial model from ever looking complete."""

import json
import math
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from transformers import TrainerCallback, TrainerControl, TrainerState, TrainingArguments


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
    save_steps: int = field(default=10, metadata={"help": "Checkpoint every this many steps."})
    seed: int = field(default=0, metadata={"help": "Seed for data order and new weights."})
    bf16: bool = field(default=False, metadata={"help": "bf16 mixed precision (GPU only)."})
    gradient_checkpointing: bool = field(
        default=False, metadata={"help": "Recompute activations to save GPU memory."}
    )
    lora_r: int = field(
        default=0, metadata={"help": "LoRA rank; 0 trains every weight, >0 trains adapters."}
    )
    lora_alpha: int = field(default=16, metadata={"help": "LoRA scaling numerator."})


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
    return {
        "output_dir": str(Path(cfg.output_dir) / "checkpoints"),
        "max_steps": cfg.max_steps,
        "learning_rate": cfg.learning_rate,
        "per_device_train_batch_size": cfg.batch_size,
        "per_device_eval_batch_size": cfg.batch_size,
        "gradient_accumulation_steps": cfg.gradient_accumulation_steps,
        "max_length": cfg.max_length,
        "save_strategy": "steps",
        "save_steps": cfg.save_steps,
        # Two checkpoints: the newest may be half-written when a worker is killed.
        "save_total_limit": 2,
        "logging_steps": 1,
        "seed": cfg.seed,
        "data_seed": cfg.seed,
        "bf16": cfg.bf16,
        "gradient_checkpointing": cfg.gradient_checkpointing,
        "report_to": "none",
        "disable_tqdm": True,
        "lr_scheduler_type": "constant",
        "dataloader_num_workers": 0,
        # Several processes without CUDA (training.launch on a CPU machine) talk over gloo.
        **({"use_cpu": True, "ddp_backend": "gloo"} if _distributed_cpu() else {}),
    }


def _distributed_cpu() -> bool:
    return int(os.environ.get("WORLD_SIZE", "1")) > 1 and not torch.cuda.is_available()


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
