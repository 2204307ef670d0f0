"""Which addresses show a page: the one answer used by page-cache purges, CDN purges and
incremental exports.

What every page has is worked out here: its own address, its parent, its translations, the
pages below it (their breadcrumbs), the pages of its language that show any page (home, HTML
sitemap) and the configured extras. What a page type adds, it answers itself, through a small
protocol of optional members looked up on the page (docs/caching.md, "Page types"):

- ``get_cached_paths()``: Wagtail's own hook for frontend-cache purges; the page's addresses
  below its own (a routable page's sub-pages, its feeds). Wagtail's default is ``["/"]``.
- ``paths_showing_me()``: other addresses on its site that show it (an article's lists and
  its neighbours).
- ``paths_showing_edit(since)``: the same after an edit from ``since`` (the page at an
  earlier revision), when knowing the old version narrows it (an article that kept its place
  in its lists shows on one page of each); ``pressroom export --changed`` asks it.
- ``changes_whole_site()``: True when every page of its site shows it (besides main-menu
  entries, which are always such pages).
- ``shows_all_pages = True``: the page may show any page of its site and language.
- ``shows_section_menu = True``: the page draws its section's menu (``core.sections``), so
  it shows the titles of the pages at the top two levels of its section.

``urls_showing(page)`` answers for the page as it is in the database right now, so callers
ask twice around a change (before and after) when the change can move the page between lists.
"""

from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from pressroom.core.sections import SECTION_DEPTH, section_root


class Address(NamedTuple):
    """One cached address: a path on one Wagtail Site."""

    site_id: int
    path: str


def path_of(page) -> str | None:
    """The page's path on its site, e.g. ``/en/news/launch/``; None when not routable."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def address_of(page) -> Address | None:
    parts = page.get_url_parts()
    return Address(parts[0], parts[2]) if parts and parts[2] else None


def own_paths(page, path: str | None = None) -> set[str]:
    """Every path the page answers itself on its site: its own, and those its
    ``get_cached_paths()`` names below it. ``path``: the page's own, when the caller has it."""
    path = path or path_of(page)
    if path is None:
        return set()
    return {path + sub.lstrip("/") for sub in page.specific.get_cached_paths()}


def ask(page, name: str) -> set[str]:
    """The page type's own answer to ``name`` (a protocol method), or nothing."""
    method = getattr(page, name, None)
    return set(method()) if method is not None else set()


def pages_showing_all(page):
    """Live pages of ``page``'s language that show any page of it (home, HTML sitemap)."""
    models = [model for model in get_page_models() if getattr(model, "shows_all_pages", False)]
    if not models:
        return Page.objects.none()
    return Page.objects.live().type(*models).filter(locale_id=page.locale_id)


def pages_showing_section_menu(page):
    """Live pages of ``page``'s section that draw the section menu, when ``page`` is in it
    (the section itself, its children and their children)."""
    if not SECTION_DEPTH <= page.depth <= SECTION_DEPTH + 2:
        return Page.objects.none()
    models = [model for model in get_page_models() if getattr(model, "shows_section_menu", False)]
    root = section_root(page)
    if not models or root is None:
        return Page.objects.none()
    return Page.objects.live().type(*models).descendant_of(root, inclusive=True)


def configured_paths(page) -> set[str]:
    """``PRESSROOM_PAGECACHE_PURGE_ALWAYS`` and what the ``URL_PROVIDERS`` name for ``page``
    (paths on its site)."""
    paths = set(getattr(settings, "PRESSROOM_PAGECACHE_PURGE_ALWAYS", ()))
    for dotted in getattr(settings, "PRESSROOM_PAGECACHE_URL_PROVIDERS", ()):
        paths |= set(import_string(dotted)(page))
    return paths


def urls_showing(page, since=None) -> set[Address]:
    """Every address whose response shows ``page``: its own addresses, what its type adds
    (``paths_showing_me``), its parent, the pages of its site and language that show every
    page, the pages of its section that draw the section menu, the configured extras, the
    pages below it (their breadcrumbs) and its translations. Each on the site it belongs
    to: a page's change purges nothing elsewhere. ``since``: the page at an earlier
    revision, for types that answer ``paths_showing_edit(since)``."""
    page = page.specific
    address = address_of(page)
    others = set()
    if address is not None:
        showing_me = ask(page, "paths_showing_me")
        if since is not None and hasattr(page, "paths_showing_edit"):
            showing_me = set(page.paths_showing_edit(since))
        paths = own_paths(page) | showing_me | configured_paths(page)
        others = {Address(address.site_id, path) for path in paths if path}
    if page.depth > 2:
        others.add(address_of(page.get_parent()))
    showing_all = {address_of(shower) for shower in pages_showing_all(page)}
    showing_all |= {address_of(shower) for shower in pages_showing_section_menu(page)}
    others |= {a for a in showing_all if a is not None and address and a.site_id == address.site_id}
    if page.depth > 2:  # breadcrumbs below show its title (the home page's reads "Home")
        below = page.get_descendants().live().specific(defer=True)
        others |= {address_of(child) for child in below}
    others |= {address_of(translation) for translation in page.get_translations().live()}
    others.discard(None)
    return others


def changes_whole_site(page) -> bool:
    """True for pages every page shows: the root, main-menu entries, and pages whose type
    says so (``changes_whole_site()``: the footer's sitemap link, the news center's feeds)."""
    if page.depth <= 1:
        return True  # the root: every site hangs below it
    if page.depth == 3 and page.show_in_menus:
        return True
    method = getattr(page.specific, "changes_whole_site", None)
    return bool(method is not None and method())


def public_pages(specific: bool = True):
    """Live pages without view restrictions (as their own types unless ``specific`` is
    False: rows of ``Page``, for reading their tree fields)."""
    pages = Page.objects.live().public().filter(depth__gt=1)
    return pages.specific() if specific else pages


def types_naming_own_paths() -> list:
    """Page types with addresses below their own (``get_cached_paths()``: lists, feeds)."""
    return [
        model
        for model in get_page_models()
        if getattr(model, "get_cached_paths", None) is not Page.get_cached_paths
    ]


def public_addresses(pages=None, site_id=None) -> set[Address]:
    """Every address a live, unrestricted page answers (its sub-pages and feeds too), on
    every site or on one."""
    addresses: set[Address] = set()
    for page in public_pages() if pages is None else pages:
        address = address_of(page)
        if address is not None and site_id in (None, address.site_id):
            addresses |= {Address(address.site_id, path) for path in own_paths(page)}
    return addresses


def site_wide_models() -> list:
    """Models whose rows every page may show: ``PRESSROOM_PAGECACHE_SITE_WIDE_MODELS`` and
    the image model (a change purges everything)."""
    labels = getattr(settings, "PRESSROOM_PAGECACHE_SITE_WIDE_MODELS", ())
    return [*(apps.get_model(label) for label in labels), get_image_model()]
