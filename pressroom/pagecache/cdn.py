"""Purging a CDN in front of the site: the same addresses the page cache purges, once committed.

Pressroom does not add ``wagtail.contrib.frontend_cache`` to INSTALLED_APPS: its app registers
its own publish handlers, which would purge a second, smaller set of URLs. It uses the
module's ``purge_urls_from_cache`` and backends only, with the addresses ``urls_showing``
gives (each made absolute on its own Site), called from ``pressroom.pagecache.signals`` after
the commit.

A CDN that is down or refuses never breaks a publish: failures are logged, and an unreachable
purge endpoint costs one timeout per publish, not one per URL.
"""

import logging
import threading
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend as WagtailHTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger(__name__)


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def absolute_urls(addresses) -> list[str]:
    """Each address on its own Site's root URL (e.g. ``https://www.example.com/en/news/``)."""
    from wagtail.models import Site

    roots = {site.pk: site.root_url for site in Site.objects.all()}
    return sorted(roots[site_id] + path for site_id, path in addresses if site_id in roots)


def every_address() -> set:
    """Every public page's addresses, and the configured ones (the XML sitemaps) of each site."""
    from wagtail.models import Site

    from pressroom.pagecache.showing import Address, configured_paths, public_addresses

    addresses = public_addresses()
    for site in Site.objects.select_related("root_page"):
        addresses |= {Address(site.pk, path) for path in configured_paths(site.root_page)}
    return addresses


_pending = threading.local()  # per thread, like the database connection and its transaction


def pending():
    if not hasattr(_pending, "addresses"):
        _pending.addresses, _pending.everything = set(), False
    return _pending


def purge_after_commit(addresses=None, everything=False) -> None:
    """Purge at the CDN once the transaction commits, each address once: a publish purges the
    page cache before and after its save, and the CDN needs one purge.

    Every call asks for a flush on commit; the first flush sends what this thread has
    collected and empties it, so later flushes of the same commit send nothing.
    """
    if not configured():
        return
    state = pending()
    state.addresses |= set(addresses or ())
    state.everything = state.everything or everything
    transaction.on_commit(flush)


def flush() -> None:
    state = pending()
    addresses, everything = state.addresses, state.everything
    state.addresses, state.everything = set(), False
    if addresses or everything:
        purge(addresses, everything)


def purge(addresses=None, everything=False) -> None:
    """Purge ``addresses`` (or every public page) at the CDN; never raises."""
    if not configured():
        return
    try:
        urls = absolute_urls(every_address() if everything else addresses or ())
        limit = getattr(settings, "PRESSROOM_CDN_PURGE_MAX", 1000)
        if len(urls) > limit:
            logger.warning(
                "CDN purge of %d URLs skipped (more than PRESSROOM_CDN_PURGE_MAX=%d); "
                "the CDN serves its copies until their s-maxage runs out",
                len(urls),
                limit,
            )
            return
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(urls)
    except Exception:
        logger.error("CDN purge failed; the CDN may serve stale pages", exc_info=True)


class HTTPBackend(WagtailHTTPBackend):
    """Wagtail's PURGE backend with a timeout, giving up on a CDN that does not answer.

    ``LOCATION`` is where PURGE requests go; ``TIMEOUT`` (seconds, default 3) bounds each.
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 3))
        super().__init__(params)

    def request_for(self, url: str) -> PurgeRequest:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        return PurgeRequest(
            url=urlunsplit(
                [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
            ),
            headers={"Host": host, "User-Agent": "Pressroom-frontendcache"},
        )

    def purge(self, url) -> bool:
        """PURGE one URL; False when the CDN could not be reached at all."""
        try:
            with urlopen(self.request_for(url), timeout=self.timeout):  # noqa: S310
                pass
        except HTTPError as error:
            logger.error("CDN refused to purge %s: %d %s", url, error.code, error.reason)
        except OSError as error:  # refused connection, DNS, timeout
            logger.error("CDN unreachable for purging %s: %s", url, error)
            return False
        return True

    def purge_batch(self, urls) -> None:
        urls = list(urls)
        for done, url in enumerate(urls, start=1):
            if not self.purge(url):
                if done < len(urls):
                    logger.error("CDN unreachable: %d more URLs not purged", len(urls) - done)
                return
