"""Who may listen to which event group.

Clients name groups as "<prefix>:<key>" (e.g. "generation:12"); each activity gives, for its
prefixes, a check of whether a user may listen (activities.interface.Activity.group_authorizers).
Unknown prefixes are refused.
"""

import re
from collections.abc import Callable
from typing import Any

from activities.installed import contributions_merged

Authorizer = Callable[[Any, str], bool]
_NAME = re.compile(r"^([a-z][a-z0-9_-]{0,31})(?::([A-Za-z0-9_.-]{1,64}))?$")


def layer_group(name: str) -> str:
    """The channel-layer group for a client group name (Channels forbids ':' in names)."""
    return "ev." + name.replace(":", ".")


def can_subscribe(user: Any, name: str) -> bool:
    match = _NAME.match(name)
    if not match or not user.is_authenticated:
        return False
    authorizers = contributions_merged(
        "Realtime group prefix", lambda activity: activity.group_authorizers()
    )
    authorizer = authorizers.get(match.group(1))
    return bool(authorizer and authorizer(user, match.group(2) or ""))
