import asyncio
import json
import time
import uuid

import pytest
import redis.asyncio
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import transaction

from accounts.roles import Role
from config.asgi import application
from realtime.events import event_send, event_send_now
from realtime.groups import layer_group
from tests.factories import GenerationFactory
from tests.realtime_client import connect_as, subscribe

pytestmark = pytest.mark.django_db(transaction=True)


async def test_anonymous_sockets_are_closed() -> None:
    communicator = WebsocketCommunicator(
        application, "/ws/events/", headers=[(b"origin", b"http://localhost")]
    )
    connected, code = await communicator.connect()
    assert not connected
    assert code == 4401


async def test_events_reach_subscribers_after_commit_only(make_user) -> None:
    user = await sync_to_async(make_user)(Role.RESEARCHER)
    communicator = await connect_as(user)
    assert (await subscribe(communicator, "registry"))["type"] == "subscribed"

    def rolled_back() -> None:
        with transaction.atomic():
            event_send("registry", "registry.published", {"n": 1})
            transaction.set_rollback(True)

    def committed() -> None:
        with transaction.atomic():
            event_send("registry", "registry.published", {"n": 2})

    await sync_to_async(rolled_back)()
    await sync_to_async(committed)()
    event = await communicator.receive_json_from(timeout=5)
    assert event == {"type": "registry.published", "group": "registry", "payload": {"n": 2}}
    assert await communicator.receive_nothing(timeout=0.2)
    await communicator.disconnect()


async def test_nobody_listens_to_another_users_generation(make_user) -> None:
    owner = await sync_to_async(make_user)(Role.RESEARCHER)
    other = await sync_to_async(make_user)(Role.RESEARCHER)
    generation = await sync_to_async(GenerationFactory.create)(requested_by=owner, prompt="hi")
    communicator = await connect_as(other)
    refused = await subscribe(communicator, f"generation:{generation.pk}")
    assert refused["type"] == "subscription.refused"
    assert (await subscribe(communicator, f"user:{owner.pk}"))["type"] == "subscription.refused"
    assert (await subscribe(communicator, "nonsense:1"))["type"] == "subscription.refused"
    await communicator.disconnect()

    communicator = await connect_as(owner)
    allowed = await subscribe(communicator, f"generation:{generation.pk}")
    assert allowed["type"] == "subscribed"
    await communicator.disconnect()


async def test_each_user_hears_their_own_group_without_asking(make_user) -> None:
    user = await sync_to_async(make_user)(Role.RATER)
    communicator = await connect_as(user)
    await sync_to_async(event_send)(f"user:{user.pk}", "note", {"x": 1})
    assert (await communicator.receive_json_from(timeout=5))["type"] == "note"
    await communicator.disconnect()


async def test_a_socket_idle_for_seconds_still_hears_events(make_user) -> None:
    # Under the list-based layer, which blocked on Redis for 5 s per receive, a client socket
    # timeout no longer than that killed idle consumers and lost a slow task's next event; a
    # quiet socket must keep hearing whatever the layer.
    user = await sync_to_async(make_user)(Role.RATER)
    communicator = await connect_as(user)
    await asyncio.sleep(7)
    await sync_to_async(event_send)(f"user:{user.pk}", "note", {"x": 2})
    assert (await communicator.receive_json_from(timeout=5))["payload"] == {"x": 2}
    await communicator.disconnect()


@pytest.mark.parametrize(
    "frame",
    [{"text_data": "not json {"}, {"bytes_data": b"\x00\x01"}, {"text_data": "null"}],
    ids=["text", "binary", "json-null"],
)
async def test_a_malformed_frame_gets_an_error_message_and_the_socket_stays_open(
    make_user, frame
) -> None:
    user = await sync_to_async(make_user)(Role.RESEARCHER)
    communicator = await connect_as(user)
    if "bytes_data" in frame:
        await communicator.send_to(bytes_data=frame["bytes_data"])
    else:
        await communicator.send_to(text_data=frame["text_data"])
    reply = await communicator.receive_json_from(timeout=5)
    assert reply["type"] == "error"
    assert reply["payload"]["detail"] in {"Messages must be JSON text frames.", "Unknown message."}
    assert (await subscribe(communicator, "registry"))["type"] == "subscribed"
    await communicator.disconnect()


async def test_an_event_is_one_redis_publish_however_many_sockets_hear_it(make_user) -> None:
    # The channel layer is Redis publish/subscribe (settings.CHANNEL_LAYERS): one PUBLISH per
    # event, which this process receives once and hands to each of its sockets in memory. The
    # list-based layer wrote one Redis message per socket (none of them a PUBLISH), which is
    # what made delivery slow down with the number of open sockets (bench/events.py).
    user = await sync_to_async(make_user)(Role.RESEARCHER)
    sockets = [await connect_as(user) for _ in range(4)]
    for socket in sockets:
        assert (await subscribe(socket, "registry"))["type"] == "subscribed"
    # The channel layer's Redis (settings.CHANNEL_LAYERS).
    watcher = redis.asyncio.from_url(settings.REDIS_URL)
    published = watcher.pubsub()
    await published.psubscribe(f"*{layer_group('registry')}")
    assert (await published.get_message(timeout=5))["type"] == "psubscribe"

    # Unique, so that events other tests publish at the same time are not counted.
    marker = uuid.uuid4().hex
    await sync_to_async(event_send_now)("registry", "registry.published", {"marker": marker})
    for socket in sockets:
        assert (await socket.receive_json_from(timeout=5))["payload"] == {"marker": marker}
        await socket.disconnect()
    carrying_marker = 0
    while (
        message := await published.get_message(ignore_subscribe_messages=True, timeout=0.5)
    ) is not None:
        carrying_marker += marker.encode() in message["data"]
    assert carrying_marker == 1
    await published.aclose()
    await watcher.aclose()


async def test_a_relayed_event_does_not_wait_for_the_shared_sync_thread(make_user) -> None:
    # Channels closes stale database connections before each message it dispatches, through
    # the process's one shared sync thread; relays skip that, or every socket's event would
    # wait its turn there (at 1,000 sockets, most of an event's delivery time).
    user = await sync_to_async(make_user)(Role.RESEARCHER)
    communicator = await connect_as(user)
    assert (await subscribe(communicator, "registry"))["type"] == "subscribed"
    busy = asyncio.ensure_future(sync_to_async(time.sleep)(2))
    await asyncio.sleep(0.1)  # the shared thread is now asleep
    event = {"type": "registry.published", "group": "registry", "payload": {"n": 3}}
    await get_channel_layer().group_send(
        layer_group("registry"), {"type": "event.relay", "text": json.dumps(event)}
    )
    assert await communicator.receive_json_from(timeout=1) == event
    await busy
    await communicator.disconnect()
