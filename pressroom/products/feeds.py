"""RSS 2.0 and Atom feeds of a product center's new products, with conditional GET.

The routes live on the product center (``ProductIndexPage.serve_feed``), so each language's
product center has its own feeds: ``/products/feed/rss/``, ``/en/products/feed/atom/``.
What every feed shares is in ``pressroom.core.feeds``.
"""

from pressroom.core.feeds import PageFeed


class ProductFeed(PageFeed):
    """The newest of ``products`` (a product center's live, public ones, newest first), each
    with its summary and its main picture."""

    def listing(self, pages):
        return pages.select_related("main_image").prefetch_related("main_image__renditions")
