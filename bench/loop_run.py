"""The retraining loop end to end: where an admin-triggered run spends its time.

    .venv/bin/python bench/loop_run.py                    # 256 HH-RLHF pairs, 50 DPO steps
    .venv/bin/python bench/loop_run.py --pairs 1024 --steps 200 --recipe reward
    .venv/bin/python bench/loop_run.py --demo             # the run an admin starts after `make run`

Records HH-RLHF harmless-base pairs (data/hh_rlhf) as preference signals, then runs the same
service calls as the admin trigger: build the snapshot, train on the tiny model (or the line's
published model), evaluate, publish. `--demo` instead loads the demo content (`demo_load`, what
`make run` does: its red-team prompts and constitution make the evaluation generate replies and
ask the judge) and sends what the Training page's form sends by default: DPO, 50 steps, kinds
["preference"], the recipe's own max_length and the snapshot's own held-out fraction. The
snapshot build and the run execute in this process (what the default and gpu workers do) so the
split is free of queue latency; the workers' own start-up is not included.
Everything happens in one transaction that is rolled back, and the model files go to a
temporary folder, so nothing is kept. Prints one table of seconds per phase.
"""

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "true")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import override_settings  # noqa: E402

from loop.models import TrainingRun  # noqa: E402
from loop.services.bootstrap import models_bootstrap  # noqa: E402
from loop.services.policies import line_policy_set  # noqa: E402
from loop.services.runs import training_run_execute, training_run_start  # noqa: E402
from loop.tasks import snapshot_build_task  # noqa: E402
from ops.demo import demo_load  # noqa: E402
from registry.models import ModelLine  # noqa: E402
from signalpool.kinds import SignalKind  # noqa: E402
from signalpool.services import signal_record  # noqa: E402

ASSISTANT = "\n\nAssistant:"


class Rollback(Exception):
    pass


def hh_pairs(limit: int) -> list[dict[str, str]]:
    """Prompt = the dialogue up to the last assistant turn; answers = the two last turns."""
    pairs = []
    with gzip.open(ROOT / "data" / "hh_rlhf" / "harmless-base_test.jsonl.gz", "rt") as handle:
        for line in handle:
            row = json.loads(line)
            cut = row["chosen"].rfind(ASSISTANT) + len(ASSISTANT)
            prompt, chosen = row["chosen"][:cut], row["chosen"][cut:]
            if not row["rejected"].startswith(prompt) or not chosen.strip():
                continue
            rejected = row["rejected"][cut:]
            if rejected.strip() and rejected != chosen:
                pairs.append({"prompt": prompt, "chosen": chosen, "rejected": rejected})
            if len(pairs) == limit:
                break
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=256)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--recipe", choices=["dpo", "reward", "sft"], default="dpo")
    parser.add_argument("--llmbar-per-subset", type=int, default=25)
    parser.add_argument(
        "--demo", action="store_true", help="the demo content and the form's default run"
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-loop-"))
    figures: dict[str, float] = {}
    try:
        with override_settings(MODELS_DIR=folder / "models", DATASETS_DIR=folder / "datasets"):
            try:
                with transaction.atomic():
                    figures = run(args)
                    raise Rollback
            except Rollback:
                pass
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sizes = "the demo content" if args.demo else f"{args.pairs} HH-RLHF pairs"
    print(f"loop run: {args.recipe}, {sizes}, {args.steps} steps")
    for name, seconds in figures.items():
        print(f"  {name:<34} {seconds:8.2f} s")


def record_signals(pairs: int) -> None:
    models_bootstrap()
    user, _ = User.objects.get_or_create(username="bench-loop-rater")
    for n, pair in enumerate(hh_pairs(pairs)):
        signal_record(
            kind=SignalKind.PREFERENCE,
            item_type="bench.hh_rlhf",
            item_id=n,
            payload=pair,
            idempotency_key=f"bench-hh-{n}",
            source_user=user,
        )


def run(args: argparse.Namespace) -> dict[str, float]:
    started = time.perf_counter()
    if args.demo:
        demo_load()
    else:
        record_signals(args.pairs)
    recorded = time.perf_counter() - started
    line = ModelLine.objects.get(slug="debater")
    line_policy_set(line=line, eval_llmbar_per_subset=args.llmbar_per_subset)
    fmt = "sft" if args.recipe == "sft" else "preference"
    config: dict[str, int] = {"max_steps": args.steps}
    dataset_recipe: dict[str, object] = {"kinds": ["preference"], "format": fmt}
    if not args.demo:
        config["max_length"] = 512
        dataset_recipe["eval_fraction"] = 0.1
    started = time.perf_counter()
    run = training_run_start(
        line=line,
        recipe=args.recipe,
        config=config,
        dataset_recipe=dataset_recipe,
        auto_publish=True,
    )
    snapshot_build_task(run.snapshot_id)
    training_run_execute(run_id=run.pk)
    total = time.perf_counter() - started
    run = TrainingRun.objects.select_related("version").get(pk=run.pk)
    if run.status != "done":
        raise SystemExit(f"the run did not finish: {run.status} {run.error}")
    timings = run.timings
    assert run.version is not None
    trainer = float((run.version.metrics.get("training") or {}).get("train_runtime") or 0.0)
    phases = sum(
        timings.get(k, 0.0) for k in ("snapshot_s", "training_s", "evaluation_s", "publish_s")
    )
    return {
        "signals or demo content (not a run)": recorded,
        "snapshot (build, hash, write JSONL)": timings["snapshot_s"],
        "training (recipe.run)": timings["training_s"],
        "  of which the trainer's train()": trainer,
        "evaluation": timings["evaluation_s"],
        "publish (gates, audit, swap)": timings["publish_s"],
        "platform overhead (rest of the run)": total - phases,
        "total, start to done": total,
    }


if __name__ == "__main__":
    main()
