"""RSS 2.0 and Atom feeds of a news center, whole or by category, with conditional GET.

The routes live on the news index page (``NewsIndexPage.serve_feed``), so each language's
news center has its own feeds: ``/news/feed/rss/``, ``/en/news/feed/atom/``,
``/news/category/<slug>/feed/rss/``. What every feed shares is in ``pressroom.core.feeds``.
"""

from pressroom.core import feeds
from pressroom.core.feeds import PageFeed


class NewsFeed(PageFeed):
    """The newest of ``articles`` (a news center's published ones, or one category's)."""

    def __init__(self, index, kind: str, articles, category=None):
        super().__init__(index, kind, articles)
        self.category = category

    def title_parts(self, obj) -> list[str]:
        parts = super().title_parts(obj)
        if self.category is not None:
            parts.append(self.category.display_name)
        return parts

    def list_path(self, obj) -> str:
        return obj.list_url(category=self.category)

    def listing(self, pages):
        return pages.for_listing()

    def item_author_name(self, item):
        return item.author or item.source_name or self.company.display_name

    def item_categories(self, item):
        return [item.category.display_name] if item.category else []

    def version(self) -> list:
        return [*super().version(), self.category and self.category.pk]


def feed_path(index, kind: str, category=None) -> str:
    """The relative address of a news center's feed, e.g. ``/en/news/feed/atom/``."""
    return index.url + feed_subpath(index, kind, category)


def feed_subpath(index, kind: str, category=None) -> str:
    """A feed's address below its news center's: ``feed/rss/``, ``category/x/feed/atom/``."""
    return index.list_subpath(category=category) + feeds.feed_subpath(kind)
