"""The old site's addresses, answering 301 to the new pages through Wagtail's redirects."""

from urllib.parse import urlsplit

from django.db.models import F
from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site


def old_path(url: str) -> str:
    """The path and query of an old address, as Wagtail's redirects store it ("" for the home
    page itself, which never redirects)."""
    parts = urlsplit(url.strip())
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    normalised = Redirect.normalise_path(path)
    return "" if normalised == "/" else normalised


class OldPaths:
    """The old paths that have a redirect on ``site``, read once on first use, so that an
    address with none yet (every one, on a first import) costs no look-up. Paths redirected
    since are added (a rolled-back item's too: then the look-up finds none)."""

    def __init__(self, site: Site | None):
        self.site = site
        self.paths: set[str] | None = None

    def may_have(self, path: str) -> bool:
        if self.paths is None:
            found = Redirect.objects.filter(site=self.site).values_list("old_path", flat=True)
            self.paths = set(found)
        return path in self.paths

    def add(self, path: str) -> None:
        if self.paths is not None:
            self.paths.add(path)


def ensure_redirect(
    url: str, page, site: Site | None, route: str | None = None, known: OldPaths | None = None
) -> bool:
    """A permanent redirect from ``url``'s path to ``page`` (optionally a route below it).
    True when one was made or changed; False when it was there already or is not needed.
    ``known``: the site's redirected paths, when the caller keeps them (an import)."""
    path = old_path(url)
    if not path or path == Redirect.normalise_path(page.get_url() or ""):
        return False
    if known is not None and not known.may_have(path):
        existing = None
    else:
        existing = Redirect.objects.filter(site=site, old_path=path).first()
    if existing is None:
        Redirect.add_redirect(path, redirect_to=page, page_route_path=route, site=site)
        if known is not None:
            known.add(path)
        return True
    if existing.redirect_page_id == page.pk and existing.is_permanent:
        return False
    existing.redirect_page, existing.redirect_link, existing.is_permanent = page, "", True
    existing.redirect_page_route_path = Redirect.normalise_page_route_path(route) if route else ""
    existing.save()
    return True


# The query parameters of old sites' addresses on their home page's path (WordPress).
OLD_QUERY_KEYS = {"p", "page_id", "cat", "tag", "attachment_id", "author", "m"}


def looks_old(query_string: str) -> bool:
    """A query string of an old site's address: WordPress's ``p=12``, ``page_id=3`` …, or a
    path with no ``=`` (PbootCMS's compatible mode, ``news/3.html``)."""
    if "=" not in query_string:
        return True
    return any(part.split("=", 1)[0] in OLD_QUERY_KEYS for part in query_string.split("&"))


class OldQueryAddressMiddleware:
    """Old addresses on the home page's path with a query string (WordPress's ``/?p=12``,
    PbootCMS's ``/?news/3.html``): the home page answers those with 200, so Wagtail's redirect
    middleware (which looks only at 404s) never sees them. A GET or HEAD of ``/?…`` whose query
    looks like an old site's, with a redirect stored for it, answers 301; any other request
    passes untouched, at no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if (
            request.path_info == "/"
            and query_string
            and request.method in ("GET", "HEAD")
            and looks_old(query_string)
        ):
            path = Redirect.normalise_path(request.get_full_path())
            site = Site.find_for_request(request)
            found = (
                Redirect.get_for_site(site)
                .filter(old_path=path)
                .order_by(F("site").asc(nulls_last=True))
                .first()
            )
            if found is not None and found.link:
                return HttpResponsePermanentRedirect(found.link)
        return self.get_response(request)
