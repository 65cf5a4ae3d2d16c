"""What plugs into the platform, listed from settings.ACTIVITIES: a registration that goes
missing (or appears) fails here, and the loader refuses what cannot be told apart."""

from collections.abc import Mapping

import pytest
from django.core.exceptions import ImproperlyConfigured

from activities.installed import activities_installed, contributions_merged
from activities.interface import Activity
from realtime.groups import Authorizer
from signalpool.services import ConstitutionVersionProvider, signal_record


def _given(member: str) -> list[str]:
    """The names of the activities whose `member` gives something, in settings order."""
    return [a.name for a in activities_installed() if getattr(a, member)() is not None]


def test_the_installed_activities_and_what_each_plugs_in() -> None:
    assert [a.name for a in activities_installed()] == [
        "accounts",
        "signalpool",
        "llm",
        "realtime",
        "loop",
        "trust",
        "debates",
        "hazards",
        "principles",
        "studies",
    ]
    kinds = {c.kind: a.name for a in activities_installed() for c in a.conversions()}
    assert kinds == {
        "preference": "loop",
        "comment": "loop",
        "ai_output": "loop",
        "judgement": "debates",
        "debate_turn": "debates",
        "hazard_label": "hazards",
        "safe_rewrite": "hazards",
        "adjudication": "hazards",
        "vote": "principles",
        "proposal": "principles",
        "enactment": "principles",
    }
    assert _given("verdict_provider") == ["hazards"]
    assert _given("rater_quality_provider") == ["hazards"]
    assert _given("redteam_prompt_set") == ["hazards"]
    assert _given("constitution_principles_provider") == ["principles"]
    assert _given("constitution_version_provider") == ["principles"]
    assert _given("work_provider") == ["accounts", "debates", "hazards", "principles"]
    assert _given("demo_loader") == ["debates", "hazards", "principles"]
    prefixes = {p: a.name for a in activities_installed() for p in a.group_authorizers()}
    assert prefixes == {
        "registry": "realtime",
        "user": "realtime",
        "generation": "llm",
        "run": "loop",
        "debate": "debates",
        "campaign": "hazards",
        "round": "principles",
        "study": "studies",
        "studies": "studies",
    }
    exporters = {s: a.name for a in activities_installed() for s in a.personal_data_exporters()}
    assert exporters == {"signals": "signalpool", "trust": "trust"}
    assert _given("trust_components_provider") == ["debates", "hazards", "principles"]
    quota_scopes = {k: a.name for a in activities_installed() for k in a.quota_scopes()}
    assert quota_scopes == {"debates": "debates", "hazards": "hazards", "principles": "principles"}


class Campaigns(Activity):
    """Claims hazards' group prefix."""

    name = "campaigns"

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        return {"campaign": lambda _user, _key: True}


class SecondConstitution(Activity):
    """Versions a constitution of its own, beside principles'."""

    name = "second-constitution"

    def constitution_version_provider(self) -> ConstitutionVersionProvider:
        return lambda: 7


class NotAnActivity:
    name = "half"


def test_a_prefix_claimed_twice_is_refused_naming_both(settings) -> None:
    settings.ACTIVITIES = [*settings.ACTIVITIES, f"{__name__}.Campaigns"]

    with pytest.raises(ImproperlyConfigured, match="'campaign' is given by both 'hazards' and"):
        contributions_merged("Realtime group prefix", lambda a: a.group_authorizers())


@pytest.mark.django_db
def test_two_activities_versioning_the_constitution_are_refused(settings, make_user) -> None:
    settings.ACTIVITIES = [*settings.ACTIVITIES, f"{__name__}.SecondConstitution"]

    with pytest.raises(ImproperlyConfigured, match="principles, second-constitution all do"):
        signal_record(
            kind="comment",
            item_type="test.item",
            item_id=1,
            payload={"text": "x"},
            idempotency_key="k",
            source_user=make_user(),
        )


def test_a_class_missing_members_is_refused(settings) -> None:
    settings.ACTIVITIES = [f"{__name__}.NotAnActivity"]

    with pytest.raises(ImproperlyConfigured, match="does not implement"):
        activities_installed()


def test_changing_the_setting_reloads_the_list(settings) -> None:
    settings.ACTIVITIES = [f"{__name__}.Campaigns"]

    assert [a.name for a in activities_installed()] == ["campaigns"]
