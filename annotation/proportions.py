"""Intervals for proportions (judge accuracy, hazard rates): one definition for every activity."""

from scipy.stats import binomtest


def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for successes / trials, computed by SciPy (the reference).

    With no trials nothing is known, so the interval is the whole range (0, 1).
    """
    if trials == 0:
        return 0.0, 1.0
    interval = binomtest(successes, trials).proportion_ci(confidence, method="wilson")
    return float(interval.low), float(interval.high)
