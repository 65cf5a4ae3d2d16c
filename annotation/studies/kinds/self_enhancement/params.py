"""The self-enhancement study's parameters."""

import math
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from annotation.studies.kinds.cosmosqa import questions
from annotation.studies.kinds.knobs import (
    knob_errors,
    learning_rate_field,
    max_steps_field,
    seed_field,
)
from annotation.studies.services.work import versions_check


@dataclass(frozen=True)
class SelfEnhancementParams:
    version: str = field(
        default="debater:1",
        metadata={
            "help": "The base version, as line:number; SFT and DPO train on its line, one run "
            "after the other, and leave draft versions."
        },
    )
    train_items: int = field(
        default=4,
        metadata={
            "help": "CosmosQA questions the base explains for SFT (Train 1); each gives two "
            "true/false rows, its correct answer and one wrong one."
        },
    )
    sample_items: int = field(
        default=4,
        metadata={"help": "Other questions the SFT version samples and ranks for DPO (Train 2)."},
    )
    test_items: int = field(
        default=4, metadata={"help": "Other questions every version is scored on (Test)."}
    )
    samples: int = field(
        default=2,
        metadata={
            "help": "Completions the SFT version samples per row (the paper: 4); the best and "
            "worst by mean token log-probability make its pair."
        },
    )
    explanation_tokens: int = field(
        default=24, metadata={"help": "Most tokens of an explanation or a sample."}
    )
    temperature: float = field(
        default=1.0, metadata={"help": "Sampling temperature of the SFT version's samples."}
    )
    seed: int = seed_field("Chooses the questions and wrong answers, seeds sampling and training.")
    max_steps: int = max_steps_field()
    learning_rate: float = learning_rate_field("Peak learning rate of both runs.")

    def __post_init__(self) -> None:
        errors: dict[str, str] = {}
        for name in ("train_items", "sample_items", "test_items"):
            if getattr(self, name) < 1:
                errors[name] = "Give at least one question."
        total = self.train_items + self.sample_items + self.test_items
        if not errors and total > len(questions()):
            errors["test_items"] = f"The three splits together: at most {len(questions())}."
        if self.samples < 2:
            errors["samples"] = "Give at least two samples: a pair needs a best and a worst."
        if self.explanation_tokens < 1:
            errors["explanation_tokens"] = "Give at least one token."
        if not math.isfinite(self.temperature) or self.temperature <= 0:
            errors["temperature"] = "Give a positive temperature: the samples must differ."
        errors |= knob_errors(self)
        if errors:
            raise ValidationError(errors)
        versions_check("version", [self.version])
