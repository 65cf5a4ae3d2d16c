"""What llm contributes to the platform's extension points (activities.interface)."""

from collections.abc import Mapping

from activities.interface import Activity
from llm.selectors import generation_visible_to
from realtime.groups import Authorizer


class LLMActivity(Activity):
    name = "llm"

    def group_authorizers(self) -> Mapping[str, Authorizer]:
        # A streamed generation's tokens go to whoever may read the generation.
        return {"generation": generation_visible_to}
