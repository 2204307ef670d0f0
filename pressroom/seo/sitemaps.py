"""What sitemap.xml lists: every live, public page of every site, in every language.

Wagtail's own sitemap covers only the default site's tree in one language and knows nothing
of translations; this one lists each language's pages with hreflang alternates, in sections
of at most 50,000 URLs, with a fixed number of queries per section and no page body loaded.
"""

import math
from datetime import UTC, datetime
from html import escape
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Locale, Page, Site, get_page_models

from pressroom.careers.models import JobPostingPage
from pressroom.core.links import hreflang
from pressroom.news.models import NewsArticlePage, unexpired

# The protocol's limit of URLs in one sitemap file.
MAX_URLS_PER_SITEMAP = 50_000
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what Django's reverse() leaves unquoted
URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)


def w3c_datetime(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def urls_per_sitemap() -> int:
    return min(
        getattr(settings, "PRESSROOM_SITEMAP_URLS", MAX_URLS_PER_SITEMAP), MAX_URLS_PER_SITEMAP
    )


def site_roots(site) -> list:
    """The root paths (one per language) of ``site``: a sitemap lists only its own host."""
    return [root for root in Site.get_site_root_paths() if site is None or root.site_id == site.pk]


def listed_pages(roots):
    """Pages a crawler may fetch: live, public, under one of ``roots``, articles if published,
    job postings if open (a closed one answers 410)."""
    root_paths = {root.root_path for root in roots}
    if not root_paths:
        return Page.objects.none()
    under_a_site = Q()
    for root_path in root_paths:
        under_a_site |= Q(url_path__startswith=root_path)
    hidden = [model for model in get_page_models() if not getattr(model, "show_in_sitemap", True)]
    hidden_types = ContentType.objects.get_for_models(*hidden).values() if hidden else []
    article_type = ContentType.objects.get_for_model(NewsArticlePage)
    return (
        Page.objects.live()
        .public()
        .filter(under_a_site)
        .exclude(content_type__in=list(hidden_types))
        # Articles as NewsArticlePage.objects.published() has them: live and public are asked
        # of every page above; the expiry is asked of the page row, not by a subquery of
        # every published article (which SQLite built anew for each query: 130 ms at
        # 100,000 articles, twice a section).
        .filter(~Q(content_type=article_type) | unexpired())
        .exclude(pk__in=JobPostingPage.objects.closed().values("pk"))
    )


def section_count(listed) -> int:
    """How many sitemap files the index lists (always at least one)."""
    return max(1, math.ceil(listed.count() / urls_per_sitemap()))


def section_bound() -> int:
    """The most sections there can be: sections follow the pages' ids, so no more than the
    highest id fills (one lookup on the primary key, where ``section_count`` counts)."""
    highest = Page.objects.aggregate(highest=Max("pk"))["highest"] or 0
    return max(1, math.ceil(highest / urls_per_sitemap()))


def sitemap_paths(page=None) -> set[str]:
    """The XML sitemaps of ``page``'s site (of the default site without a page), for the page
    cache: a change to any page may alter them (its lastmod, its place in a section, the
    number of sections). Also the one past the end, which 404s once they shrink."""
    site = (
        page.get_site() if page is not None else Site.objects.filter(is_default_site=True).first()
    )
    sections = section_count(listed_pages(site_roots(site))) if site is not None else 1
    return {"/sitemap.xml"} | {f"/sitemap-{n}.xml" for n in range(1, sections + 2)}


def sections_showing(site, pks) -> set[str]:
    """The XML sitemaps of ``site`` that a change of the pages ``pks`` (their ids, including
    pages since deleted) may alter: the index, the section holding the lowest of them and
    every later one (sections follow the pages' ids, so a page added or removed shifts the
    ones after it), and the one past the end."""
    listed = listed_pages(site_roots(site))
    size, sections = urls_per_sitemap(), section_count(listed)
    first = listed.filter(pk__lt=min(pks)).count() // size + 1 if pks else sections + 1
    return {"/sitemap.xml"} | {f"/sitemap-{n}.xml" for n in range(first, sections + 2)}


def sections_holding(site, pks) -> set[str]:
    """The XML sitemaps of ``site`` listing the pages ``pks`` where they are (an edit that
    kept a page's address changes its own entry only)."""
    listed, size = listed_pages(site_roots(site)), urls_per_sitemap()
    return {f"/sitemap-{listed.filter(pk__lt=pk).count() // size + 1}.xml" for pk in pks}


class PageUrls:
    """Absolute page URLs from ``url_path`` alone, as Page.get_full_url() builds them.

    Reversing Wagtail's serve view once per site root and language, instead of once per
    page, keeps a 50,000-URL sitemap to string work.
    """

    def __init__(self, roots):
        self.roots = []
        for root in roots:  # the most specific root path first
            with translation.override(root.language_code):
                prefix = reverse("wagtail_serve", args=("",))
            self.roots.append((root.root_path, root.root_url, prefix))

    def full_url(self, url_path: str) -> str | None:
        for root_path, root_url, prefix in self.roots:
            if url_path.startswith(root_path):
                return root_url + prefix + quote(url_path[len(root_path) :], safe=URL_SAFE)
        return None

    def path(self, url_path: str) -> str | None:
        """The page's path on its site, as ``Page.get_url_parts()`` names it."""
        for root_path, _root_url, prefix in self.roots:
            if url_path.startswith(root_path):
                return prefix + quote(url_path[len(root_path) :], safe=URL_SAFE)
        return None


def section_urls(listed, roots, number: int) -> list[str]:
    """The ``<url>`` elements of sitemap file ``number`` (from 1) of ``listed``, with language
    alternates: one string each, in page id order.

    Rows, not pages, and the XML written here, not by a template (decision 0055): at
    100,000 articles, 5,000 page objects took about a tenth of a section's CPU, and the
    template's loop (a context and a dozen lookups and escapes an entry) about 30 µs of CPU
    a URL of 110, and left a worker about 10 MB larger after a section.
    """
    size = urls_per_sitemap()
    rows = list(
        listed.order_by("pk").values_list("url_path", "translation_key", "last_published_at")[
            (number - 1) * size : number * size
        ]
    )
    urls, translations = PageUrls(roots), {}
    keys = {key for _url_path, key, _published in rows}
    if keys:
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        versions = listed.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id", "url_path"
        )
        for key, locale_id, url_path in versions:
            if url := urls.full_url(url_path):
                code = languages.get(locale_id, settings.LANGUAGE_CODE)
                translations.setdefault(key, []).append((code, url))
    elements = []
    for url_path, key, published in rows:
        if loc := urls.full_url(url_path):
            lastmod = w3c_datetime(published)
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(href)}"/>'
                for code, href in alternate_links(translations.get(key, []))
            )
            dated = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
            elements.append(f"<url><loc>{escape(loc)}</loc>{dated}{links}</url>")
    return elements


def sitemap_xml(elements: list[str]) -> str:
    """A sitemap file (a ``<urlset>``) of ``elements`` from ``section_urls``."""
    return "\n".join([URLSET, *elements, "</urlset>\n"])


def alternate_links(versions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(hreflang, url)`` pairs for a page existing in several languages, plus x-default."""
    if len(versions) < 2:
        return []
    links = sorted((hreflang(code), url) for code, url in versions)
    default = [url for code, url in versions if code == settings.LANGUAGE_CODE]
    if default:
        links.append(("x-default", default[0]))
    return links
