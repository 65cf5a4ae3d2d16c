"""Leases on the tasks a worker holds, so the work of a dead worker goes back to the queue.

Celery's Redis transport keeps each delivered, not yet acknowledged message in the
`unacked_index` sorted set, scored with its delivery time, and every worker periodically puts
back on its queue the messages whose score is older than the visibility timeout. A long
timeout strands the tasks of a killed worker for that long; a short one would hand a long
training run to a second worker while the first is still on it.

So the timeout is short (CELERY_VISIBILITY_TIMEOUT, a minute by default) and a worker renews
it: a thread in the worker's main process moves the score of every message the worker holds
(running, waiting for a pool slot or for its ETA) to now, every quarter of the timeout. A
worker killed with SIGKILL renews nothing, and its messages are delivered again within the
timeout plus one restore sweep (CELERY_RESTORE_INTERVAL). The thread runs beside the pool, so a
task that keeps the pool busy for hours does not stop it.

Tasks are idempotent and acks_late (see the house style), which a redelivery relies on.
"""

import logging
import threading
import time
from typing import Any

import redis
from celery import bootsteps
from celery.worker import state

log = logging.getLogger(__name__)

# Kombu's default name for the sorted set, used unless the transport options rename it.
UNACKED_INDEX_KEY = "unacked_index"


def unacked_index_key(transport_options: dict[str, Any]) -> str:
    """The Redis key of the transport's unacked index, with the global prefix kombu adds."""
    prefix = transport_options.get("global_keyprefix", "")
    return prefix + transport_options.get("unacked_index_key", UNACKED_INDEX_KEY)


def held_delivery_tags() -> list[str]:
    """Delivery tags of every message this worker process holds and has not acknowledged."""
    while True:
        try:
            requests = list(state.requests.values())
        except RuntimeError:  # the consumer thread changed the dict while it was copied
            continue
        # The request's own delivery_info leaves the tag out; the message it came in keeps it.
        return [
            request.message.delivery_tag
            for request in requests
            if not request.acknowledged and request.message is not None
        ]


def leases_renew(client: redis.Redis, key: str, tags: list[str]) -> int:
    """Move the messages' delivery time to now; a message acknowledged meanwhile stays gone
    (XX only updates members that exist). Returns how many were renewed."""
    if not tags:
        return 0
    renewed = client.zadd(key, dict.fromkeys(tags, time.time()), xx=True, ch=True)
    return int(renewed or 0)


class LeaseRenewal(bootsteps.StartStopStep):
    """Worker step: renews the leases of the worker's messages until the worker stops."""

    def __init__(self, worker: Any, **kwargs: Any) -> None:
        super().__init__(worker, **kwargs)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, worker: Any) -> None:
        conf = worker.app.conf
        options = conf.broker_transport_options
        timeout = float(options["visibility_timeout"])
        client = redis.Redis.from_url(conf.broker_url)
        key = unacked_index_key(options)
        self._thread = threading.Thread(
            target=self._run,
            args=(client, key, timeout / 4),
            name="celery-lease-renewal",
            daemon=True,
        )
        self._thread.start()

    def _run(self, client: redis.Redis, key: str, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                leases_renew(client, key, held_delivery_tags())
            except redis.RedisError as exc:
                # Redis is away: nothing can be redelivered meanwhile either. Try again.
                log.warning("could not renew task leases: %s", exc)

    def stop(self, worker: Any) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
