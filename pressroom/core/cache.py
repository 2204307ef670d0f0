"""Django's Redis cache, made to fail open: an unreachable Redis is a cache miss, not a 500.

Everything that uses the cache (the page cache, Wagtail's site lookups, the contact form's
rate-limit counters, the health check) goes through it. When Redis refuses, times out or
answers garbage at the socket level:

- reads answer as misses (``get`` → default, ``get_many`` → ``{}``), writes are dropped,
  ``incr`` raises ValueError as for a missing key;
- the failure is logged once, and for ``RETRY_AFTER`` seconds (``OPTIONS``, default 5) no
  request in this process tries Redis again, so a frozen server costs one socket timeout per
  process every few seconds instead of one per cache call;
- when Redis answers again after writes were dropped, ``cache_recovered`` is sent: the page
  cache starts a new generation, since a purge made during the outage may have been lost
  while Redis still held the old pages (a network split rather than a restart).
"""

import logging
import re
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal

logger = logging.getLogger("pressroom.cache")

# Sent with ``alias_location`` when a cache answers again after dropping writes.
cache_recovered = Signal()

_lock = threading.Lock()
_state: dict[str, dict] = {}  # per Redis location, shared by every thread of the process


def _errors() -> tuple[type[BaseException], ...]:
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        # The LOCATION setting as given (one address or several, as a list or split by , or ;).
        servers = re.split("[;,]", server) if isinstance(server, str) else list(server)
        self._location = ",".join(servers)
        with _lock:
            self._status = _state.setdefault(self._location, {"down_until": 0.0, "lost": False})

    def available(self) -> bool:
        """False while this process is leaving Redis alone after a failure."""
        return time.monotonic() >= self._status["down_until"]

    def probe(self, key: str, value: str) -> bool:
        """Write and read back a value now, even while other calls leave Redis alone (for the
        health check: it must tell the truth the moment Redis is back)."""
        try:
            super().set(key, value, 10)
            ok = super().get(key) == value
        except _errors() as exc:
            self._failed(exc, write=True)
            return False
        self._succeeded()
        return ok

    def _failed(self, exc: BaseException, write: bool) -> None:
        status = self._status
        with _lock:
            first = status["down_until"] == 0.0
            status["down_until"] = time.monotonic() + self.retry_after
            status["lost"] = status["lost"] or write
        if first:
            logger.warning(
                "Redis at %s unreachable (%s); serving without the cache, retrying every %s s",
                self._location,
                exc.__class__.__name__,
                self.retry_after,
            )

    def _succeeded(self) -> None:
        status = self._status
        if not status["down_until"]:
            return
        with _lock:
            recovered, lost = bool(status["down_until"]), status["lost"]
            status["down_until"], status["lost"] = 0.0, False
        if recovered:
            logger.warning("Redis at %s answers again", self._location)
            if lost:
                cache_recovered.send(sender=self.__class__, location=self._location)

    def _call(self, name, write, miss, *args, **kwargs):
        status = self._status
        if not self.available():
            status["lost"] = status["lost"] or write
            return miss()
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except _errors() as exc:
            self._failed(exc, write)
            return miss()
        self._succeeded()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, lambda: False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", False, lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", True, lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", True, lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", True, lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", False, dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def unavailable():
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")

        return self._call("incr", True, unavailable, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", True, lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", True, lambda: None, keys, version)

    def clear(self):
        return self._call("clear", True, lambda: None)
