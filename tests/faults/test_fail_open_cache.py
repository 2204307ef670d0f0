"""The Redis cache backend fails open: misses, quickly, and tells the page cache when it is back."""

import time

import pytest

from pressroom.core import cache as fail_open
from tests.faults.conftest import free_port
from tests.sockets import SilentServer

pytestmark = pytest.mark.faults
redis = pytest.importorskip("redis")


def backend(port, retry_after=5):
    return fail_open.FailOpenRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {
            "OPTIONS": {
                "socket_connect_timeout": 0.25,
                "socket_timeout": 0.25,
                "retry": redis.retry.Retry(redis.backoff.NoBackoff(), 0),
                "RETRY_AFTER": retry_after,
            }
        },
    )


@pytest.fixture(autouse=True)
def fresh_state():
    fail_open._state.clear()
    yield
    fail_open._state.clear()


def test_a_refused_connection_is_a_miss_and_writes_are_dropped():
    cache = backend(free_port())
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", 1) is False
    assert cache.set_many({"a": 1}) == ["a"]
    with pytest.raises(ValueError):
        cache.incr("k")
    assert cache.probe("healthz", "token") is False


def test_a_frozen_server_costs_one_timeout_then_calls_skip_it():
    with SilentServer() as frozen:  # accepts connections, never answers
        cache = backend(frozen.port)
        assert cache.get("k") is None
        # One connection, given up after its socket timeout (no retry) ...
        assert frozen.connections() == 1
        for _ in range(50):
            assert cache.get("k") is None
        # ... then the calls skip the server until RETRY_AFTER has passed.
        assert frozen.connections() == 1


def test_redis_back_after_dropped_writes_starts_a_new_page_cache_generation(private_redis):
    from pressroom.pagecache import signals  # noqa: F401  (connects the receiver)

    received = []

    def receiver(sender, location, **kwargs):
        received.append(location)

    fail_open.cache_recovered.connect(receiver)
    try:
        cache = backend(private_redis.port, retry_after=0.2)
        assert cache.set("k", "before") is None and cache.get("k") == "before"
        private_redis.freeze()
        try:
            assert cache.set("k", "during") is None  # dropped
            assert cache.get("k") is None
        finally:
            private_redis.thaw()
        time.sleep(0.25)
        # A write that timed out may or may not have landed (it sat in the frozen server's
        # socket buffer): the backend cannot know, so it reports the outage once it is over.
        assert cache.get("k") in ("before", "during")
        assert received == [f"redis://127.0.0.1:{private_redis.port}/0"]
        assert cache.set("k", "after") is None and cache.get("k") == "after"
        assert len(received) == 1  # once per outage
    finally:
        fail_open.cache_recovered.disconnect(receiver)
