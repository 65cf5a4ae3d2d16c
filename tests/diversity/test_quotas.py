"""Quotas per rater group: routing stops handing work to a group whose quota is met, holds
places back for groups short of their minimum, prefers objects that want the rater's group,
and researchers read and set the fill per group."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient

from accounts.roles import Role
from annotation.debates.services.assignments import assignment_next as judge_next
from annotation.hazards.models import Campaign
from annotation.hazards.services.assignment import assignment_next as label_next
from annotation.hazards.services.labels import label_submit
from annotation.principles.services.votes import vote_cast
from config.errors import StateConflict
from diversity.quotas import quota_fill, quota_plan_set
from tests.factories import (
    CampaignFactory,
    DebateFactory,
    PromptFactory,
    ProposalFactory,
    QuestionFactory,
    QuestionSetFactory,
    ResponseFactory,
    UserFactory,
    VotingRoundFactory,
)

pytestmark = pytest.mark.django_db

RaterIn = Callable[..., User]


def campaign_with(responses: int, k: int = 1) -> Campaign:
    campaign = CampaignFactory.create(labels_per_item=k)
    for _ in range(responses):
        ResponseFactory.create(prompt=PromptFactory.create(campaign=campaign))
    return campaign


def plan(activity: str, object_id: int, *quotas: dict[str, object], total: int | None = None):
    researcher = UserFactory.create(roles=[Role.RESEARCHER], password=None)
    return quota_plan_set(
        activity=activity,
        object_id=object_id,
        planned_total=total,
        quotas=list(quotas),
        user=researcher,
    )


def test_a_group_whose_maximum_is_met_gets_no_more_labelling(rater_in: RaterIn) -> None:
    campaign = campaign_with(responses=6)
    plan("hazards", campaign.pk, {"field": "region", "value": "EU", "max_count": 2})
    first, second, third = (rater_in(region=name) for name in ("EU", "eu", " Eu "))
    response = label_next(rater=first, campaign=campaign)
    assert response is not None
    label_submit(rater=first, response=response, harmful=False)
    # An open assignment holds its place: the group's second item is reserved, not yet labelled.
    assert label_next(rater=second, campaign=campaign) is not None
    assert label_next(rater=third, campaign=campaign) is None
    # Other groups, and raters who share nothing, still get work.
    assert label_next(rater=rater_in(region="NA"), campaign=campaign) is not None
    assert label_next(rater=rater_in(consent=False), campaign=campaign) is not None


def test_quotas_cap_raters_who_disclose_nothing(rater_in: RaterIn) -> None:
    campaign = campaign_with(responses=4)
    plan("hazards", campaign.pk, {"field": "region", "value": "undisclosed", "max_count": 1})
    assert label_next(rater=rater_in(consent=False), campaign=campaign) is not None
    # Consent given but no region: undisclosed too.
    assert label_next(rater=rater_in(expertise="law"), campaign=campaign) is None
    assert label_next(rater=rater_in(region="EU"), campaign=campaign) is not None


def test_places_a_group_short_of_its_minimum_needs_are_held_back_for_it(
    rater_in: RaterIn,
) -> None:
    campaign = campaign_with(responses=4)  # 4 places at one label per item
    plan("hazards", campaign.pk, {"field": "region", "value": "EU", "min_count": 2})
    others = [rater_in(region="NA") for _ in range(3)]
    assert label_next(rater=others[0], campaign=campaign) is not None
    assert label_next(rater=others[1], campaign=campaign) is not None
    # Two places are left and the EU group still needs two.
    assert label_next(rater=others[2], campaign=campaign) is None
    assert label_next(rater=rater_in(region="EU"), campaign=campaign) is not None


def test_shares_are_of_the_campaigns_places(rater_in: RaterIn) -> None:
    campaign = campaign_with(responses=5, k=2)  # 10 places; 30% is 3
    plan("hazards", campaign.pk, {"field": "languages", "value": "fr", "max_share": 0.3})
    speakers = [rater_in(languages=["en", "FR"]) for _ in range(4)]
    given = [label_next(rater=rater, campaign=campaign) for rater in speakers]
    assert [r is not None for r in given] == [True, True, True, False]
    assert label_next(rater=rater_in(languages=["en"]), campaign=campaign) is not None


def test_without_a_campaign_a_rater_gets_work_where_their_group_is_short(
    rater_in: RaterIn,
) -> None:
    older = campaign_with(responses=3)
    wanting = campaign_with(responses=3)
    plan("hazards", wanting.pk, {"field": "region", "value": "EU", "min_count": 1})
    response = label_next(rater=rater_in(region="EU"), campaign=None)
    assert response is not None
    assert response.prompt.campaign_id == wanting.pk
    # Another group's rater keeps the usual order (oldest responses first).
    response = label_next(rater=rater_in(region="NA"), campaign=None)
    assert response is not None
    assert response.prompt.campaign_id == older.pk


def test_judges_of_a_full_group_get_no_debate_of_the_set(rater_in: RaterIn) -> None:
    question_set = QuestionSetFactory.create()
    for _ in range(2):
        DebateFactory.create(
            question=QuestionFactory.create(question_set=question_set), judges_wanted=1
        )
    # Two judge places; half of them is one.
    plan("debates", question_set.pk, {"field": "age_band", "value": "25-34", "max_share": 0.5})
    assert judge_next(user=rater_in(age_band="25-34")) is not None
    assert judge_next(user=rater_in(age_band="25-34")) is None
    assert judge_next(user=rater_in(age_band="65+")) is not None


def test_judges_get_debates_of_the_set_short_of_their_group_first(rater_in: RaterIn) -> None:
    plain, wanting = QuestionSetFactory.create(), QuestionSetFactory.create()
    DebateFactory.create(question=QuestionFactory.create(question_set=plain))
    wanted = DebateFactory.create(question=QuestionFactory.create(question_set=wanting))
    plan("debates", wanting.pk, {"field": "expertise", "value": "Medicine", "min_count": 1})
    assignment = judge_next(user=rater_in(expertise="medicine"))
    assert assignment is not None
    assert assignment.debate_id == wanted.pk


def test_a_round_takes_no_new_voter_from_a_full_group(rater_in: RaterIn) -> None:
    voting_round = VotingRoundFactory.create()
    first, second = (ProposalFactory.create(round=voting_round) for _ in range(2))
    plan("principles", voting_round.pk, {"field": "region", "value": "EU", "max_count": 1})
    voter = rater_in(region="EU")
    vote_cast(proposal=first, choice="agree", user=voter)
    # Counted once already, the same voter goes on to the round's other proposals.
    vote_cast(proposal=second, choice="disagree", user=voter)
    with pytest.raises(StateConflict):
        vote_cast(proposal=first, choice="agree", user=rater_in(region="EU"))
    vote_cast(proposal=first, choice="agree", user=rater_in(region="Asia"))
    fill = quota_fill(activity="principles", object_id=voting_round.pk)
    assert fill["total"] == 2
    filled = [(q["value"], q["count"], q["fill_state"]) for q in fill["quotas"]]
    assert filled == [("eu", 1, "full")]


def test_researchers_set_quotas_and_read_the_fill_per_group(
    rater_in: RaterIn, client_as: Callable[..., APIClient]
) -> None:
    campaign = campaign_with(responses=5)
    researcher = client_as(Role.RESEARCHER)
    url = f"/api/quotas/hazards/{campaign.pk}/"
    body = {
        "quotas": [
            {"field": "region", "value": "EU", "max_share": 0.4, "min_count": 1},
            {"field": "region", "value": "undisclosed", "max_count": 1},
        ]
    }
    answer = researcher.put(url, body, format="json")
    assert answer.status_code == 200, answer.json()
    for rater in (rater_in(region="EU"), rater_in(region="EU"), rater_in(consent=False)):
        label_next(rater=rater, campaign=campaign)
    fill = researcher.get(url).json()
    assert fill["unit"] == "labels"
    assert fill["planned"] == 5
    assert fill["total"] == 3
    assert [
        (q["value"], q["count"], q["minimum"], q["maximum"], q["fill_state"])
        for q in fill["quotas"]
    ] == [
        ("eu", 2, 1, 2, "full"),
        ("undisclosed", 1, None, 1, "full"),
    ]
    regions = {
        g["value"]: (g["count"], g["share"]) for g in fill["groups"] if g["field"] == "region"
    }
    assert regions == {"eu": (2, pytest.approx(2 / 3)), "undisclosed": (1, pytest.approx(1 / 3))}
    # Raters may not read or set quotas; unknown activities and objects are 404.
    assert client_as(Role.RATER).get(url).status_code == 403
    assert researcher.get("/api/quotas/nothing/1/").status_code == 404
    assert researcher.get(f"/api/quotas/hazards/{campaign.pk + 1000}/").status_code == 404
    # An empty list removes the plan.
    assert researcher.put(url, {"quotas": []}, format="json").json()["quotas"] == []


def test_quotas_that_cannot_be_kept_are_refused(client_as: Callable[..., APIClient]) -> None:
    researcher = client_as(Role.RESEARCHER)
    voting_round = VotingRoundFactory.create()
    url = f"/api/quotas/principles/{voting_round.pk}/"
    share = {"field": "region", "value": "EU", "max_share": 0.4}
    # A round plans no number of voters: a share needs the plan's own total.
    answer = researcher.put(url, {"quotas": [share]}, format="json")
    assert answer.status_code == 400
    assert "planned_total" in answer.json()["fields"]
    assert (
        researcher.put(url, {"planned_total": 50, "quotas": [share]}, format="json").status_code
        == 200
    )
    for quotas in (
        [{"field": "region", "value": "EU"}],
        [{"field": "region", "value": "EU", "min_count": 5, "max_count": 2}],
        [
            {"field": "region", "value": "EU", "max_count": 2},
            {"field": "region", "value": "eu", "max_count": 3},
        ],
        [
            {"field": "region", "value": "EU", "min_share": 0.6},
            {"field": "region", "value": "NA", "min_share": 0.6},
        ],
    ):
        answer = researcher.put(url, {"planned_total": 50, "quotas": quotas}, format="json")
        assert answer.status_code == 400, quotas


def test_the_rater_home_leaves_out_work_a_full_group_would_not_get(
    rater_in: RaterIn, client_as: Callable[..., APIClient]
) -> None:
    campaign = campaign_with(responses=2)
    question_set = QuestionSetFactory.create()
    DebateFactory.create(question=QuestionFactory.create(question_set=question_set))
    voting_round = VotingRoundFactory.create()
    ProposalFactory.create(round=voting_round)
    for activity, object_id in (
        ("hazards", campaign.pk),
        ("debates", question_set.pk),
        ("principles", voting_round.pk),
    ):
        plan(activity, object_id, {"field": "region", "value": "EU", "max_count": 0})

    def kinds(rater: User) -> set[str]:
        client = APIClient()
        client.force_authenticate(rater)
        return {item["kind"] for item in client.get("/api/work/").json()["results"]}

    assert {"hazards", "debate", "principles"} <= kinds(rater_in(region="NA"))
    assert not {"hazards", "debate", "principles"} & kinds(rater_in(region="EU"))
