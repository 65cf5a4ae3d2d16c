"""What the signal pool contributes to the platform's extension points (activities.interface)."""

from collections.abc import Mapping

from accounts.personal_data import Exporter
from activities.interface import Activity
from signalpool.selectors import signals_of_user_export


class SignalPoolActivity(Activity):
    name = "signalpool"

    def personal_data_exporters(self) -> Mapping[str, Exporter]:
        return {"signals": signals_of_user_export}
