"""The Redis cache backend: a remembered value is never used after Redis reports a change.

Runs against a real Redis (db 5 of the machine's, or a private redis-server), as production
does. Two backend objects stand for two app servers sharing one Redis.
"""

import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis

from lsunion.cache_backends import RedisCache

REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def redis_url():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
        yield REDIS_URL
        return
    except redis.ConnectionError:
        pass
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("No Redis at 127.0.0.1:6379 and no redis-server to start: install redis.")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/5"
    for _ in range(50):
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture
def two_servers(redis_url):
    """Two app servers' caches on one Redis, under a prefix of their own."""
    prefix = f"lsunion-test-{uuid.uuid4().hex[:8]}"
    params = {"KEY_PREFIX": prefix, "TIMEOUT": 60}
    a, b = RedisCache(redis_url, params), RedisCache(redis_url, params)
    yield a, b
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_a_value_changed_through_one_server_is_read_fresh_by_the_other_at_once(two_servers):
    a, b = two_servers
    a.set("content:state", "phiên bản 1")
    assert b.tracked_get("content:state") == "phiên bản 1"
    assert b.tracked_get("content:state") == "phiên bản 1"  # now remembered by b

    a.set("content:state", "phiên bản 2")
    assert b.tracked_get("content:state") == "phiên bản 2"

    a.delete("content:state")
    assert b.tracked_get("content:state") is None


def test_a_remembered_value_costs_no_round_trip_to_redis(two_servers):
    a, b = two_servers
    a.set("content:state", "phiên bản 1")
    b.tracked_get("content:state")
    b.get = None  # any read through Redis would now fail

    assert b.tracked_get("content:state") == "phiên bản 1"


def test_a_value_that_expires_in_redis_is_not_remembered_past_it(two_servers):
    a, b = two_servers
    a.set("content:state", "sắp hết hạn", timeout=1)
    assert b.tracked_get("content:state") == "sắp hết hạn"

    time.sleep(1.2)
    a.get("content:state")  # Redis expires keys lazily (on access) or in its background cycle

    assert b.tracked_get("content:state") is None


@pytest.mark.parametrize("lost", ["listener", "tracker"])
def test_when_a_tracking_connection_is_lost_values_are_read_from_redis_again(
    two_servers, redis_url, lost
):
    a, b = two_servers
    a.set("content:state", "phiên bản 1")
    assert b.tracked_get("content:state") == "phiên bản 1"

    # Redis closes one of b's connections (a restart, its idle `timeout`, CLIENT KILL) …
    listener_id, tracker_id = b._tracked.client_ids
    redis.Redis.from_url(redis_url).client_kill_filter(
        _id=listener_id if lost == "listener" else tracker_id
    )
    a.set("content:state", "phiên bản 2")

    # … so b no longer trusts what it remembers, and starts listening again.
    assert b.tracked_get("content:state") == "phiên bản 2"
    a.set("content:state", "phiên bản 3")
    assert b.tracked_get("content:state") == "phiên bản 3"
