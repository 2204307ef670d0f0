"""Request middleware of the core app.

- ``SiteMiddleware``: the request's Wagtail ``Site`` without a query on every request.
"""

import contextlib
import copy

from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site

from pressroom.core.sitecache import remember


def site_for(request):
    """``Site.find_for_request``'s answer, kept until the next site-wide change (saving a
    Site purges everything). Each request gets its own copy of the Site and its root page,
    so nothing one request caches on them is seen by another."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    site = remember(f"siteobj:{hostname}:{port}", lambda: Site._find_for_request(request), request)
    if site is None:
        return None
    site = copy.copy(site)
    site.root_page = copy.copy(site.root_page)
    return site


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            # The database down: left to the views (health check, 503 page).
            with contextlib.suppress(DatabaseError):
                request._wagtail_site = site_for(request)
        return self.get_response(request)
