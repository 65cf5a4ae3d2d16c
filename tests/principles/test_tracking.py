"""Support over rounds per principle: per opinion group (with sizes) and per rater background."""

import pytest

from accounts.models import RaterProfile
from accounts.roles import Role
from annotation.principles.services.rounds import round_close
from annotation.principles.services.votes import vote_cast

pytestmark = pytest.mark.django_db


def rater_from(make_user, region: str | None, expertise: str = ""):
    rater = make_user(Role.RATER)
    if region is not None:
        RaterProfile.objects.create(
            user=rater, consent_given=True, region=region, expertise=expertise
        )
    return rater


def test_tracking_splits_support_by_opinion_group_and_background(
    open_round, propose, make_user, client_as
) -> None:
    first = open_round(min_participants=3, min_agreement=0.6, min_group_agreement=0.4)
    keys = ["mutual-trust", "collaboration", "common-morality", "ensure-safety"]
    proposals = [propose(first, key, title=key) for key in keys]
    majority = ["agree", "agree", "disagree", "agree"]
    minority = ["disagree", "disagree", "agree", "agree"]
    # Europe votes with the majority; Asia with the minority; one rater shares no profile.
    raters = [rater_from(make_user, "Europe", "law") for _ in range(5)]
    raters += [rater_from(make_user, None)]
    raters += [rater_from(make_user, "Asia", "medicine") for _ in range(3)]
    for rater, pattern in zip(raters, [majority] * 6 + [minority] * 3, strict=True):
        for proposal, choice in zip(proposals, pattern, strict=True):
            vote_cast(proposal=proposal, user=rater, choice=choice)
    round_close(round_id=first.pk, force=True)

    # The next round: Asia now agrees with amending mutual trust, Europe is split.
    second = open_round(min_participants=3)
    amendment = propose(second, "mutual-trust", text="again")
    for rater, choice in zip(
        raters[:4] + raters[6:],
        ["agree", "disagree", "agree", "disagree"] + ["agree"] * 3,
        strict=True,
    ):
        vote_cast(proposal=amendment, user=rater, choice=choice)
    round_close(round_id=second.pk, force=True)

    tracking = client_as(Role.RATER).get("/api/principles/tracking/").json()
    [trust] = [series for series in tracking if series["key"] == "mutual-trust"]
    before, after = trust["points"]
    assert (before["round"], after["round"]) == (first.pk, second.pk)

    # Round 1's opinion groups: six with the majority, three against, each with its size.
    groups = sorted((g["voters"], g["agreement"]) for g in before["groups"])
    assert groups == [(3, 0.0), (6, 1.0)]
    assert before["min_group_agreement"] == 0.0
    assert before["backgrounds"]["region"] == [
        {"group": "Asia", "voters": 3, "agree": 0, "agreement": 0.0},
        {"group": "Europe", "voters": 5, "agree": 5, "agreement": 1.0},
    ]
    assert [g["group"] for g in before["backgrounds"]["expertise"]] == ["law", "medicine"]

    # The same background groups carry over to round 2, so their shift is comparable.
    assert after["agreement"] == pytest.approx(5 / 7)
    assert after["backgrounds"]["region"] == [
        {"group": "Asia", "voters": 3, "agree": 3, "agreement": 1.0},
        {"group": "Europe", "voters": 4, "agree": 2, "agreement": 0.5},
    ]
    assert sum(g["voters"] for g in after["groups"]) == 7
