"""Running a recipe over several processes, one per GPU, with `accelerate launch`.

The gpu worker starts the launch (training.launch) as a process group of its own and relays
the progress that rank 0 writes to the run's reporter. A redelivered task (its worker was
killed) first stops whatever the dead attempt left running, then launches again; the recipes
resume from their last complete checkpoint.
"""

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.conf import settings

from training.common import Progress, RunResult, bf16_autocast
from training.launch import LaunchSpec, launch_command, progress_parse, result_read

_POLL_S = 0.5


def training_processes() -> int:
    """How many processes a run trains with: TRAIN_PROCESSES, or every visible GPU."""
    if settings.TRAIN_PROCESSES > 0:
        return int(settings.TRAIN_PROCESSES)
    import torch

    return max(1, torch.cuda.device_count())


def recipe_launch(
    *,
    recipe: str,
    config: Any,
    processes: int,
    folder: Path,
    on_progress: Callable[[Progress], None],
) -> RunResult:
    """Run `recipe` with `config` over `processes` processes; RuntimeError if the launch fails."""
    folder.mkdir(parents=True, exist_ok=True)
    _stop_leftover(folder / "launch.pid")
    progress_file, result_file = folder / "launch-progress.jsonl", folder / "launch-result.json"
    progress_file.unlink(missing_ok=True)
    result_file.unlink(missing_ok=True)
    spec = LaunchSpec(
        recipe=recipe,
        config_class=type(config).__name__,
        config=asdict(config),
        progress_file=str(progress_file),
        result_file=str(result_file),
    ).write(folder / "launch-spec.json")
    command = launch_command(
        spec,
        processes=processes,
        mixed_precision="bf16" if bf16_autocast(config) else "no",
        config_file=Path(settings.TRAIN_ACCELERATE_CONFIG),
    )
    log = folder / "launch.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            command,
            cwd=settings.ROOT,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    (folder / "launch.pid").write_text(str(process.pid))
    relayed = 0
    while True:
        finished = process.poll() is not None
        relayed = _relay(progress_file, relayed, on_progress)
        if finished:
            break
        time.sleep(_POLL_S)
    (folder / "launch.pid").unlink(missing_ok=True)
    if process.returncode != 0 or not result_file.is_file():
        tail = log.read_bytes()[-1500:].decode(errors="replace").strip()
        raise RuntimeError(
            f"accelerate launch over {processes} processes exited with code "
            f"{process.returncode}: ... {tail}"
        )
    return result_read(result_file)


def _relay(progress_file: Path, offset: int, on_progress: Callable[[Progress], None]) -> int:
    """Pass on the complete progress lines after byte `offset`; returns the new offset."""
    if not progress_file.is_file():
        return offset
    with progress_file.open("rb") as handle:
        handle.seek(offset)
        data = handle.read()
    complete = data[: data.rfind(b"\n") + 1]  # a line still being written waits
    for line in complete.decode("utf-8").splitlines():
        if line:
            on_progress(progress_parse(line))
    return offset + len(complete)


def _stop_leftover(pid_file: Path) -> None:
    """Kill the process group of an earlier attempt whose worker died, so two never train."""
    try:
        pid = int(pid_file.read_text())
    except (OSError, ValueError):
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
