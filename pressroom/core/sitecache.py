"""What every page shows, worked out once per site-wide change instead of once per render.

The header, menu, footer and contact block, the company info and whether any page has a view
restriction only change with a site-wide change (company info, a main-menu page, the sitemap
page, the news center, a home page, a view restriction, a Site). Every such change purges the
whole page cache (``pressroom.pagecache.store.purge_all``: a new generation token, and the
stamp file when each process has its own cache), so the same token versions these values
(``PRESSROOM_SITE_VERSION`` names the function that reads it): they are kept under
``site:<token>:<name>`` in the cache ``PRESSROOM_SITECACHE_ALIAS`` names (Django's default
cache unless set), and a purge leaves them behind.

Values that many pages share and that change with published content (how long a news list
is, where its numbered pages start) are kept the same way under ``content:<token>:<name>``,
where the token (``PRESSROOM_CONTENT_VERSION``) changes with every purge of the page cache:
a purge is how a content change is announced, once it is worked out which pages show it.

A render that overlaps an editor's change may store values read before the commit under the
new token; the second purge, on commit, moves on to another token (see docs/caching.md).
A cache that cannot be reached makes every value be worked out again (as before caching).
"""

import functools
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Values are kept in this process's memory too (``Kept.local``): no cache read nor unpickling
# on a render. They are shared by the threads of a worker: treat them as read-only.
MAX_LOCAL_VALUES = 500


@functools.cache
def version_reader(dotted: str):
    return import_string(dotted)


def timeout() -> int:
    return getattr(settings, "PRESSROOM_PAGECACHE_TIMEOUT", 24 * 3600)


class Kept:
    """Values kept under the version that the function named by the setting ``setting``
    reads: a value is worked out again once that version changes."""

    def __init__(self, setting: str, prefix: str):
        self.setting = setting
        self.prefix = prefix
        self.request_attr = f"_pressroom_{prefix}_values"
        # This process's copies of the values of the current version, replaced whole (never
        # changed in place), so a value lands only under its own version.
        self.local: tuple[str | None, dict] = (None, {})

    def version(self) -> str | None:
        """The current version; None when it cannot be read (nothing is kept then)."""
        dotted = getattr(settings, self.setting, None)
        if not dotted:
            return None  # nothing versions the values: each is worked out every time
        try:
            return version_reader(dotted)()
        except Exception:
            logger.warning("Cache unavailable: %s values are worked out afresh", self.prefix,
                           exc_info=True)  # fmt: skip
            return None

    def memo(self, request) -> dict:
        """Values already read during this request (one cache read each per request)."""
        if request is None:
            return {}
        memo = getattr(request, self.request_attr, None)
        if memo is None:
            memo = {"version": self.version()}
            setattr(request, self.request_attr, memo)
        return memo

    def remember(self, name: str, compute, request=None):
        memo = self.memo(request)
        if name in memo:
            return memo[name]
        token = memo["version"] if "version" in memo else self.version()
        if token is None:
            value = compute()
        else:
            snapshot = self.local
            if snapshot[0] != token:  # old values go: they belong to an earlier version
                snapshot = self.local = (token, {})
            values = snapshot[1]
            if name in values:
                value = values[name]
            else:
                value = _shared(f"{self.prefix}:{token}:{name}", compute)
                if len(values) < MAX_LOCAL_VALUES:  # names made from a Host header stay bounded
                    values[name] = value
        memo[name] = value
        return value


SITE = Kept("PRESSROOM_SITE_VERSION", "site")
CONTENT = Kept("PRESSROOM_CONTENT_VERSION", "content")


def version() -> str | None:
    """The site's version (``PRESSROOM_SITE_VERSION``: the page cache's generation and stamp):
    it changes with every site-wide change. None when it cannot be read."""
    return SITE.version()


def remember(name: str, compute, request=None):
    """``compute()``, kept until the next site-wide change. ``name`` says what it depends on
    besides site-wide content (the language, the site, the menu entry shown as current)."""
    return SITE.remember(name, compute, request)


def remember_until_content_changes(name: str, compute, request=None):
    """``compute()``, kept until the next change of any page's content
    (``PRESSROOM_CONTENT_VERSION``: every purge of the page cache) or site-wide change.
    ``name`` says everything else it depends on (which list, which language)."""
    return CONTENT.remember(name, compute, request)


def shared_cache():
    """Where the values are kept: ``PRESSROOM_SITECACHE_ALIAS`` (the page cache's own cache
    when each process has one, which a worker empties when a purge changes the version)."""
    return caches[getattr(settings, "PRESSROOM_SITECACHE_ALIAS", "default")]


def _shared(key: str, compute):
    """The value from the cache all processes share, or worked out and put there."""
    cache = shared_cache()
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
