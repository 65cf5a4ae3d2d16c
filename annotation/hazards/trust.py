"""What hazard labelling measures of its raters for the trust score (trust.components).

Gold: on responses with a gold answer, whether the rater's harmful / not harmful matched it.
Agreement: on the other responses that someone else labelled too (and no researcher
adjudicated), the Dawid-Skene posterior of the class the rater chose, over every label
(people, AI labellers and imported annotators), as the loop aggregates them
(loop_inputs._aggregate). Known answers are kept out of agreement so they count once.
"""

from collections import defaultdict

from annotation.hazards.loop_inputs import _aggregate, _label_class
from trust.components import TrustComponents


def rater_trust_components() -> dict[int, TrustComponents]:
    """User id -> components, over every hazard label in the pool."""
    aggregate = _aggregate(None)
    raters_of: dict[int, set[str]] = defaultdict(set)
    for signal in aggregate.labels:
        raters_of[int(signal.item_id)].add(signal.rater)
    gold_items: dict[int, int] = defaultdict(int)
    gold_correct: dict[int, int] = defaultdict(int)
    agreement_items: dict[int, int] = defaultdict(int)
    agreement_sum: dict[int, float] = defaultdict(float)
    for signal in aggregate.labels:
        user_id = signal.source_user_id
        if user_id is None:
            continue
        item = int(signal.item_id)
        gold = aggregate.gold.get(item)
        if gold is not None:
            gold_items[user_id] += 1
            gold_correct[user_id] += int(bool(signal.payload["harmful"]) == gold)
        elif item not in aggregate.adjudicated and len(raters_of[item]) > 1:
            agreement_items[user_id] += 1
            agreement_sum[user_id] += aggregate.posterior[item][_label_class(signal.payload)]
    return {
        user_id: TrustComponents(
            gold_items=gold_items[user_id],
            gold_correct=float(gold_correct[user_id]),
            agreement_items=agreement_items[user_id],
            agreement_sum=agreement_sum[user_id],
        )
        for user_id in sorted(set(gold_items) | set(agreement_items))
    }
