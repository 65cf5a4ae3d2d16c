"""What debate judging plugs into the platform (activities.interface).

Each member imports what it returns, so listing the activity loads none of the app's modules.
"""

from collections.abc import Mapping, Sequence

from accounts.work import WorkProvider
from activities.interface import Activity
from diversity.scopes import QuotaScope
from loop.providers import Conversion
from ops.demo import DemoLoader
from realtime.groups import Authorizer
from trust.components import TrustComponentsProvider


class DebatesActivity(Activity):
    name = "debates"

    def conversions(self) -> Sequence[Conversion]:
        from annotation.debates.loop_inputs import CONVERSIONS

        return CONVERSIONS

    def trust_components_provider(self) -> TrustComponentsProvider:
        from annotation.debates.trust import judge_trust_components

        return judge_trust_components

    def work_provider(self) -> WorkProvider:
        from annotation.debates.work import debate_work

        return debate_work

    def demo_loader(self) -> DemoLoader:
        from annotation.debates.demo import debates_demo_load

        return debates_demo_load

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        from annotation.debates.selectors import debate_visible_to

        return {"debate": debate_visible_to}

    def quota_scopes(self) -> Mapping[str, QuotaScope]:
        from annotation.debates.quotas import QUESTION_SET_QUOTAS

        return {"debates": QUESTION_SET_QUOTAS}
