"""What trust contributes to the platform's extension points (activities.interface)."""

from collections.abc import Mapping

from accounts.personal_data import Exporter
from activities.interface import Activity
from trust.selectors import trust_of_user_export


class TrustActivity(Activity):
    name = "trust"

    def personal_data_exporters(self) -> Mapping[str, Exporter]:
        return {"trust": trust_of_user_export}
