"""What every page shows, worked out once per site-wide change instead of once per render.

The header, menu, footer and contact block, the company info and whether any page has a view
restriction only change with a site-wide change (company info, a main-menu page, the sitemap
page, the news center, a home page, a view restriction, a Site). Every such change purges the
whole page cache (``pressroom.pagecache.store.purge_all``: a new generation token, and the
stamp file when each process has its own cache), so the same token versions these values
(``PRESSROOM_SITE_VERSION`` names the function that reads it): they are kept in Django's
default cache under ``site:<token>:<name>`` and a purge leaves them behind.

A render that overlaps an editor's change may store values read before the commit under the
new token; the second purge, on commit, moves on to another token (see docs/caching.md).
A cache that cannot be reached makes every value be worked out again (as before caching).
"""

import functools
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

REQUEST_ATTR = "_pressroom_site_values"
# This process's copies of the values of the current version: no cache read nor unpickling
# on a render. Values are shared by the threads of a worker: treat them as read-only.
# Replaced whole (never changed in place), so a value lands only under its own version.
_local: tuple[str | None, dict] = (None, {})
MAX_LOCAL_VALUES = 500


@functools.cache
def version_reader(dotted: str):
    return import_string(dotted)


def version() -> str | None:
    """The site's version (``PRESSROOM_SITE_VERSION``: the page cache's generation and stamp):
    it changes with every site-wide change. None when it cannot be read."""
    dotted = getattr(settings, "PRESSROOM_SITE_VERSION", None)
    if not dotted:
        return None  # nothing versions the values: each is worked out every time
    try:
        return version_reader(dotted)()
    except Exception:
        logger.warning("Cache unavailable: site-wide fragments are rendered afresh", exc_info=True)
        return None


def timeout() -> int:
    return getattr(settings, "PRESSROOM_PAGECACHE_TIMEOUT", 24 * 3600)


def _memo(request) -> dict:
    """Values already read during this request (one cache read each per request)."""
    if request is None:
        return {}
    memo = getattr(request, REQUEST_ATTR, None)
    if memo is None:
        memo = {"version": version()}
        setattr(request, REQUEST_ATTR, memo)
    return memo


def remember(name: str, compute, request=None):
    """``compute()``, kept until the next site-wide change. ``name`` says what it depends on
    besides site-wide content (the language, the site, the menu entry shown as current)."""
    memo = _memo(request)
    if name in memo:
        return memo[name]
    token = memo["version"] if "version" in memo else version()
    if token is None:
        value = compute()
    else:
        global _local
        snapshot = _local
        if snapshot[0] != token:  # old values go: they belong to an earlier version
            snapshot = _local = (token, {})
        values = snapshot[1]
        if name in values:
            value = values[name]
        else:
            value = _shared(f"site:{token}:{name}", compute)
            if len(values) < MAX_LOCAL_VALUES:  # names made from a Host header stay bounded
                values[name] = value
    memo[name] = value
    return value


def _shared(key: str, compute):
    """The value from the cache all processes share, or worked out and put there."""
    try:
        found = cache.get(key)
    except Exception:
        found = None
    if found is not None:
        return found[0]
    value = compute()
    try:
        cache.set(key, (value,), timeout=timeout())
    except Exception:
        logger.warning("Cache unavailable: %s not kept", key, exc_info=True)
    return value


def any_view_restrictions(request=None) -> bool:
    """Whether any page has a view restriction (password, sign-in, groups).

    Creating or deleting one purges everything, so on most sites this answers "no" from
    the cache and public pages skip Wagtail's restriction queries.
    """
    from wagtail.models import PageViewRestriction

    return remember("restrictions", PageViewRestriction.objects.exists, request)
