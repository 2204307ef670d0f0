"""What sitemap.xml lists: every live, public page of every site, in every language.

Wagtail's own sitemap covers only the default site's tree in one language and knows nothing
of translations; this one lists each language's pages with hreflang alternates, in sections
of at most 50,000 URLs, with a fixed number of queries per section and no page body loaded.
"""

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Locale, Page, Site, get_page_models

from pressroom.news.models import NewsArticlePage
from pressroom.seo.utils import hreflang

# The protocol's limit of URLs in one sitemap file.
MAX_URLS_PER_SITEMAP = 50_000
ENTRY_FIELDS = ("id", "url_path", "translation_key", "locale_id", "last_published_at")


@dataclass
class SitemapEntry:
    loc: str
    lastmod: str | None
    alternates: list[tuple[str, str]] = field(default_factory=list)


def w3c_datetime(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def urls_per_sitemap() -> int:
    return min(
        getattr(settings, "PRESSROOM_SITEMAP_URLS", MAX_URLS_PER_SITEMAP), MAX_URLS_PER_SITEMAP
    )


def listed_pages():
    """Pages a crawler may fetch: live, public, under a site's home, articles only if published."""
    root_paths = {srp.root_path for srp in Site.get_site_root_paths()}
    if not root_paths:
        return Page.objects.none()
    under_a_site = Q()
    for root_path in root_paths:
        under_a_site |= Q(url_path__startswith=root_path)
    hidden = [model for model in get_page_models() if not getattr(model, "show_in_sitemap", True)]
    hidden_types = ContentType.objects.get_for_models(*hidden).values() if hidden else []
    article_type = ContentType.objects.get_for_model(NewsArticlePage)
    published = NewsArticlePage.objects.published().order_by().values("pk")
    return (
        Page.objects.live()
        .public()
        .filter(under_a_site)
        .exclude(content_type__in=list(hidden_types))
        .filter(~Q(content_type=article_type) | Q(pk__in=published))
    )


def section_count(listed) -> int:
    """How many sitemap files the index lists (always at least one)."""
    return max(1, math.ceil(listed.count() / urls_per_sitemap()))


def section_entries(request, listed, number: int) -> list[SitemapEntry]:
    """Entries of sitemap file ``number`` (from 1) of ``listed``, with language alternates."""
    size = urls_per_sitemap()
    pages = list(listed.order_by("pk").only(*ENTRY_FIELDS)[(number - 1) * size : number * size])
    translations: dict = {}
    keys = {page.translation_key for page in pages}
    if keys:
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        default = settings.LANGUAGE_CODE
        for version in listed.filter(translation_key__in=keys).only(*ENTRY_FIELDS):
            url = version.get_full_url(request)
            if url:
                code = languages.get(version.locale_id, default)
                translations.setdefault(version.translation_key, []).append((code, url))
    entries = []
    for page in pages:
        loc = page.get_full_url(request)
        if not loc:
            continue
        entries.append(
            SitemapEntry(
                loc=loc,
                lastmod=w3c_datetime(page.last_published_at),
                alternates=alternate_links(translations.get(page.translation_key, [])),
            )
        )
    return entries


def alternate_links(versions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(hreflang, url)`` pairs for a page existing in several languages, plus x-default."""
    if len(versions) < 2:
        return []
    links = sorted((hreflang(code), url) for code, url in versions)
    default = [url for code, url in versions if code == settings.LANGUAGE_CODE]
    if default:
        links.append(("x-default", default[0]))
    return links
