"""Django's Redis cache, made cheap enough to ask on every request.

Two changes to `django.core.cache.backends.redis.RedisCache`:

- `RedisCacheClient.get_client()` returns a fresh `redis.Redis` per call, and each one fills a
  table of about 170 response callbacks. Clients are thread-safe and share their connection
  pool, so one per pool does.
- `tracked_get(key)`: a value this process remembers and Redis tells it to forget. Every
  request reads the site's content version; on this 2-core machine one round trip to Redis
  costs 40 % of a hello-world request. With Redis's server-assisted client-side caching
  (`CLIENT TRACKING … BCAST`), Redis pushes a message to this process the moment the key
  changes, is evicted or expires; before using the remembered value the process polls that
  socket (no round trip) and drops the value if anything came. A change made through any
  app server reaches the others' sockets before its own reply reaches the editor.

And one addition: Redis is a cache, so losing it fails no request. Any Redis error makes the
operation answer as a miss (a read gives its default, a write does nothing, `add` says it
added, so a renderer renders instead of waiting). The first error is logged once; for
RETRY_SECONDS afterwards Redis is not asked at all, then asked again, and the moment it answers
everything is as before. `available()` tells callers (the content version, the health check).
"""

import contextlib
import logging
import os
import select
import threading
import time

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("lsunion.cache")
RETRY_SECONDS = 2.0


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


# Bumped in every forked child (gunicorn workers): connections made before the fork are not
# this process's to use. Cheaper than asking for the process id on every request.
_forks = 0


def _after_fork() -> None:
    global _forks
    _forks += 1


os.register_at_fork(after_in_child=_after_fork)


class _Tracked:
    """Remembered values of the keys under one prefix, dropped when Redis reports a change.

    One connection subscribes to `__redis__:invalidate`; a second turns on tracking in
    broadcast mode for the prefix and redirects the messages to the first. Neither should
    ever have anything else to read: if either socket is readable, something changed (or a
    connection closed), and every remembered value goes. Any error: ask Redis every time
    until the connections are made again.
    """

    def __init__(self, url: str, prefix: str):
        self.url, self.prefix = url, prefix
        self.values: dict[str, object] = {}
        self.lock = threading.Lock()
        self._generation = None
        self._connections = ()
        self._sockets = ()
        self.client_ids = ()

    def _connect(self) -> None:
        import redis

        self._disconnect()
        pool = redis.ConnectionPool.from_url(
            self.url, protocol=2, socket_timeout=1, socket_connect_timeout=1
        )
        listener, tracker = pool.make_connection(), pool.make_connection()
        for connection in (listener, tracker):
            connection.send_command("CLIENT", "ID")
        listener_id, tracker_id = listener.read_response(), tracker.read_response()
        listener.send_command("SUBSCRIBE", "__redis__:invalidate")
        listener.read_response()
        tracker.send_command(
            "CLIENT", "TRACKING", "ON", "REDIRECT", listener_id, "BCAST", "PREFIX", self.prefix
        )
        if tracker.read_response() not in (b"OK", "OK"):
            raise ConnectionError("Redis refused CLIENT TRACKING")
        self._connections = (listener, tracker)
        self._sockets = (listener._sock, tracker._sock)
        self.client_ids = (listener_id, tracker_id)
        self._generation = _forks

    def _disconnect(self) -> None:
        for connection in self._connections:
            with contextlib.suppress(Exception):  # closing what is already broken
                connection.disconnect()
        self._connections = ()
        self._sockets = ()
        self._generation = None

    def still_valid(self) -> bool:
        """Drop remembered values if Redis reported a change; False when not listening."""
        try:
            if self._generation != _forks:  # never started, or a forked worker
                self.values.clear()
                self._connect()
            # One system call in the usual case: nothing to read on either socket.
            if not select.select(self._sockets, (), (), 0)[0]:
                return True
            listener, tracker = self._connections
            if tracker.can_read(timeout=0):
                raise ConnectionError("the tracking connection closed")
            while listener.can_read(timeout=0):
                listener.read_response()
                self.values.clear()
            return True
        except Exception:  # noqa: BLE001 - any failure: forget everything, ask Redis
            self.values.clear()
            self._disconnect()
            return False


