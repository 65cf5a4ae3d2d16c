from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User

from accounts.roles import Role
from annotation.hazards import importers, services
from annotation.hazards.models import Campaign, Response, ResponseStatus
from tests.conftest import ROOT

XSTEST_DIR = ROOT / "data" / "xstest"
AILUMINATE_CSV = ROOT / "data" / "ailuminate" / "airr_1.0_demo_en_us_prompts_filtered.csv"


@pytest.fixture
def labelled_campaign(db: None) -> Callable[..., Campaign]:
    """A campaign without a target whose responses are done and ready to label."""

    def make(n: int = 4, k: int = 3, gold: dict[int, bool] | None = None) -> Campaign:
        campaign = services.campaign_create(name="c", user=None, labels_per_item=k)
        rows = [importers.PromptRow(external_id=str(i), text=f"prompt {i}") for i in range(n)]
        prompts = services.prompts_add(campaign=campaign, rows=rows, source="file")
        for i, prompt in enumerate(prompts):
            Response.objects.create(
                prompt=prompt,
                producer="fixture",
                text=f"response text number {i}",
                status=ResponseStatus.DONE,
                gold_harmful=(gold or {}).get(i),
            )
        return campaign

    return make


@pytest.fixture
def raters(db: None) -> list[User]:
    """Five raters without passwords: service tests never log in, and hashing is slow."""
    group = Group.objects.get(name=Role.RATER.value)
    users = [User.objects.create(username=f"hazard-rater-{i}") for i in range(5)]
    for user in users:
        user.groups.add(group)
    return users
