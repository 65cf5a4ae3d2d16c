"""What principle voting measures of its voters for the trust score (trust.components).

Votes have no known right answer, so there is no gold component: a person's agreement is how
often their current vote on a proposal is the choice most other voters (people and AI voters)
made on it. Disagreeing is legitimate in a vote, so this component says little on its own;
with the share of fast votes it tells a considered voter from someone clicking through.
"""

from collections import defaultdict
from collections.abc import Hashable

from annotation.principles.models import Vote
from trust.components import TrustComponents, majority_agreement


def voter_trust_components() -> dict[int, TrustComponents]:
    """User id -> components, over every current vote."""
    choices: dict[int, dict[Hashable, str]] = defaultdict(dict)
    rows = Vote.objects.values_list("proposal_id", "voter_user_id", "voter_model_id", "choice")
    for proposal_id, user_id, model_id, choice in rows.iterator():
        voter: Hashable = user_id if user_id is not None else f"model:{model_id}"
        choices[proposal_id][voter] = choice
    agreement = majority_agreement(choices)
    return {
        voter: TrustComponents(agreement_items=compared, agreement_sum=float(agreed))
        for voter, (compared, agreed) in agreement.items()
        if isinstance(voter, int)
    }
