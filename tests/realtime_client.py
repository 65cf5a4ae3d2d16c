"""Connect Channels' test communicator to the real ASGI application as a logged-in user."""

from typing import Any

from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from config.asgi import application


async def connect_as(user: Any) -> WebsocketCommunicator:
    client = Client()
    await sync_to_async(client.force_login)(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    communicator = WebsocketCommunicator(
        application,
        "/ws/events/",
        headers=[(b"cookie", cookie.encode()), (b"origin", b"http://localhost")],
    )
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def subscribe(communicator: WebsocketCommunicator, group: str) -> dict[str, Any]:
    await communicator.send_json_to({"action": "subscribe", "group": group})
    reply: dict[str, Any] = await communicator.receive_json_from(timeout=5)
    return reply
