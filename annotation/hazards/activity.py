"""What hazard labelling plugs into the platform (activities.interface).

Each member imports what it returns, so listing the activity loads none of the app's modules.
"""

from collections.abc import Mapping, Sequence

from accounts.work import WorkProvider
from activities.interface import Activity
from diversity.scopes import QuotaScope
from loop.providers import Conversion, PromptSetProvider, RaterQualityProvider, VerdictProvider
from ops.demo import DemoLoader
from realtime.groups import Authorizer
from trust.components import TrustComponentsProvider


class HazardsActivity(Activity):
    name = "hazards"

    def conversions(self) -> Sequence[Conversion]:
        from annotation.hazards.loop_inputs import CONVERSIONS

        return CONVERSIONS

    def verdict_provider(self) -> VerdictProvider:
        from annotation.hazards.loop_inputs import hazard_verdicts

        return hazard_verdicts

    def rater_quality_provider(self) -> RaterQualityProvider:
        from annotation.hazards.loop_inputs import rater_quality

        return rater_quality

    def redteam_prompt_set(self) -> PromptSetProvider:
        from annotation.hazards.loop_inputs import redteam_prompt_set

        return redteam_prompt_set

    def trust_components_provider(self) -> TrustComponentsProvider:
        from annotation.hazards.trust import rater_trust_components

        return rater_trust_components

    def work_provider(self) -> WorkProvider:
        from annotation.hazards.selectors.work import labelling_work

        return labelling_work

    def demo_loader(self) -> DemoLoader:
        from annotation.hazards.demo import demo_campaign_load

        return demo_campaign_load

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        from annotation.hazards.selectors.campaigns import campaign_visible_to

        return {"campaign": campaign_visible_to}

    def quota_scopes(self) -> Mapping[str, QuotaScope]:
        from annotation.hazards.quotas import CAMPAIGN_QUOTAS

        return {"hazards": CAMPAIGN_QUOTAS}