class _Outage:
    """Whether Redis is failing, so that a dead Redis costs one log line, not one per request."""

    def __init__(self):
        self.since: float | None = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def skip(self) -> bool:
        return self.since is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self.lock:
            first, self.since = self.since is None, self.since or now
            self.retry_at = now + RETRY_SECONDS
        if first:
            logger.error(
                "Redis unavailable (%s: %s): serving without the cache, retrying every %s s",
                error.__class__.__name__,
                error,
                RETRY_SECONDS,
            )

    def answered(self) -> None:
        if self.since is None:
            return
        with self.lock:
            since, self.since = self.since, None
        if since is not None:
            logger.warning("Redis answers again after %.1f s", time.monotonic() - since)


_outages: dict[str, _Outage] = {}


class RedisCache(DjangoRedisCache):
    """settings.CACHES backend `lsunion.cache_backends.RedisCache` (same LOCATION/OPTIONS)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._tracked: _Tracked | None = None
        # Django makes one backend per thread; the outage is the process's, logged once.
        self._outage = _outages.setdefault(str(self._servers), _Outage())

    def available(self) -> bool:
        """False while Redis is failing (from its first error until it answers again)."""
        return self._outage.since is None

    def _soft(self, miss, operation, *args, **kwargs):
        if self._outage.skip():
            return miss
        try:
            result = operation(*args, **kwargs)
        except RedisError as error:
            self._outage.failed(error)
            return miss
        self._outage.answered()
        return result

    def tracked_get(self, key: str, default=None):
        """`get`, answered from this process while Redis reports no change to the key."""
        if self._outage.skip():
            return default
        full_key = self.make_and_validate_key(key)
        if self._tracked is None:
            self._tracked = _Tracked(self._servers[0], full_key)
        tracked = self._tracked
        if not full_key.startswith(tracked.prefix):
            return self.get(key, default)
        with tracked.lock:
            if not tracked.still_valid():
                return self.get(key, default)
            if full_key not in tracked.values:
                # Read after polling: a change after this read will be in the socket next time.
                value = self.get(key, default)
                if not self.available():  # Redis failing: nothing worth remembering
                    return value
                tracked.values[full_key] = value
            return tracked.values[full_key]

    def _forget(self, key) -> None:
        # This process's own writes are visible to itself at once, not after the message.
        tracked = self._tracked
        if tracked is not None and (key is None or self.make_key(key).startswith(tracked.prefix)):
            with tracked.lock:
                tracked.values.clear()

    def get(self, key, default=None, version=None):
        return self._soft(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._soft({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._soft(False, super().has_key, key, version)

    def set(self, key, *args, **kwargs):
        self._forget(key)
        return self._soft(None, super().set, key, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        for key in data:
            self._forget(key)
        return self._soft(list(data), super().set_many, data, *args, **kwargs)

    def add(self, key, *args, **kwargs):
        self._forget(key)
        return self._soft(True, super().add, key, *args, **kwargs)

    def touch(self, key, *args, **kwargs):
        return self._soft(False, super().touch, key, *args, **kwargs)

    def incr(self, key, *args, **kwargs):
        self._forget(key)
        return self._soft(1, super().incr, key, *args, **kwargs)

    def delete(self, key, *args, **kwargs):
        self._forget(key)
        return self._soft(False, super().delete, key, *args, **kwargs)

    def delete_many(self, keys, *args, **kwargs):
        self._forget(None)
        return self._soft(None, super().delete_many, keys, *args, **kwargs)

    def clear(self):
        self._forget(None)
        return self._soft(False, super().clear)
