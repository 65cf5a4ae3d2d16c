"""Django's Redis cache with its connection pools kept per process, not per cache object.

Django keeps the cache's connection pool on the cache object, and `caches` holds cache objects
per context (asgiref Local). Under ASGI every request runs in a context of its own, so every
request built a new cache object, a new pool and a new Redis connection (TCP connect, HELLO,
SELECT), then dropped it: a thousand label submissions opened a thousand connections
(bench/README.md, "Write path"). This is Django ticket #35651, open at Django 5.2. The pools
here live as long as the process and are shared by every cache object of the same servers and
options; redis-py's pool is thread-safe and replaces its connections after a fork.
"""

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

# (servers, pool options) -> {server index: connection pool}, for the life of the process.
_PROCESS_POOLS: dict[tuple[tuple[str, ...], str], dict[int, Any]] = {}


class _ProcessPoolClient(RedisCacheClient):
    def __init__(self, servers: list[str], **options: Any) -> None:
        super().__init__(servers, **options)
        # Options hold classes and numbers; their repr names a configuration unambiguously.
        configuration = (tuple(servers), repr(sorted(options.items())))
        self._pools = _PROCESS_POOLS.setdefault(configuration, {})


class ProcessPoolRedisCache(RedisCache):
    """settings.CACHES' backend: django.core.cache.backends.redis.RedisCache, pooled per process."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _ProcessPoolClient
