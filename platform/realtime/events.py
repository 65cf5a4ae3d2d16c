"""The one way events reach browsers: sent to a channel-layer group after the commit.

Sending after commit means a listener that reacts by fetching never reads a row that is not
there yet, and a rolled-back change never announces itself.
"""

import json
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from realtime.groups import layer_group


def event_send(group: str, event_type: str, payload: dict[str, Any]) -> None:
    """Queue an event for the group's listeners; outside a transaction it goes at once.

    The write it announces is committed by then: a failed send (Redis down or saturated) is
    logged by Django (logger "django.db.backends.base") and never turns that stored write into
    an error. Listeners refetch on their next event or reconnect.
    """
    transaction.on_commit(lambda: event_send_now(group, event_type, payload), robust=True)


def event_send_now(group: str, event_type: str, payload: dict[str, Any]) -> None:
    """Send without waiting for a commit: for streamed output that is not stored yet."""
    layer = get_channel_layer()
    if layer is None:
        return
    # Serialised once here rather than by each of the group's sockets (there may be thousands).
    event = {"type": event_type, "group": group, "payload": payload}
    async_to_sync(layer.group_send)(
        layer_group(group), {"type": "event.relay", "text": json.dumps(event)}
    )
