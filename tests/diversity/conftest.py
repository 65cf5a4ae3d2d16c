from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from accounts.roles import Role
from tests.factories import RaterProfileFactory, UserFactory


@pytest.fixture
def rater_in(db: None) -> Callable[..., User]:
    """A rater whose consented profile holds `background` (region="EU", languages=[...]);
    with consent=False, a rater who shares nothing."""

    def make(consent: bool = True, **background: object) -> User:
        if not consent:
            user = UserFactory.create(roles=[Role.RATER], password=None)
            RaterProfileFactory.create(user=user, consent_given=False, consent_at=None)
            return user
        return RaterProfileFactory.create(**background).user

    return make
