"""Parameter fields every training study shares (steps, rate, length, seed), declared and checked
once: each kind's parameter dataclass uses these fields and adds `knob_errors` to its own."""

from dataclasses import field
from typing import Any

# Seeds are stored in JSON and passed to numpy and torch, which take 32-bit seeds.
MAX_SEED = 2**31


def seed_field(help_text: str) -> Any:
    return field(default=0, metadata={"help": help_text})


def max_steps_field() -> Any:
    return field(default=10, metadata={"help": "Optimizer steps of each training run."})


def learning_rate_field(help_text: str = "Peak learning rate.") -> Any:
    return field(default=5e-4, metadata={"help": help_text})


def max_length_field(help_text: str) -> Any:
    return field(default=1024, metadata={"help": help_text})


def knob_errors(params: Any) -> dict[str, str]:
    """Messages by field for the shared knobs the parameters have."""
    errors: dict[str, str] = {}
    if hasattr(params, "seed") and not 0 <= params.seed < MAX_SEED:
        errors["seed"] = f"Give a whole number from 0 to {MAX_SEED - 1}."
    if hasattr(params, "max_steps") and params.max_steps < 1:
        errors["max_steps"] = "Give at least one step."
    if hasattr(params, "learning_rate") and params.learning_rate <= 0:
        errors["learning_rate"] = "Give a positive rate."
    if hasattr(params, "max_length") and params.max_length < 16:
        errors["max_length"] = "Give at least 16 tokens."
    return errors
