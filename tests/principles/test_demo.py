"""`make run`'s demo content: version 1 and an open round with proposals, loaded once."""

import pytest

from accounts.roles import Role
from accounts.work import work_available
from annotation.principles.demo import DEMO_ROUND, principles_demo_load
from annotation.principles.models import ConstitutionVersion, Proposal, VotingRound
from annotation.principles.selectors import constitution_current_number

pytestmark = pytest.mark.django_db


def test_demo_content_is_loaded_once(make_user) -> None:
    make_user(Role.RESEARCHER, username="researcher")
    rater = make_user(Role.RATER, username="rater1")
    principles_demo_load()
    principles_demo_load()
    assert constitution_current_number() == 1
    assert ConstitutionVersion.objects.count() == 1
    voting_round = VotingRound.objects.get(title=DEMO_ROUND)
    assert voting_round.status == "open"
    assert Proposal.objects.filter(round=voting_round).count() == 2
    [item] = [i for i in work_available(user=rater) if i.kind == "principles"]
    assert item.count == 2
