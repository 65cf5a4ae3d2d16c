"""A campaign's hazard rate and agreement per rater group (diversity.results).

Hazard rate: the share of the group's labels that call a response harmful. Agreement: the share
of the group's labels that match the majority of the other people who labelled the same
response (responses with no other label, or a tie among them, are left out), so a rater's own
label never makes them agree.
"""

from collections import defaultdict
from typing import Any

from annotation.hazards.models import Campaign, Label
from annotation.proportions import wilson_interval
from diversity.models import GroupField
from diversity.results import Observation, group_results


def campaign_results_by_group(*, campaign: Campaign, field: GroupField) -> dict[str, Any]:
    labels = list(
        Label.objects.filter(response__prompt__campaign=campaign, rater__isnull=False).values_list(
            "response_id", "rater_id", "harmful"
        )
    )
    by_response: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    for response_id, rater_id, harmful in labels:
        by_response[response_id].append((rater_id, harmful))
    hazard: list[Observation] = []
    agreement: list[Observation] = []
    for given in by_response.values():
        harmful_votes = sum(1 for _, harmful in given if harmful)
        for rater_id, harmful in given:
            hazard.append((rater_id, harmful))
            others_harmful = harmful_votes - int(harmful)
            others_safe = len(given) - 1 - others_harmful
            if others_harmful != others_safe:
                agreement.append((rater_id, harmful == (others_harmful > others_safe)))
    return group_results(
        field=field,
        measures={"hazard_rate": hazard, "agreement": agreement},
        interval=wilson_interval,
    )
