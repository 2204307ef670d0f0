"""RSS 2.0 and Atom feeds of a news center, whole or by category, with conditional GET.

The routes live on the news index page (``NewsIndexPage.serve_feed``), so each language's
news center has its own feeds: ``/news/feed/rss/``, ``/en/news/feed/atom/``,
``/news/category/<slug>/feed/rss/``.
"""

import hashlib
import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.http import http_date, quote_etag
from wagtail.models import Site

from pressroom.core.links import absolute_url, hreflang
from pressroom.core.models import CompanyInfo

FEED_RENDITION = "fill-1200x630"
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class Rss2WithUpdated(Rss201rev2Feed):
    """RSS 2.0 has no "updated" element; Atom's, in the atom namespace RSS already declares."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("updateddate") is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))


FEED_TYPES["rss"] = Rss2WithUpdated


class NewsFeed(Feed):
    """The newest of ``articles`` (a news center's published ones, or one category's)."""

    def __init__(self, index, kind: str, articles, category=None):
        super().__init__()
        self.index, self.category, self.articles = index, category, articles
        self.feed_type = FEED_TYPES[kind]
        self.kind = kind
        self.language = hreflang(index.locale.language_code)

    def get_object(self, request, *args, **kwargs):
        self.request = request
        site = Site.find_for_request(request)
        self.company = CompanyInfo.for_site(site) if site else CompanyInfo()
        return self.index

    def title(self, obj):
        parts = [self.company.display_name, obj.title]
        if self.category is not None:
            parts.append(self.category.display_name)
        return " - ".join(parts)

    def link(self, obj):
        return absolute_url(self.request, obj.list_url(category=self.category))

    def feed_url(self, obj):
        return absolute_url(self.request, feed_path(obj, self.kind, self.category))

    def description(self, obj):
        return self.title(obj)

    def subtitle(self, obj):
        return self.title(obj)

    def author_name(self, obj):
        return self.company.display_name

    def items(self, obj):
        return self.articles.for_listing()[: settings.PRESSROOM_FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description or item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return item.author or item.source_name or self.company.display_name

    def item_categories(self, item):
        return [item.category.display_name] if item.category else []

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_enclosures(self, item):
        return [enclosure] if (enclosure := cover_enclosure(self.request, item)) else []

    def __call__(self, request, *args, **kwargs):
        """The feed, or 304 Not Modified when the reader's copy is current."""
        newest = self.articles.values_list("pk", "last_published_at")
        stamps = list(newest[: settings.PRESSROOM_FEED_ITEMS])
        last_modified = max((stamp for _pk, stamp in stamps if stamp), default=None)
        version = repr([stamps, self.kind, self.category and self.category.pk]).encode()
        etag = quote_etag(hashlib.sha256(version).hexdigest()[:32])
        timestamp = last_modified.timestamp() if last_modified else None
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(timestamp) if timestamp else None
        )
        if not_modified is not None:
            return not_modified
        response = super().__call__(request, *args, **kwargs)
        response.headers["ETag"] = etag
        if timestamp:
            response.headers["Last-Modified"] = http_date(timestamp)
        return response


def cover_enclosure(request, item):
    """The article's cover picture at 1200x630, as an enclosure with its size and type."""
    if item.cover_image is None:
        return None
    try:
        rendition = item.cover_image.get_rendition(FEED_RENDITION)
        length = rendition.file.size
    except (OSError, ValueError):
        return None  # the picture's file is missing: the entry goes out without it
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return Enclosure(absolute_url(request, rendition.url), str(length), mime_type)


def feed_path(index, kind: str, category=None) -> str:
    """The relative address of a news center's feed, e.g. ``/en/news/feed/atom/``."""
    return index.url + feed_subpath(index, kind, category)


def feed_subpath(index, kind: str, category=None) -> str:
    """A feed's address below its news center's: ``feed/rss/``, ``category/x/feed/atom/``."""
    return index.list_subpath(category=category) + f"feed/{kind}/"
