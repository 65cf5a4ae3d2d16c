"""What principle co-design plugs into the platform (activities.interface).

Each member imports what it returns, so listing the activity loads none of the app's modules.
"""

from collections.abc import Mapping, Sequence

from accounts.work import WorkProvider
from activities.interface import Activity
from diversity.scopes import QuotaScope
from loop.providers import ConstitutionProvider, Conversion
from ops.demo import DemoLoader
from realtime.groups import Authorizer
from signalpool.services import ConstitutionVersionProvider
from trust.components import TrustComponentsProvider


class PrinciplesActivity(Activity):
    name = "principles"

    def conversions(self) -> Sequence[Conversion]:
        from annotation.principles.loop_inputs import CONVERSIONS

        return CONVERSIONS

    def constitution_principles_provider(self) -> ConstitutionProvider:
        from annotation.principles.selectors import constitution_for_ai

        return constitution_for_ai

    def constitution_version_provider(self) -> ConstitutionVersionProvider:
        from annotation.principles.selectors import constitution_current_number

        return constitution_current_number

    def trust_components_provider(self) -> TrustComponentsProvider:
        from annotation.principles.trust import voter_trust_components

        return voter_trust_components

    def work_provider(self) -> WorkProvider:
        from annotation.principles.selectors import open_rounds_work

        return open_rounds_work

    def demo_loader(self) -> DemoLoader:
        from annotation.principles.demo import principles_demo_load

        return principles_demo_load

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        from annotation.principles.selectors import round_group_authorizer

        return {"round": round_group_authorizer}

    def quota_scopes(self) -> Mapping[str, QuotaScope]:
        from annotation.principles.quotas import ROUND_QUOTAS

        return {"principles": ROUND_QUOTAS}
