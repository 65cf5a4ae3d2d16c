from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from realtime.groups import can_subscribe, layer_group

UNAUTHENTICATED = 4401


class EventsConsumer(AsyncJsonWebsocketConsumer):
    """Authenticates the session, joins and leaves groups on request, and relays events."""

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED)
            return
        self.groups_joined: set[str] = set()
        await self.accept()
        await self._join(f"user:{user.pk}")

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs: Any
    ) -> None:
        # The base class raises on a binary or non-JSON frame, which closes the socket with
        # 1011; a client's malformed message gets an error message and the socket stays open.
        try:
            content = await self.decode_json(text_data) if text_data is not None else None
        except ValueError:
            content = None
        if content is None:
            await self._error("Messages must be JSON text frames.")
            return
        await self.receive_json(content, **kwargs)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        action = content.get("action") if isinstance(content, dict) else None
        group = content.get("group") if isinstance(content, dict) else None
        if action not in {"subscribe", "unsubscribe"} or not isinstance(group, str):
            await self._error("Unknown message.")
            return
        if action == "unsubscribe":
            await self._leave(group)
            return
        allowed = await self._can_subscribe(group)
        if not allowed:
            await self.send_json({"type": "subscription.refused", "group": group, "payload": {}})
            return
        await self._join(group)
        await self.send_json({"type": "subscribed", "group": group, "payload": {}})

    async def disconnect(self, code: int) -> None:
        for group in list(getattr(self, "groups_joined", ())):
            await self._leave(group)

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels' dispatch first closes stale database connections through the process's one
        # shared sync thread: a thread hop per message, one after another for every socket. A
        # relayed event reads no database, and at 1,000 sockets those hops were most of an
        # event's delivery time (bench/events.py), so relays go straight to their handler.
        # Everything else (subscriptions read the database) takes Channels' path as before.
        if message["type"] == "event.relay":
            await self.event_relay(message)
            return
        await super().dispatch(message)

    async def event_relay(self, message: dict[str, Any]) -> None:
        await self.send(text_data=message["text"])

    async def _error(self, detail: str) -> None:
        await self.send_json({"type": "error", "payload": {"detail": detail}})

    async def _can_subscribe(self, group: str) -> bool:
        return bool(await database_sync_to_async(can_subscribe)(self.scope["user"], group))

    async def _join(self, group: str) -> None:
        await self.channel_layer.group_add(layer_group(group), self.channel_name)
        self.groups_joined.add(group)

    async def _leave(self, group: str) -> None:
        if group in self.groups_joined:
            await self.channel_layer.group_discard(layer_group(group), self.channel_name)
            self.groups_joined.discard(group)
