"""The one interface through which an activity plugs into the platform.

An activity (debates, hazards, principles, and the platform apps that contribute to an
extension point of another: accounts, signalpool, llm, realtime, loop) is a class implementing
`Activity`, in its app's `activity.py` and named in `settings.ACTIVITIES`; `activities.installed`
loads that list once. Platform code reaches the activities only through it, so no platform app
imports an activity app.

Each member names what the activity contributes to one extension point, and returns the
functions the platform will call (importing them inside the member: the activity's modules load
only when asked). Subclassing `Activity` gives the empty answer of every member, so an activity
overrides only what it contributes. Nothing is kept between calls: the platform asks again each
time it needs an answer.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from accounts.personal_data import Exporter
    from accounts.work import WorkProvider
    from diversity.scopes import QuotaScope
    from loop.providers import (
        ConstitutionProvider,
        Conversion,
        PromptSetProvider,
        RaterQualityProvider,
        VerdictProvider,
    )
    from ops.demo import DemoLoader
    from realtime.groups import Authorizer
    from signalpool.services import ConstitutionVersionProvider
    from trust.components import TrustComponentsProvider


@runtime_checkable
class Activity(Protocol):
    # Names the activity in errors and in tests/test_activities.py ("hazards").
    name: str

    def conversions(self) -> Sequence["Conversion"]:
        """The signal kinds the activity records, each with how its signals become training
        examples, or why they do not (loop.providers.conversions; one activity per kind)."""
        return ()

    def verdict_provider(self) -> "VerdictProvider | None":
        """Aggregated judgements of items (hazards: is this reply harmful), which keep harmful
        text out of every SFT target (loop.providers.BuildContext.verdicts)."""
        return None

    def rater_quality_provider(self) -> "RaterQualityProvider | None":
        """What the activity measured of its raters, in [0, 1], used to weight or drop their
        examples (loop.providers.BuildContext.rater_quality)."""
        return None

    def trust_components_provider(self) -> "TrustComponentsProvider | None":
        """Per rater, their answers on items with a known answer and their agreement with the
        aggregated answers, which the periodic trust computation combines with their speed
        (trust.services.trust_compute)."""
        return None

    def redteam_prompt_set(self) -> "PromptSetProvider | None":
        """Attack prompts the hazard-rate gate asks a new version
        (loop.providers.redteam_prompts)."""
        return None

    def constitution_principles_provider(self) -> "ConstitutionProvider | None":
        """The texts of the constitution's principles that bind AI, for the constitution-agreement
        gate and `condition_on_constitution` recipes (loop.providers.constitution_principles)."""
        return None

    def constitution_version_provider(self) -> "ConstitutionVersionProvider | None":
        """The number of the constitution version in force, stamped on every signal recorded
        without one (signalpool.services.signal_record); at most one activity gives it."""
        return None

    def work_provider(self) -> "WorkProvider | None":
        """The work this activity offers a person on the rater home (accounts.work)."""
        return None

    def personal_data_exporters(self) -> Mapping[str, "Exporter"]:
        """Section name -> what the activity holds about a person, for their export
        (accounts.personal_data). Erasure has no hook: only the profile holds erasable data."""
        return {}

    def demo_loader(self) -> "DemoLoader | None":
        """The activity's demo content for `make run`; it must be idempotent (ops.demo)."""
        return None

    def group_authorizers(self) -> Mapping[str, "Authorizer"]:
        """Realtime group prefix ("campaign") -> who may listen to "<prefix>:<key>"
        (realtime.groups); a prefix belongs to one activity."""
        return {}

    def quota_scopes(self) -> Mapping[str, "QuotaScope"]:
        """Plan name ("hazards") -> the objects work is grouped by (campaigns) and what counts
        as a submission there, for quotas per rater group (diversity.scopes)."""
        return {}
