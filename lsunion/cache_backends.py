"""Django's Redis cache, without building a new redis-py client for every operation.

`RedisCacheClient.get_client()` returns a fresh `redis.Redis` per call, and each one fills a
table of about 170 response callbacks: on a cached page that is most of the time the cache
itself costs. Clients are thread-safe and share their connection pool, so one per pool does.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """settings.CACHES backend: `lsunion.cache_backends.RedisCache`, same LOCATION/OPTIONS."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
