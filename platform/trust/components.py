"""What an activity measures of its raters for the trust score, and how the score combines it.

An activity gives a `TrustComponentsProvider` (activities.interface.Activity.trust_components):
per user id, how many of their answers on items with a known answer were right, and how far
their answers agreed with the aggregated ones. The platform adds the share of their timed
submissions that came faster than the floor (trust.models.SubmissionTiming) and combines them.
"""

from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar


@dataclass(frozen=True)
class TrustComponents:
    """Counts, so that an activity's measures add up across items.

    `gold_correct` of `gold_items` answers on items with a known answer were right;
    `agreement_sum` over `agreement_items` answers is how much each agreed with the aggregate
    (1 for the majority's choice, or the Dawid-Skene posterior of the rater's class).
    """

    gold_items: int = 0
    gold_correct: float = 0.0
    agreement_items: int = 0
    agreement_sum: float = 0.0
    # Which items the gold part counted, in words, where an activity has a choice (debates:
    # gold debates, or every debate with a known answer when the judge judged no gold one).
    gold_basis: str = ""

    @property
    def gold_accuracy(self) -> float | None:
        return self.gold_correct / self.gold_items if self.gold_items else None

    @property
    def agreement(self) -> float | None:
        return self.agreement_sum / self.agreement_items if self.agreement_items else None


# () -> user id -> components, over everything the activity holds now.
TrustComponentsProvider = Callable[[], dict[int, TrustComponents]]


def trust_score(
    *, gold_accuracy: float | None, agreement: float | None, fast_share: float | None
) -> float:
    """The mean of the measured quality components (gold accuracy, agreement), times the share
    of timed submissions that were not too fast.

    Gold accuracy and agreement count equally where both are measured; a rater measured by
    neither has quality 1, so the score then only reflects their speed (unmeasured raters are
    not punished for being new). Multiplying by (1 - fast share) makes a rater who clicks
    through everything worth nothing whatever their luck on gold items.
    """
    measured = [c for c in (gold_accuracy, agreement) if c is not None]
    quality = sum(measured) / len(measured) if measured else 1.0
    return min(1.0, max(0.0, quality * (1.0 - (fast_share or 0.0))))


Rater = TypeVar("Rater", bound=Hashable)


def majority_agreement(
    choices: Mapping[Any, Mapping[Rater, Hashable]],
) -> dict[Rater, tuple[int, int]]:
    """Rater -> (answers compared, answers that matched), from item -> rater -> choice.

    Each answer is compared with the majority of the other raters of the same item (the
    rater's own answer would vote for itself); items nobody else answered, and ties among the
    others, compare nothing.
    """
    counts: dict[Rater, list[int]] = {}
    for answers in choices.values():
        for rater, choice in answers.items():
            others = Counter(c for r, c in answers.items() if r != rater)
            top = others.most_common(2)
            if not top or (len(top) == 2 and top[0][1] == top[1][1]):
                continue
            row = counts.setdefault(rater, [0, 0])
            row[0] += 1
            row[1] += int(choice == top[0][0])
    return {rater: (compared, agreed) for rater, (compared, agreed) in counts.items()}
