"""Absolute addresses built from the site's configured root URL, never from the Host header."""

from wagtail.models import Site


def site_root_url(request) -> str:
    """``https://example.com`` for the site serving ``request`` (or the default site)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return request.build_absolute_uri("/").rstrip("/")
    return site.root_url


def absolute_url(request, url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url
