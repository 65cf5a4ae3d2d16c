"""Training and generation speed of the project's own recipes on this machine's device.

Builds a model of a given shape from a config (nothing is downloaded), writes random text of a
fixed token length, runs the DPO, SFT and reward recipes (training.recipes.*.run, exactly as the
loop runs them) for a fixed number of steps, and prints per run: tokens/s, achieved TFLOP/s, MFU,
peak memory and the share of time spent in setup, the reference pass, data loading,
forward/backward, the optimizer and checkpointing. Then generation through the platform's
transformers backend at batch 1 and 32.

    python bench/gpu_train.py --shape tiny --steps 6            # CPU smoke run (make test runs it)
    python bench/gpu_train.py --shape qwen2-0.5b --steps 30     # what a GPU host runs

FLOPs (the convention of the PaLM and Chinchilla papers, attention's quadratic term left out):
6N per trained token (forward and backward) and 2N per reference token (forward only), with N
the model's parameter count. MFU = achieved FLOP/s / the device's peak dense bf16 FLOP/s.
Timing uses the steps after the first `--warmup` (kernel selection, allocator growth, compile).
The last line printed is one JSON object with every figure.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TQDM_DISABLE", "1")

import torch  # noqa: E402

from bench.lib.device_timing import PhaseTimer, peak_memory_gib, synchronize  # noqa: E402
from bench.lib.training_inputs import build_model, random_text, write_data  # noqa: E402
from training.common import RunResult  # noqa: E402
from training.recipes import dpo, reward, sft  # noqa: E402

# Peak dense bf16 tensor FLOP/s by device name. H200/H100 SXM: NVIDIA's spec sheet says 989;
# the figure the platform's earlier H200 measurement used (31.7% MFU) was 790, printed too.
PEAK_TFLOPS = {"H200": 989.0, "H100": 989.0, "A100": 312.0, "L40S": 362.0}
EARLIER_H200_PEAK = 790.0


@dataclass(frozen=True)
class Variant:
    name: str
    recipe: str  # dpo, sft or reward
    batch: int
    overrides: dict[str, Any] = field(default_factory=dict)


RECIPES: dict[str, Any] = {
    "dpo": (dpo.run, dpo.DPORecipeConfig),
    "sft": (sft.run, sft.SFTRecipeConfig),
    "reward": (reward.run, reward.RewardRecipeConfig),
}


def run_variant(
    variant: Variant, *, model: Path, params: int, embedding: int, args: Any, work: Path
) -> dict[str, Any]:
    run, config_class = RECIPES[variant.recipe]
    # As many rows as the run trains on, so a reference pass covers only those.
    data = write_data(work / f"data-{variant.name}", variant.batch * args.steps, args.seq, seed=0)
    train_file = data["sft"] if variant.recipe == "sft" else data["pairs"]
    cfg = config_class(
        base_model=str(model),
        train_file=str(train_file),
        output_dir=str(work / variant.name),
        max_steps=args.steps,
        batch_size=variant.batch,
        learning_rate=1e-5,
        max_length=args.seq,
    )
    cfg = replace(cfg, **variant.overrides)
    timer = PhaseTimer(warmup=args.warmup)
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
    timer.started = time.perf_counter()
    result: RunResult = run(cfg, extra_callbacks=[timer])
    finished = time.perf_counter()

    # Tokens one optimizer step trains on: chosen and rejected sequences for pairs.
    sequences_per_row = 1 if variant.recipe == "sft" else 2
    step_tokens = variant.batch * sequences_per_row * args.seq
    step_s = timer.steady_s / max(timer.steady_steps, 1)
    # A causal LM multiplies by its (tied) embedding matrix as its output layer; a reward model
    # only looks rows of it up, which costs no FLOPs.
    matmul_params = params - embedding if variant.recipe == "reward" else params
    # DPO runs the frozen reference forward over the same tokens: in each step, or once before
    # training when precomputed (then in reference_s, with the trainer's own preparation).
    reference_in_step = variant.recipe == "dpo" and not cfg.precompute_ref_log_probs
    policy_flops = 6 * matmul_params * step_tokens
    reference_flops = 2 * matmul_params * step_tokens if variant.recipe == "dpo" else 0
    step_flops = policy_flops + (reference_flops if reference_in_step else 0)
    tflops = step_flops / step_s / 1e12
    reference_s = timer.train_begin - timer.init_end
    end_to_end_tflops = (
        args.steps
        * (policy_flops + reference_flops)
        / (reference_s + timer.train_end - timer.train_begin)
        / 1e12
    )
    peak = args.peak_tflops
    loop_s = timer.train_end - timer.train_begin
    total_s = finished - timer.started
    shares = {
        "setup": (timer.init_end - timer.started) / total_s,
        # DPO's reference pass (when precomputed) and the trainer's own preparation.
        "reference_and_prepare": reference_s / total_s,
        **{k: v / total_s for k, v in timer.phases.items()},
        "checkpoint": timer.checkpoint_s / total_s,
        "final_save": (finished - timer.train_end) / total_s,
    }
    # The warm-up steps and logging fall outside the phases above.
    shares["warmup_and_other"] = max(0.0, 1.0 - sum(shares.values()))
    losses = [loss for _, loss in result.losses]
    return {
        "variant": variant.name,
        "recipe": variant.recipe,
        "batch": variant.batch,
        "overrides": variant.overrides,
        "tokens_per_s": step_tokens / step_s,
        "tflops": tflops,
        "mfu": tflops / peak if peak else None,
        "mfu_vs_790": tflops / EARLIER_H200_PEAK if "H200" in args.device_name else None,
        "end_to_end_tflops": end_to_end_tflops,
        "end_to_end_mfu": end_to_end_tflops / peak if peak else None,
        "step_s": step_s,
        "peak_memory_gib": peak_memory_gib(),
        "loop_s": loop_s,
        "total_s": total_s,
        "checkpoints": timer.checkpoints,
        "shares": shares,
        "first_loss": losses[0] if losses else None,
        "last_loss": losses[-1] if losses else None,
    }


def generation_rates(model: Path, *, batches: list[int], new_tokens: int) -> list[dict[str, Any]]:
    """Tokens/s through the platform's transformers backend, greedy, every row to full length."""
    from llm.backends.base import BackendConfig, GenerationParams, ModelRef
    from llm.backends.local import TransformersBackend

    backend = TransformersBackend(ModelRef(str(model), "bench"), BackendConfig(device="auto"))
    rng = random.Random(0)
    params = GenerationParams(max_new_tokens=new_tokens, temperature=0.0)
    rows = []
    for batch in batches:
        prompts = [random_text(rng, 64) for _ in range(batch)]
        backend.generate(prompts[:1], GenerationParams(max_new_tokens=4, temperature=0.0))
        synchronize()
        start = time.perf_counter()
        completions = backend.generate(prompts, params)
        synchronize()
        elapsed = time.perf_counter() - start
        tokens = sum(c.completion_tokens for c in completions)
        rows.append(
            {"batch": batch, "tokens": tokens, "seconds": elapsed, "tokens_per_s": tokens / elapsed}
        )
    return rows


