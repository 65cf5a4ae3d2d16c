"""The one way events reach browsers: sent to a channel-layer group after the commit.

Sending after commit means a listener that reacts by fetching never reads a row that is not
there yet, and a rolled-back change never announces itself.
"""

from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from realtime.groups import layer_group


def event_send(group: str, event_type: str, payload: dict[str, Any]) -> None:
    """Queue an event for the group's listeners; outside a transaction it goes at once."""
    transaction.on_commit(lambda: event_send_now(group, event_type, payload))


def event_send_now(group: str, event_type: str, payload: dict[str, Any]) -> None:
    """Send without waiting for a commit: for streamed output that is not stored yet."""
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        layer_group(group),
        {"type": "event.relay", "event": {"type": event_type, "group": group, "payload": payload}},
    )
