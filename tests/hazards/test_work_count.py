"""The rater home announces exactly the hazard items the label page can give."""

from django.contrib.auth.models import User

from annotation.hazards.models import Assignment, Campaign
from annotation.hazards.selectors.work import labelling_work
from annotation.hazards.services.assignment import assignment_next
from annotation.hazards.services.labels import label_submit


def _announced(rater: User, campaign: Campaign) -> int:
    """What the rater home says is waiting in the campaign (0 when it lists nothing)."""
    url = f"/hazards/label/{campaign.pk}"
    return sum(item.count for item in labelling_work(rater) if item.url == url)


def _served_until_empty(rater: User, campaign: Campaign) -> int:
    served = 0
    while (response := assignment_next(rater=rater, campaign=campaign)) is not None:
        label_submit(rater=rater, response=response, harmful=False)
        served += 1
    return served


def test_a_campaign_of_gold_items_only_is_work_the_label_page_gives(
    labelled_campaign, raters
) -> None:
    # Observed: the home said "8 items waiting" (gold items) while the label page, whose
    # first item is never gold, said nothing was left.
    campaign = labelled_campaign(n=3, k=3, gold={0: True, 1: False, 2: False})
    assert _announced(raters[0], campaign) == 3
    assert _served_until_empty(raters[0], campaign) == 3
    assert _announced(raters[0], campaign) == 0


def test_the_home_count_follows_every_step_of_the_label_page(labelled_campaign, raters) -> None:
    campaign = labelled_campaign(n=6, k=2, gold={5: True})
    first, second, third = raters[:3]
    # Two raters take the two slots of an item: the third is not told about it.
    held = assignment_next(rater=first, campaign=campaign)
    assert held is not None
    assert _announced(first, campaign) == 6  # the item they hold still counts for them
    Assignment.objects.get_or_create(response=held, rater=second)
    assert _announced(third, campaign) == 5
    for rater in (first, second, third):
        announced = _announced(rater, campaign)
        assert _served_until_empty(rater, campaign) == announced
        assert _announced(rater, campaign) == 0
