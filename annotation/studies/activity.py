"""What research studies plug into the platform (activities.interface): who may follow a
study's live progress."""

from collections.abc import Mapping

from activities.interface import Activity
from realtime.groups import Authorizer


class StudiesActivity(Activity):
    name = "studies"

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        from annotation.studies.selectors import studies_watchable, study_watchable

        return {"study": study_watchable, "studies": studies_watchable}
