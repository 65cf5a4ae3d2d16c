"""The proper scoring rule judges are paid by, and the checks on what they may commit."""

import math

# Judges commit probabilities in [1%, 99%]: certainty would make a wrong judgement's log score
# minus infinity.
MIN_PROBABILITY = 0.01


def log_score(probabilities: list[float], correct_index: int) -> float:
    """log2 of the probability on the correct answer: 0 is perfect, -1 is a coin flip on two."""
    return math.log2(max(probabilities[correct_index], MIN_PROBABILITY / 10))


def brier(probabilities: list[float], correct_index: int) -> float:
    """Squared error over all options (0 perfect, 2 worst)."""
    return sum((p - (1.0 if i == correct_index else 0.0)) ** 2 for i, p in enumerate(probabilities))
