"""Publishing gates: thresholds on a version's evaluation, configured per line.

A gate whose metric was not measured fails: a version is never published on a check that did
not run. The admin override (with a written reason) is the way past a failed gate.
"""

from typing import Any

DEFAULT_GATES: dict[str, float] = {"min_preference_accuracy": 0.5}

# gate name -> (metric path in ModelVersion.metrics, "min" or "max")
GATES: dict[str, tuple[tuple[str, ...], str]] = {
    "min_preference_accuracy": (("preference_accuracy",), "min"),
    # How many held-out pairs that accuracy was measured on: 1.0 on two pairs says little.
    "min_held_out_pairs": (("evaluated_on", "held_out_pairs"), "min"),
    "min_llmbar_accuracy": (("llmbar", "overall"), "min"),
    "max_hazard_rate": (("hazard_rate",), "max"),
    "min_constitution_agreement": (("constitution_agreement",), "min"),
}
# Largest allowed drop against the version being replaced, on each compared metric.
REGRESSION_GATE = "max_regression"
GATE_NAMES = (*GATES, REGRESSION_GATE)


def _get(metrics: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = metrics
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def gate_failures(metrics: dict[str, Any], gates: dict[str, float | None]) -> list[str]:
    """One sentence per failed gate; an empty list means the version may be published."""
    failures = []
    for name, threshold in sorted(gates.items()):
        if threshold is None:
            continue
        if name == REGRESSION_GATE:
            for metric, delta in sorted((metrics.get("comparison") or {}).get("delta", {}).items()):
                if delta is not None and -delta > threshold:
                    failures.append(
                        f"{metric} fell by {-delta:.3f} against the replaced version "
                        f"(at most {threshold} allowed)."
                    )
            continue
        path, direction = GATES[name]
        value = _get(metrics, path)
        label = ".".join(path)
        if value is None:
            failures.append(f"{label} was not measured.")
        elif direction == "min" and value < threshold:
            failures.append(f"{label} is {value:.3f}, below the required {threshold}.")
        elif direction == "max" and value > threshold:
            failures.append(f"{label} is {value:.3f}, above the allowed {threshold}.")
    return failures
