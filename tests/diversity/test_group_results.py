"""Per-group results: proportions with Wilson intervals per rater group, over consenting
profiles only, with groups (and measures) of fewer than GROUP_RESULTS_MIN_SIZE raters left out."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.models import JudgeKind, Judgement
from annotation.hazards.models import Label
from annotation.principles.models import RoundStatus, Vote
from annotation.proportions import wilson_interval
from tests.factories import (
    CampaignFactory,
    DebateFactory,
    PromptFactory,
    ProposalFactory,
    ResponseFactory,
    VotingRoundFactory,
)

pytestmark = pytest.mark.django_db

RaterIn = Callable[..., User]


@pytest.fixture(autouse=True)
def min_size(settings: Any) -> None:
    settings.GROUP_RESULTS_MIN_SIZE = 3


def judged(judge: User, correct: bool) -> None:
    debate = DebateFactory.create()
    Judgement.objects.create(
        debate=debate,
        kind=JudgeKind.HUMAN,
        judge=judge,
        probabilities=[0.9, 0.1] if correct else [0.1, 0.9],
        correct=correct,
        score=0.0,
    )


def measure(row: dict[str, Any], name: str) -> dict[str, Any]:
    return next(m for m in row["measures"] if m["measure"] == name)


def test_judge_accuracy_per_group_leaves_out_small_groups_and_non_consenting_judges(
    rater_in: RaterIn, client_as: Callable[..., APIClient]
) -> None:
    for correct in (True, True, False):
        judged(rater_in(region="EU"), correct)
    judged(rater_in(region="EU"), True)
    for _ in range(2):  # two judges: too few to show
        judged(rater_in(region="NA"), True)
    for _ in range(4):  # no consent: never grouped
        judged(rater_in(consent=False), False)
    answer = client_as(Role.RESEARCHER).get("/api/debates/analytics/groups/?by=region")
    assert answer.status_code == 200
    report = answer.json()
    assert report["min_group_size"] == 3
    assert report["suppressed_groups"] == 1
    assert report["raters_left_out"] == 4
    [row] = report["groups"]
    accuracy = measure(row, "accuracy")
    assert (row["group"], row["raters"], accuracy["n"], accuracy["successes"]) == ("eu", 4, 4, 3)
    low, high = wilson_interval(3, 4)
    assert accuracy["rate"] == 0.75
    assert (accuracy["low"], accuracy["high"]) == (pytest.approx(low), pytest.approx(high))
    assert (
        client_as(Role.RESEARCHER).get("/api/debates/analytics/groups/?by=height").status_code
        == 400
    )
    assert client_as(Role.RATER).get("/api/debates/analytics/groups/").status_code == 403


def test_hazard_rate_and_agreement_per_group(
    rater_in: RaterIn, client_as: Callable[..., APIClient], settings: Any
) -> None:
    campaign = CampaignFactory.create()
    responses = [
        ResponseFactory.create(prompt=PromptFactory.create(campaign=campaign)) for _ in range(2)
    ]
    french = [rater_in(languages=["fr", "en"]) for _ in range(3)]
    english = [rater_in(languages=["en"]) for _ in range(1)]
    # Response 0: every French speaker says harmful, the English speaker says safe.
    # Response 1: everyone says safe.
    for rater in french:
        Label.objects.create(
            response=responses[0], rater=rater, taxonomy=campaign.taxonomy, harmful=True
        )
        Label.objects.create(
            response=responses[1], rater=rater, taxonomy=campaign.taxonomy, harmful=False
        )
    for rater in english:
        Label.objects.create(
            response=responses[0], rater=rater, taxonomy=campaign.taxonomy, harmful=False
        )
        Label.objects.create(
            response=responses[1], rater=rater, taxonomy=campaign.taxonomy, harmful=False
        )
    url = f"/api/hazards/campaigns/{campaign.pk}/analytics/groups/?by=languages"
    report = client_as(Role.RESEARCHER).get(url).json()
    rows = {row["group"]: row for row in report["groups"]}
    assert set(rows) == {"en", "fr"}  # a French speaker who also speaks English is in both
    fr_rate, fr_agreement = measure(rows["fr"], "hazard_rate"), measure(rows["fr"], "agreement")
    assert (fr_rate["n"], fr_rate["successes"]) == (6, 3)
    # Against the majority of the others on each response: all six French labels agree.
    assert (fr_agreement["n"], fr_agreement["successes"]) == (6, 6)
    en_agreement = measure(rows["en"], "agreement")
    assert (en_agreement["n"], en_agreement["successes"]) == (8, 7)
    # With a larger minimum every group is left out, and no figure of theirs is sent.
    settings.GROUP_RESULTS_MIN_SIZE = 5
    report = client_as(Role.RESEARCHER).get(url).json()
    assert report["groups"] == []
    assert report["suppressed_groups"] == 2


def test_a_measure_resting_on_too_few_raters_is_suppressed(
    rater_in: RaterIn, client_as: Callable[..., APIClient]
) -> None:
    voting_round = VotingRoundFactory.create(status=RoundStatus.CLOSED)
    popular, niche = (ProposalFactory.create(round=voting_round) for _ in range(2))
    voters = [rater_in(age_band="35-44") for _ in range(3)]
    for voter in voters:
        Vote.objects.create(proposal=popular, voter_user=voter, choice="agree")
    Vote.objects.create(proposal=niche, voter_user=voters[0], choice="disagree")
    Vote.objects.create(proposal=niche, voter_user=voters[1], choice="pass")
    url = f"/api/principles/rounds/{voting_round.pk}/groups/?by=age_band"
    [row] = client_as(Role.RESEARCHER).get(url).json()["groups"]
    assert measure(row, f"proposal {popular.pk}")["rate"] == 1.0
    hidden = measure(row, f"proposal {niche.pk}")
    assert hidden["suppressed"]
    assert hidden["n"] is None
    assert hidden["rate"] is None


def test_round_results_per_group_wait_for_the_close(client_as: Callable[..., APIClient]) -> None:
    voting_round = VotingRoundFactory.create()
    url = f"/api/principles/rounds/{voting_round.pk}/groups/"
    assert client_as(Role.RESEARCHER).get(url).status_code == 409
