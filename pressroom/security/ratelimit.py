"""Fixed-window counters per client address, shared by every worker through a cache.

The contact form's limit and the content API's limit count with these (docs/security.md).
"""

import hashlib
import ipaddress
import math
import time

from django.core.cache import caches

from pressroom.security.proxies import parse_address


def address_key(prefix: str, address: str) -> str:
    """A cache key for the address under ``prefix``; IPv6 clients are grouped by their /64
    network (one host usually holds all of it)."""
    ip = parse_address(address)
    if ip is not None and ip.version == 6:
        address = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return f"{prefix}:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def window_key(key: str, window: int) -> str:
    """The cache key of the counter for the current window."""
    return f"{key}:{int(time.time() // window)}"


def retry_after(window: int) -> int:
    """Seconds until the current window ends and every counter starts again from zero."""
    return max(1, math.ceil(window - time.time() % window))


def count(key: str, window: int, alias: str = "default") -> int:
    """Add one to the key's counter for the current fixed window; returns the new count.

    The window's number is part of the key, so a new window is a new counter: nothing a cache
    backend does to expiries (the file cache's ``incr`` sets the timeout again) can keep a
    window closed longer, however often a refused client retries.
    """
    cache = caches[alias]
    key = window_key(key, window)
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr, or the cache is down (fail open)
        cache.set(key, 1, window)
        return 1
