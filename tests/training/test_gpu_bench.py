"""bench/gpu_train.py runs at the tiny size on a CPU and reports every figure it promises."""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_training_benchmark_reports_speed_memory_and_time_shares(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    command = [
        sys.executable,
        str(ROOT / "bench" / "gpu_train.py"),
        *("--shape", "tiny", "--steps", "3", "--warmup", "1", "--batch", "2", "--seq", "64"),
        *("--runs", "dpo,dpo-before,sft,reward", "--generation-batches", "1,4"),
        *("--new-tokens", "8", "--out", str(out)),
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "platform")])}
    finished = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    last = json.loads(finished.stdout.strip().splitlines()[-1])
    assert last == json.loads(out.read_text())
    assert last["parameters"] > 0
    runs = {run["variant"]: run for run in last["runs"]}
    assert set(runs) == {"dpo", "dpo-before", "sft", "reward"}
    for run in runs.values():
        assert "error" not in run, run
        assert run["tokens_per_s"] > 0
        assert run["tflops"] > 0
        assert run["peak_memory_gib"] > 0
        assert math.isclose(sum(run["shares"].values()), 1.0, abs_tol=1e-6)
        assert math.isfinite(run["first_loss"])
        assert math.isfinite(run["last_loss"])
        assert run["mfu"] is None  # a CPU has no known peak unless --peak-tflops is given
    # A step interval also saves at the last step; the timed default does not within 3 steps.
    assert runs["dpo-before"]["checkpoints"] == 1
    assert runs["dpo"]["checkpoints"] == 0
    assert [g["batch"] for g in last["generation"]] == [1, 4]
    assert all(g["tokens_per_s"] > 0 for g in last["generation"])
