"""One loop iteration of a scenario, started and followed as an admin through the HTTP API."""

import time
from dataclasses import dataclass
from typing import Any

import httpx

from bench.fidelity.common import Sizes, progress, succeeded
from registry.models import ModelLine, ModelVersion


@dataclass
class Iteration:
    run: dict[str, Any]
    version: dict[str, Any]

    @property
    def metrics(self) -> dict[str, Any]:
        metrics: dict[str, Any] = self.version["version"]["metrics"]
        return metrics

    @property
    def published(self) -> bool:
        return bool(self.version["version"]["status"] == "published")

    @property
    def before(self) -> float | None:
        comparison = self.metrics.get("comparison") or {}
        value = comparison.get("preference_accuracy")
        return float(value) if value is not None else None

    @property
    def after(self) -> float | None:
        value = self.metrics.get("preference_accuracy")
        return float(value) if value is not None else None


# The bar for consistent raters (held-out accuracy >= 0.9), measured on at least 5
# held-out pairs: random raters' accuracy is about 0.5, but 1.0 by chance on the one or two
# pairs their few kept rewrites may leave (and 5 of 5 by chance is 1 in 32).
GATES = {"min_preference_accuracy": 0.9, "min_held_out_pairs": 5}


def loop_iteration(
    *,
    admin: httpx.Client,
    line: ModelLine,
    base: ModelVersion,
    since: str,
    dataset_recipe: dict[str, Any],
    sizes: Sizes,
    seed: int,
    config: dict[str, Any] | None = None,
    timeout_s: float = 1800,
) -> Iteration:
    """Set the line's gates, start a DPO run on the scenario's signals with automatic
    publishing, and follow it to the end."""
    succeeded(
        admin.put(
            f"/loop/policies/{line.slug}/",
            json={"gates": GATES, "eval_llmbar_per_subset": 1},
        )
    )
    started = succeeded(
        admin.post(
            "/loop/runs/",
            json={
                "line": line.slug,
                "recipe": "dpo",
                "base_version": base.pk,
                "dataset_recipe": {
                    "format": "preference",
                    "since": since,
                    "eval_fraction": 0.25,
                    "seed": seed,
                    **dataset_recipe,
                },
                "config": {
                    "max_steps": sizes.steps,
                    "learning_rate": sizes.learning_rate,
                    "save_steps": 0,
                    "seed": seed,
                    **(config or {}),
                },
                "auto_publish": True,
            },
        )
    ).json()
    progress(f"{line.slug}: run {started['id']} queued")
    deadline = time.monotonic() + timeout_s
    while True:
        run = succeeded(admin.get(f"/loop/runs/{started['id']}/")).json()
        if run["status"] in ("done", "failed", "cancelled"):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"run {run['id']} still {run['status']} after {timeout_s} s")
        time.sleep(1.0)
    if run["status"] != "done" or run["version"] is None:
        raise RuntimeError(f"run {run['id']} ended {run['status']}: {run['error']}")
    version = succeeded(admin.get(f"/loop/versions/{run['version']}/")).json()
    return Iteration(run, version)
