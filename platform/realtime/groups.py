"""Who may listen to which event group.

Clients name groups as "<prefix>:<key>" (e.g. "generation:12"); each app registers, for its
prefixes, a check of whether a user may listen. Unknown prefixes are refused.
"""

import re
from collections.abc import Callable
from typing import Any

Authorizer = Callable[[Any, str], bool]
_authorizers: dict[str, Authorizer] = {}
_NAME = re.compile(r"^([a-z][a-z0-9_-]{0,31})(?::([A-Za-z0-9_.-]{1,64}))?$")


def group_authorizer_register(prefix: str, authorizer: Authorizer) -> None:
    _authorizers[prefix] = authorizer


def layer_group(name: str) -> str:
    """The channel-layer group for a client group name (Channels forbids ':' in names)."""
    return "ev." + name.replace(":", ".")


def can_subscribe(user: Any, name: str) -> bool:
    match = _NAME.match(name)
    if not match or not user.is_authenticated:
        return False
    authorizer = _authorizers.get(match.group(1))
    return bool(authorizer and authorizer(user, match.group(2) or ""))
