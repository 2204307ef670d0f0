"""Abuse limits for the message form: who is posting, and how often they may."""

import logging

from django.conf import settings

from pressroom.security import ratelimit
from pressroom.security.ratelimit import window_key  # noqa: F401 (tests read the key)

logger = logging.getLogger(__name__)


def rate_key(address: str) -> str:
    """A cache key for the address; IPv6 visitors are grouped by their /64 network."""
    return ratelimit.address_key("contact:posts", address)


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
    return ratelimit.retry_after(rate_limit()[1])


def count(key: str, window: int) -> int:
    """Add one to the key's counter for the current fixed window; returns the new count."""
    return ratelimit.count(key, window, getattr(settings, "PRESSROOM_CONTACT_CACHE", "default"))


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
