"""What debate judging measures of its judges for the trust score (trust.components).

Gold: right when the judge's probability on the correct answer is above one half (the stored
`correct`). Judges who judged gold debates (services.gold) are measured on those only: they
were picked to measure, every judge meets them, and researchers vouched for their answers.
Judges who judged none are measured on every debate, since every question has a known answer;
`gold_basis` says which. Agreement: whether the answer they favoured is the one most other
judges of the same debate (people, AI judges and imported judges alike) favoured.
"""

from collections import defaultdict
from collections.abc import Hashable

from annotation.debates.models import Judgement
from trust.components import TrustComponents, majority_agreement

GOLD_DEBATES = "gold debates"
KNOWN_TRUTH = "all debates with a known answer (no gold debate judged)"


def _favoured(probabilities: list[float]) -> int | None:
    """The answer given the most probability, or None when two share the most."""
    top = max(probabilities)
    return probabilities.index(top) if probabilities.count(top) == 1 else None


def judge_trust_components() -> dict[int, TrustComponents]:
    """User id -> components, over every judgement stored."""
    answers: dict[int, list[bool]] = defaultdict(list)
    gold: dict[int, list[bool]] = defaultdict(list)
    choices: dict[int, dict[Hashable, int]] = defaultdict(dict)
    rows = Judgement.objects.values_list(
        "debate_id",
        "judge_id",
        "model_version_id",
        "external_name",
        "probabilities",
        "correct",
        "debate__gold",
    )
    for debate_id, judge_id, model_id, external, probabilities, correct, is_gold in rows.iterator():
        if judge_id is not None:
            answers[judge_id].append(correct)
            if is_gold:
                gold[judge_id].append(correct)
        favoured = _favoured(probabilities)
        if favoured is not None:
            judge: Hashable = (
                judge_id if judge_id is not None else f"model:{model_id}" if model_id else external
            )
            choices[debate_id][judge] = favoured
    agreement = majority_agreement(choices)
    components = {}
    for user_id, all_answers in answers.items():
        counted = gold.get(user_id) or all_answers
        components[user_id] = TrustComponents(
            gold_items=len(counted),
            gold_correct=float(sum(counted)),
            agreement_items=agreement.get(user_id, (0, 0))[0],
            agreement_sum=float(agreement.get(user_id, (0, 0))[1]),
            gold_basis=GOLD_DEBATES if user_id in gold else KNOWN_TRUTH,
        )
    return components
