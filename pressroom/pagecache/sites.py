"""Which Wagtail Site a request is for, worked out before Django builds a request.

Keys of cached pages name the Site, so one installation can serve several company sites, as
Wagtail can. Wagtail's ``Site.find_for_request`` reads the Site rows on every request; a hit
at the WSGI layer has no request and no database. The page cache therefore keeps the rows
that matter here (id, host name, port, default) as a small table in the cache, made under the
page cache's generation: saving or deleting a Site purges everything (``Site`` is a site-wide
model), which makes a new generation and so a new table.

``site_for_host`` chooses from that table as Wagtail's ``get_site_for_hostname`` chooses from
the database (``tests/pagecache/test_sites.py`` compares the two over many hosts and ports):
an unknown host is the default site's. The host a visitor sends only selects a row; it never
becomes part of a key.
"""

import functools
from typing import NamedTuple

from wagtail.models import Site


class SiteRow(NamedTuple):
    id: int
    hostname: str
    port: int
    is_default: bool


def rows_from_database() -> tuple[SiteRow, ...]:
    values = Site.objects.order_by("pk").values_list("pk", "hostname", "port", "is_default_site")
    return tuple(SiteRow(*row) for row in values)


def rank(row: SiteRow, hostname: str, port: int) -> int:
    """Wagtail's order of preference: host and port, host of the default site, the default
    site, another site with the host."""
    if row.hostname == hostname:
        if row.port == port:
            return 0
        return 1 if row.is_default else 3
    return 2


@functools.lru_cache(maxsize=256)
def site_for_host(rows: tuple[SiteRow, ...], hostname: str, port) -> int | None:
    """The id of the Site Wagtail serves ``hostname`` (lower case, no port) and ``port`` from;
    None when there is none (no such host and no default site).

    Remembered for the latest hosts and tables: every hit asks, with the same few hosts."""
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = -1
    candidates = sorted(
        (row for row in rows if row.hostname == hostname or row.is_default),
        key=lambda row: rank(row, hostname, port),
    )
    if not candidates:
        return None
    best = rank(candidates[0], hostname, port)
    if len(candidates) == 1 or best in (0, 1):
        return candidates[0].id
    if best == 2:  # the default, unless exactly one other site has this host name
        return candidates[len(candidates) == 2].id
    return None  # several sites with this host name on other ports, and no default
