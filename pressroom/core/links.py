"""Absolute addresses built from the site's configured root URL (never from the Host header),
and the language tags that go with them."""

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


def hreflang(language_code: str) -> str:
    """A language code in BCP 47 form: ``zh-hans`` -> ``zh-Hans``, ``en-gb`` -> ``en-GB``."""
    first, *rest = language_code.split("-")
    parts = [first.lower()]
    for part in rest:
        parts.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(parts)
