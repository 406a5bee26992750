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
"""

import contextlib
import os
import select
import threading

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
        pool = redis.ConnectionPool.from_url(self.url, protocol=2, socket_timeout=5)
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


class RedisCache(DjangoRedisCache):
    """settings.CACHES backend `lsunion.cache_backends.RedisCache` (same LOCATION/OPTIONS)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._tracked: _Tracked | None = None

    def tracked_get(self, key: str, default=None):
        """`get`, answered from this process while Redis reports no change to the key."""
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
                tracked.values[full_key] = self.get(key, default)
            return tracked.values[full_key]

    def _forget(self, key) -> None:
        # This process's own writes are visible to itself at once, not after the message.
        tracked = self._tracked
        if tracked is not None and (key is None or self.make_key(key).startswith(tracked.prefix)):
            with tracked.lock:
                tracked.values.clear()

    def set(self, key, *args, **kwargs):
        self._forget(key)
        return super().set(key, *args, **kwargs)

    def add(self, key, *args, **kwargs):
        self._forget(key)
        return super().add(key, *args, **kwargs)

    def delete(self, key, *args, **kwargs):
        self._forget(key)
        return super().delete(key, *args, **kwargs)

    def clear(self):
        self._forget(None)
        return super().clear()
