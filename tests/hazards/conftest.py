from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from accounts.roles import Role
from annotation.hazards import importers
from annotation.hazards.models import Campaign
from annotation.hazards.services.campaigns import campaign_create, prompts_add
from tests.conftest import ROOT
from tests.factories import ResponseFactory, UserFactory

XSTEST_DIR = ROOT / "data" / "xstest"
AILUMINATE_CSV = ROOT / "data" / "ailuminate" / "airr_1.0_demo_en_us_prompts_filtered.csv"


@pytest.fixture
def labelled_campaign(db: None) -> Callable[..., Campaign]:
    """A campaign without a target whose responses are done and ready to label."""

    def make(n: int = 4, k: int = 3, gold: dict[int, bool] | None = None) -> Campaign:
        campaign = campaign_create(name="c", user=None, labels_per_item=k)
        rows = [importers.PromptRow(external_id=str(i), text=f"prompt {i}") for i in range(n)]
        prompts = prompts_add(campaign=campaign, rows=rows, source="file")
        for i, prompt in enumerate(prompts):
            ResponseFactory.create(
                prompt=prompt, text=f"response text number {i}", gold_harmful=(gold or {}).get(i)
            )
        return campaign

    return make


@pytest.fixture
def raters(db: None) -> list[User]:
    """Five raters without passwords: service tests never log in, and hashing is slow."""
    return [
        UserFactory.create(username=f"hazard-rater-{i}", roles=[Role.RATER], password=None)
        for i in range(5)
    ]
