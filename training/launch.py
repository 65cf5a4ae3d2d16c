"""One training run over several processes (one per GPU) with `accelerate launch`.

The loop's gpu worker runs a recipe in its own process on one device; with more devices it
starts `accelerate launch -m training.launch SPEC` instead (launch_command below) and follows
the run through two files that rank 0 writes: progress as JSON lines, and the result.
Every rank runs the same recipe; TRL's trainers see the distributed environment accelerate sets
(WORLD_SIZE, LOCAL_RANK) and train data parallel; only rank 0 saves the model.
"""

import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch.distributed as dist

from training.common import Progress, RunResult


@dataclass(frozen=True)
class LaunchSpec:
    recipe: str
    """Module name under training.recipes, e.g. "dpo"."""
    config_class: str
    """The recipe's config dataclass, e.g. "DPORecipeConfig"."""
    config: dict[str, Any]
    progress_file: str
    result_file: str

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")
        return path

    @classmethod
    def read(cls, path: Path) -> "LaunchSpec":
        return cls(**json.loads(path.read_text(encoding="utf-8")))


def launch_command(
    spec_file: Path, *, processes: int, mixed_precision: str, config_file: Path
) -> list[str]:
    """The `accelerate launch` command line for one run over `processes` processes."""
    return [
        sys.executable,
        "-m",
        "accelerate.commands.launch",
        "--config_file",
        str(config_file),
        "--multi_gpu",
        "--num_machines",
        "1",
        "--num_processes",
        str(processes),
        "--mixed_precision",
        mixed_precision,
        "--dynamo_backend",
        "no",
        "-m",
        "training.launch",
        str(spec_file),
    ]


def result_read(path: Path) -> RunResult:
    data = json.loads(path.read_text(encoding="utf-8"))
    return RunResult(
        model_dir=Path(data["model_dir"]),
        losses=[(int(step), float(loss)) for step, loss in data["losses"]],
        resumed_from_step=int(data["resumed_from_step"]),
        metrics=data["metrics"],
    )


def progress_parse(line: str) -> Progress:
    return Progress(**json.loads(line))


def _main(spec_file: str) -> None:
    import importlib

    spec = LaunchSpec.read(Path(spec_file))
    module = importlib.import_module(f"training.recipes.{spec.recipe}")
    config_class = getattr(module, spec.config_class)
    config = config_class(**_config_values(spec.config))
    rank_zero = int(os.environ.get("RANK", "0")) == 0

    def on_progress(progress: Progress) -> None:
        if rank_zero:
            with open(spec.progress_file, "a", encoding="utf-8") as out:
                out.write(json.dumps(asdict(progress)) + "\n")

    result = module.run(config, on_progress)
    if rank_zero:
        # The size of the process group the trainer really trained in, not what was asked for.
        trained_in = dist.get_world_size() if dist.is_initialized() else 1
        metrics = {**result.metrics, "processes": trained_in}
        payload = {
            "model_dir": str(result.model_dir),
            "losses": result.losses,
            "resumed_from_step": result.resumed_from_step,
            "metrics": metrics,
        }
        # Written whole, then renamed: the worker never reads half a result.
        staging = Path(spec.result_file + ".partial")
        staging.write_text(json.dumps(payload), encoding="utf-8")
        staging.rename(spec.result_file)
    if dist.is_initialized():
        # Every rank leaves together and takes its process group down before exiting: a rank
        # that exits with the group still up can abort in its C++ teardown ("terminate called
        # without an active exception"), failing a run whose work was done.
        dist.barrier()
        dist.destroy_process_group()


def _config_values(values: dict[str, Any]) -> dict[str, Any]:
    # JSON has no tuples; the recipes' tuple fields (the alternating schedule) come back as lists.
    return {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}


if __name__ == "__main__":
    _main(sys.argv[1])
