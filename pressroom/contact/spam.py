"""Abuse limits for the message form: who is posting, and how often they may."""

import hashlib
import ipaddress
import logging
import math
import time

from django.conf import settings
from django.core.cache import caches

from pressroom.security.proxies import parse_address

logger = logging.getLogger(__name__)


def rate_key(address: str) -> str:
    """A cache key for the address; IPv6 visitors are grouped by their /64 network."""
    ip = parse_address(address)
    if ip is not None and ip.version == 6:
        address = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return "contact:posts:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def rate_limit() -> tuple[int, int]:
    """(posts, seconds): how many posts one address may make in a window."""
    return (
        int(getattr(settings, "PRESSROOM_CONTACT_RATE_LIMIT_POSTS", 5)),
        int(getattr(settings, "PRESSROOM_CONTACT_RATE_LIMIT_WINDOW", 600)),
    )


def site_limit() -> int:
    """Messages the whole site takes per window before holding them for review (0: no limit)."""
    return int(getattr(settings, "PRESSROOM_CONTACT_SITE_LIMIT_POSTS", 0) or 0)


def retry_after() -> int:
    """Seconds until the current window ends and every counter starts again from zero."""
    _posts, window = rate_limit()
    return max(1, math.ceil(window - time.time() % window))


def window_key(key: str, window: int) -> str:
    """The cache key of the counter for the current window."""
    return f"{key}:{int(time.time() // window)}"


def count(key: str, window: int) -> int:
    """Add one to the key's counter for the current fixed window; returns the new count.

    The window's number is part of the key, so a new window is a new counter: nothing a cache
    backend does to expiries (the file cache's ``incr`` sets the timeout again) can keep a
    window closed longer, however often a refused visitor retries.
    """
    cache = caches[getattr(settings, "PRESSROOM_CONTACT_CACHE", "default")]
    key = window_key(key, window)
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr, or the cache is down (fail open)
        cache.set(key, 1, window)
        return 1


def count_post(address: str) -> bool:
    """Count one post from the address, whatever it holds; False when over the address's limit."""
    posts, window = rate_limit()
    return count(rate_key(address), window) <= posts


def count_site_message() -> bool:
    """Count one message that passed the form's checks; False once the site is over its limit.

    Only such messages count, so junk cannot use up the site's allowance, and going over it
    holds messages for review rather than refusing them: a flood cannot shut out a customer.
    """
    limit = site_limit()
    if not limit:
        return True
    total = count("contact:posts:site", rate_limit()[1])
    if total == limit + 1:
        logger.warning("Contact form: over the site-wide limit of %s; holding messages", limit)
    return total <= limit
