"""Streamed model text relayed to watchers: the one batcher every streaming path uses."""

import time
from collections.abc import Callable
from typing import Any

from realtime.events import event_send_now

# Seconds of deltas gathered into one message, so that a fast model does not send one websocket
# message per token (per stream, when a batch is generated together).
RELAY_INTERVAL_S = 0.05


class DeltaRelay:
    """An `on_delta(index, text)` callback for `LLMBackend.stream`: gathers each stream's text
    for `interval_s` and sends one `event_type` event per stream with
    `payload_for(index) | {"text": gathered}`. Call `flush()` after the stream ends."""

    def __init__(
        self,
        group: str,
        event_type: str,
        payload_for: Callable[[int], dict[str, Any]],
        interval_s: float = RELAY_INTERVAL_S,
    ) -> None:
        self.group = group
        self._event_type = event_type
        self._payload_for = payload_for
        self._interval_s = interval_s
        self._pending: dict[int, list[str]] = {}
        self._last_sent = 0.0

    def __call__(self, index: int, text: str) -> None:
        self._pending.setdefault(index, []).append(text)
        if time.monotonic() - self._last_sent >= self._interval_s:
            self.flush()

    def flush(self) -> None:
        for index, texts in self._pending.items():
            payload = self._payload_for(index) | {"text": "".join(texts)}
            event_send_now(self.group, self._event_type, payload)
        self._pending.clear()
        self._last_sent = time.monotonic()
