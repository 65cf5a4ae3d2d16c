"""Each factory makes rows its model's constraints accept, twice (sequences and per-line
numbering), so tests can rely on them as the models change."""

import pytest
from django.db import models

from accounts.roles import Role, roles_of
from registry.models import VersionStatus
from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = [
    factories.UserFactory,
    factories.ModelLineFactory,
    factories.ModelVersionFactory,
    factories.SignalFactory,
    factories.GenerationFactory,
    factories.TaxonomyFactory,
    factories.CampaignFactory,
    factories.PromptFactory,
    factories.ResponseFactory,
    factories.QuestionSetFactory,
    factories.QuestionFactory,
    factories.DebateFactory,
    factories.DebaterFactory,
    factories.ConstitutionVersionFactory,
    factories.VotingRoundFactory,
    factories.ProposalFactory,
    factories.DatasetSnapshotFactory,
    factories.TrainingRunFactory,
]


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f.__name__)
def test_each_factory_makes_valid_rows_twice(factory) -> None:
    rows: list[models.Model] = factory.create_batch(2)

    for row in rows:
        row.refresh_from_db()
        row.validate_constraints()
    assert rows[0].pk != rows[1].pk


def test_users_hold_their_roles() -> None:
    user = factories.UserFactory.create(roles=[Role.RATER, Role.RESEARCHER])

    assert set(roles_of(user)) == {Role.RATER, Role.RESEARCHER}
    assert user.check_password(factories.PASSWORD)


def test_versions_are_numbered_per_line() -> None:
    first = factories.ModelVersionFactory.create(published=True)
    second = factories.ModelVersionFactory.create(line=first.line)

    assert (first.number, second.number) == (1, 2)
    assert (first.status, second.status) == (VersionStatus.PUBLISHED, VersionStatus.DRAFT)
