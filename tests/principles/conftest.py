import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from accounts.roles import Role
from annotation.principles.models import ConstitutionVersion, Proposal, VotingRound
from annotation.principles.services.constitution import constitution_seed
from annotation.principles.services.proposals import proposal_submit
from annotation.principles.services.rounds import round_open


@pytest.fixture(autouse=True)
def fast_passwords(request: pytest.FixtureRequest, settings: Any) -> None:
    # Voting tests create dozens of users; the default password hasher costs ~0.3 s each.
    # Browser tests sign in through a server process that only knows the default hashers.
    if request.node.get_closest_marker("browser") is None:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seeded(db: None) -> ConstitutionVersion:
    return constitution_seed()


@pytest.fixture
def open_round(
    seeded: ConstitutionVersion, make_user: Callable[..., Any]
) -> Callable[..., VotingRound]:
    def make(**rule: Any) -> VotingRound:
        now = timezone.now()
        return round_open(
            user=make_user(Role.RESEARCHER),
            title="Test round",
            opens_at=now - dt.timedelta(minutes=1),
            closes_at=now + dt.timedelta(hours=1),
            **rule,
        )

    return make


@pytest.fixture
def propose(make_user: Callable[..., Any]) -> Callable[..., Proposal]:
    def make(voting_round: VotingRound, key: str = "mutual-trust", **fields: Any) -> Proposal:
        defaults: dict[str, Any] = {
            "action": "amend",
            "title": "Mutual trust",
            "text": f"Amended text {key} {fields.get('text', '')}",
            "audience": "shared",
            "rationale": "Because.",
        }
        defaults.update(fields)
        return proposal_submit(
            voting_round=voting_round,
            principle_key=key,
            author_user=make_user(Role.RATER),
            **defaults,
        )

    return make
