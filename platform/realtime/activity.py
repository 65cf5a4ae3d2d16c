"""The realtime app's own event groups (activities.interface)."""

from collections.abc import Mapping
from typing import Any

from activities.interface import Activity
from realtime.groups import Authorizer


def _registry_watchable(user: Any, _key: str) -> bool:
    # Registry news (publications, queued runs, serving switches) is for every signed-in person.
    return bool(user.is_authenticated)


def _own_user_group(user: Any, key: str) -> bool:
    return key == str(user.pk)


class RealtimeActivity(Activity):
    name = "realtime"

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        return {"registry": _registry_watchable, "user": _own_user_group}
