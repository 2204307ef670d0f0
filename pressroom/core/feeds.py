"""What every feed of the site shares: RSS 2.0 (with Atom's "updated") or Atom, the company
as the feed's author, the newest pages of a list with their picture as an enclosure, and
conditional GET (ETag and Last-Modified, 304 when the reader's copy is current).

A page type's feed subclasses ``PageFeed`` and overrides what it adds (an article's author
and category); the routes live on the page whose list the feed follows, e.g.
``NewsIndexPage.serve_feed`` and ``ProductIndexPage.serve_feed``.
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
FEED_MIME_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


class Rss2WithUpdated(Rss201rev2Feed):
    """RSS 2.0 has no "updated" element; Atom's, in the atom namespace RSS already declares."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("updateddate") is not None:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))


FEED_TYPES = {"rss": Rss2WithUpdated, "atom": Atom1Feed}


def feed_subpath(kind: str) -> str:
    """A feed's address below the list it follows: ``feed/rss/``, ``feed/atom/``."""
    return f"feed/{kind}/"


class PageFeed(Feed):
    """The newest of ``pages`` (a queryset of published pages, newest first) shown on the
    list at ``index``, as the feed ``kind`` ("rss" or "atom")."""

    def __init__(self, index, kind: str, pages):
        super().__init__()
        self.index, self.pages, self.kind = index, pages, kind
        self.feed_type = FEED_TYPES[kind]
        self.language = hreflang(index.locale.language_code)

    def get_object(self, request, *args, **kwargs):
        self.request = request
        site = Site.find_for_request(request)
        self.company = CompanyInfo.for_site(site) if site else CompanyInfo()
        return self.index

    def title_parts(self, obj) -> list[str]:
        return [self.company.display_name, obj.title]

    def title(self, obj):
        return " - ".join(self.title_parts(obj))

    def list_path(self, obj) -> str:
        """The relative address of the list the feed follows."""
        return obj.url

    def link(self, obj):
        return absolute_url(self.request, self.list_path(obj))

    def feed_url(self, obj):
        return absolute_url(self.request, self.list_path(obj) + feed_subpath(self.kind))

    def description(self, obj):
        return self.title(obj)

    def subtitle(self, obj):
        return self.title(obj)

    def author_name(self, obj):
        return self.company.display_name

    def listing(self, pages):
        """``pages`` with what the entries show loaded alongside (their pictures)."""
        return pages

    def items(self, obj):
        return self.listing(self.pages)[: settings.PRESSROOM_FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description or item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return self.company.display_name

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_enclosures(self, item):
        """The page's list picture (``listing_image``, as lists and search results show it)."""
        enclosure = picture_enclosure(self.request, getattr(item, "listing_image", None))
        return [enclosure] if enclosure else []

    def version(self) -> list:
        """What tells one version of this feed from another besides its entries' dates."""
        return [self.kind]

    def __call__(self, request, *args, **kwargs):
        """The feed, or 304 Not Modified when the reader's copy is current."""
        newest = self.pages.values_list("pk", "last_published_at")
        stamps = list(newest[: settings.PRESSROOM_FEED_ITEMS])
        last_modified = max((stamp for _pk, stamp in stamps if stamp), default=None)
        version = repr([stamps, *self.version()]).encode()
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


def picture_enclosure(request, image):
    """``image`` at 1200x630, as an enclosure with its size and type (None without one)."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(FEED_RENDITION)
        length = rendition.file.size
    except (OSError, ValueError):
        return None  # the picture's file is missing: the entry goes out without it
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
    return Enclosure(absolute_url(request, rendition.url), str(length), mime_type)
