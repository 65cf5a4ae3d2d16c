"""The channel layer: channels-redis with a connection pool that waits when it is busy.

channels-redis builds redis-py's plain pool, which raises "Too many connections" as soon as
`max_connections` commands are in flight on one event loop. When hundreds of sockets subscribe
at once, or an after-commit event is sent while they do, that error closed sockets (1011) and
failed requests. redis-py's BlockingConnectionPool makes a command wait for a free connection
(up to the host's `timeout` seconds) instead, so a burst queues rather than fails.
"""

from typing import Any

from channels_redis.core import RedisChannelLayer as _RedisChannelLayer
from redis.asyncio import BlockingConnectionPool


class RedisChannelLayer(_RedisChannelLayer):
    def create_pool(self, index: int) -> BlockingConnectionPool:
        host: dict[str, Any] = dict(self.hosts[index])
        return BlockingConnectionPool.from_url(host.pop("address"), **host)