def variants(args: Any) -> list[Variant]:
    batch = args.batch
    chosen = {
        # The recipes as they run now: reference log-probs precomputed, fused AdamW on a GPU,
        # checkpoints by time, fp32 master weights with bf16 autocast.
        "dpo": Variant("dpo", "dpo", batch),
        # The same with four times the pairs per step, which fills an H200 at the 0.5B shape.
        "dpo-fill": Variant("dpo-fill", "dpo", 4 * batch),
        # As before this change: the reference model run in every step, a checkpoint every
        # 10 steps (with optimizer state).
        "dpo-before": Variant(
            "dpo-before",
            "dpo",
            batch,
            {"precompute_ref_log_probs": False, "save_steps": 10},
        ),
        "dpo-compile": Variant("dpo-compile", "dpo", 2 * batch, {"torch_compile": True}),
        "sft": Variant("sft", "sft", 2 * batch),
        "reward": Variant("reward", "reward", batch),
    }
    unknown = [name for name in args.runs if name not in chosen]
    if unknown:
        raise SystemExit(f"unknown --runs {', '.join(unknown)}: choose from {', '.join(chosen)}")
    return [chosen[name] for name in args.runs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", default="tiny", help="tiny or qwen2-0.5b")
    parser.add_argument("--steps", type=int, default=30, help="optimizer steps per run")
    parser.add_argument("--warmup", type=int, default=3, help="first steps left out of timing")
    parser.add_argument("--batch", type=int, default=16, help="pairs (DPO, reward) per step")
    parser.add_argument("--seq", type=int, default=512, help="tokens per sequence")
    parser.add_argument(
        "--runs",
        type=lambda s: s.split(","),
        default="dpo,dpo-before,sft,reward",
        help="comma-separated: dpo, dpo-fill, dpo-before, dpo-compile, sft, reward",
    )
    parser.add_argument("--generation-batches", default="1,32", help="'' to skip generation")
    parser.add_argument("--new-tokens", type=int, default=128)
    parser.add_argument("--peak-tflops", type=float, default=0.0, help="0: from the device name")
    parser.add_argument("--budget-s", type=float, default=0.0, help="skip runs after this many s")
    parser.add_argument("--out", default="", help="also write the JSON result to this file")
    args = parser.parse_args()
    if isinstance(args.runs, str):
        args.runs = args.runs.split(",")
    args.device_name = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    if not args.peak_tflops:
        args.peak_tflops = next((v for k, v in PEAK_TFLOPS.items() if k in args.device_name), 0.0)
    started = time.monotonic()
    report: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "device": args.device_name,
        "torch": torch.__version__,
        "command": " ".join(sys.argv),
        "peak_tflops": args.peak_tflops or None,
        "runs": [],
        "generation": [],
    }

    def save() -> None:
        if args.out:
            Path(args.out).write_text(json.dumps(report, indent=2))

    with tempfile.TemporaryDirectory(prefix="gpu-train-") as tmp:
        work = Path(tmp)
        model, params, embedding = build_model(args.shape, work / "base", seed=0)
        report["parameters"] = params
        print(f"{args.device_name}, torch {torch.__version__}, {args.shape}: {params:,} parameters")
        print(
            f"{'run':<15}{'batch':>6}{'tok/s':>9}{'TFLOP/s':>9}{'MFU':>7}{'e2e MFU':>8}"
            f"{'GiB':>7}  shares of the run's wall time"
        )
        for variant in variants(args):
            if args.budget_s and time.monotonic() - started > args.budget_s:
                report["runs"].append({"variant": variant.name, "skipped": "time budget"})
                continue
            try:
                row = run_variant(
                    variant, model=model, params=params, embedding=embedding, args=args, work=work
                )
            except Exception as exc:  # a variant that fails must not hide the others' figures
                row = {"variant": variant.name, "error": f"{type(exc).__name__}: {exc}"[:500]}
                print(f"{variant.name:<15} failed: {row['error']}")
            else:
                mfu, e2e = (
                    "n/a" if row[k] is None else f"{row[k]:.1%}" for k in ("mfu", "end_to_end_mfu")
                )
                shares = " ".join(f"{k}={v:.0%}" for k, v in row["shares"].items() if v >= 0.005)
                print(
                    f"{variant.name:<15}{variant.batch:>6}{row['tokens_per_s']:>9,.0f}"
                    f"{row['tflops']:>9.1f}{mfu:>7}{e2e:>8}{row['peak_memory_gib']:>7.1f}  {shares}"
                )
            report["runs"].append(row)
            save()
        batches = [int(b) for b in args.generation_batches.split(",") if b]
        if batches:
            try:
                report["generation"] = generation_rates(
                    model, batches=batches, new_tokens=args.new_tokens
                )
            except Exception as exc:  # keep the training figures when generation fails
                report["generation_error"] = f"{type(exc).__name__}: {exc}"[:500]
                print(f"generation failed: {report['generation_error']}")
            for g in report["generation"]:
                print(f"generate batch {g['batch']:>3}: {g['tokens_per_s']:,.0f} tokens/s")
            base = report["generation"][0]["tokens_per_s"] if report["generation"] else 0.0
            for g in report["generation"][1:]:
                print(f"  batch {g['batch']} / batch {batches[0]}: {g['tokens_per_s'] / base:.1f}x")
    report["wall_s"] = time.monotonic() - started
    save()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
