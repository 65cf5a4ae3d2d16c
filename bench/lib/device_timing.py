"""Timing a Trainer run on the device: wall time per phase, peak memory."""

import resource
import time
from dataclasses import dataclass, field
from typing import Any

import torch
from transformers import TrainerCallback


def synchronize() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


@dataclass
class PhaseTimer(TrainerCallback):
    """Wall time of each phase of a Trainer run, the device synchronised at each boundary.

    data: from the end of one step (or the start) to the next step's start (batch fetch and
    collation); forward_backward: step start to the optimizer; optimizer: the optimizer step;
    checkpoint: from the end of a step to the end of its save.
    """

    warmup: int
    started: float = 0.0
    init_end: float = 0.0
    train_begin: float = 0.0
    train_end: float = 0.0
    phases: dict[str, float] = field(
        default_factory=lambda: {"data": 0.0, "forward_backward": 0.0, "optimizer": 0.0}
    )
    checkpoint_s: float = 0.0
    checkpoints: int = 0
    steady_steps: int = 0
    steady_s: float = 0.0
    _mark: float = 0.0
    _step_begin: float = 0.0
    _pre_optimizer: float = 0.0
    _step: int = 0

    def _now(self) -> float:
        synchronize()
        return time.perf_counter()

    def on_init_end(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        self.init_end = self._now()

    def on_train_begin(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        self.train_begin = self._mark = self._now()

    def on_step_begin(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        self._step_begin = self._now()
        if self._step >= self.warmup:
            self.phases["data"] += self._step_begin - self._mark

    def on_pre_optimizer_step(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        self._pre_optimizer = self._now()
        if self._step >= self.warmup:
            self.phases["forward_backward"] += self._pre_optimizer - self._step_begin

    def on_optimizer_step(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        now = self._now()
        if self._step >= self.warmup:
            self.phases["optimizer"] += now - self._pre_optimizer

    def on_step_end(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        now = self._now()
        if self._step >= self.warmup:
            self.steady_steps += 1
            self.steady_s += now - self._mark
        self._step += 1
        self._mark = now

    def on_save(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        now = self._now()
        self.checkpoint_s += now - self._mark
        self.checkpoints += 1
        if self._step > self.warmup:
            self.steady_s += now - self._mark
        self._mark = now

    def on_train_end(self, args: Any, state: Any, control: Any, **_: Any) -> None:
        self.train_end = self._now()


def peak_memory_gib() -> float:
    if torch.cuda.is_available():
        return torch.cuda.max_memory_allocated() / 2**30
    # Resident set size high-water mark of this process (Linux reports KiB).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
