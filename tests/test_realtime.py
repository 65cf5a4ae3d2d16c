import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import transaction

from accounts.roles import Role
from config.asgi import application
from realtime.events import event_send
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


async def test_a_socket_idle_longer_than_a_blocking_pop_still_hears_events(make_user) -> None:
    # The channel layer blocks on Redis for 5 s per receive; a client socket timeout that is
    # not longer than that killed idle consumers, so a slow task's next event was lost.
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
