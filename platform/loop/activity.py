"""What the loop contributes to the platform's extension points (activities.interface)."""

from collections.abc import Mapping, Sequence
from typing import Any

from activities.interface import Activity
from loop.providers import CONVERSIONS, Conversion
from realtime.groups import Authorizer


def _run_watchable(user: Any, key: str) -> bool:
    # Run progress is not personal: whoever may read the registry may watch a run.
    return key.isdigit() and bool(user.has_perm("loop.view_trainingrun"))


class LoopActivity(Activity):
    name = "loop"

    def conversions(self) -> Sequence[Conversion]:
        # The kinds the platform itself records: preference pairs, comments, AI outputs.
        return CONVERSIONS

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        return {"run": _run_watchable}
