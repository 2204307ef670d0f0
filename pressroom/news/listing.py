"""How long a news list is and where its numbered pages start, kept until the content changes.

Django's paginator counts a list on every page (``COUNT(*)`` reads every listed article: 130
to 200 ms on SQLite at 100,000 articles) and reads page N with an ``OFFSET`` that walks the
(N - 1) x 10 articles before it (150 ms for the last page). Both answers are the same for
every page of a list until its content changes, so they are worked out once per change (one
counting query; and, for each block of STRIDE articles past the first, the first time one
of its pages is asked for, one query finding where it starts) and kept under the content
version
(``core.sitecache.remember_until_content_changes``: every purge of the page cache replaces
it). A deep list page then reads its ten articles from the start of its block of STRIDE
articles, one range on the ``(first_published_at, path)`` index (news migration 0004),
skipping fewer than STRIDE. Decision 0051 says why.

An article whose expiry passes leaves its lists without any purge until the scheduler
unpublishes it: a kept shape says when its earliest listed expiry is, and is not used after.
"""

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

# The order of every list of articles (``ArticleQuerySet.published()``).
NEWEST_FIRST = ("-first_published_at", "-path")

# Articles per block: a page reads at most this many index entries before its own.
STRIDE = 100


class ListShape(NamedTuple):
    """What every page of one list needs to know about the whole list."""

    count: int
    # The earliest expiry among the listed articles: the shape is stale from then on.
    until: datetime | None
    # Whether every article has a publication date (else the order of the undated ones
    # depends on the database, and deep pages are read with an OFFSET).
    dated: bool = True
    # The newest article's publication date.
    newest: datetime | None = None

    def is_current(self, now=None) -> bool:
        return self.until is None or (now or timezone.now()) < self.until


def shape_of(articles) -> ListShape:
    """Count ``articles`` (a queryset of published articles)."""
    totals = articles.order_by().aggregate(
        count=Count("pk"),
        until=Min("expire_at"),
        undated=Count("pk", filter=Q(first_published_at__isnull=True)),
        newest=Max("first_published_at"),
    )
    return ListShape(totals["count"], totals["until"], not totals["undated"], totals["newest"])


def start_of(articles, block: int, newest: datetime) -> tuple[datetime, str] | None:
    """(first_published_at, path) of the first article of block ``block`` (the
    ``block`` x STRIDE + 1st article, newest first), None past the end. ``newest``: the
    newest article's date (the range that makes SQLite walk the date index, as below)."""
    found = articles.filter(first_published_at__lte=newest).order_by(*NEWEST_FIRST)
    found = found.values_list("first_published_at", "path")
    first = block * STRIDE
    return next(iter(found[first : first + 1]), None)


class PagedArticles:
    """One list's articles as Django's ``Paginator`` takes them: "a sliceable object with a
    count() method". Its count is the kept shape's; a slice in the first block is read with
    a short OFFSET, a later one from the start of its block (``start_of(block)``, kept: the
    first page of a block asked for after a change finds it with one OFFSET query, as every
    deep page did before) instead of with an OFFSET over every article before it."""

    ordered = True  # (the paginator warns about unordered lists otherwise)

    def __init__(self, articles, shape: ListShape, start_of: Callable[[int], tuple | None]):
        self.articles = articles
        self.shape = shape
        self.start_of = start_of

    def count(self) -> int:
        return self.shape.count

    def __len__(self) -> int:
        return self.shape.count

    def __getitem__(self, item: slice):
        if not isinstance(item, slice) or item.step is not None:
            raise TypeError("Only slices of a news list are read.")
        start, stop = item.start or 0, self.shape.count if item.stop is None else item.stop
        if not self.shape.dated or self.shape.newest is None:
            return self.articles[start:stop]
        if start < STRIDE:
            # A range that holds every article: without it SQLite reads a category's or a
            # tag's articles through that index and sorts them all (a second at 100,000);
            # with it, it walks the date index in list order and stops after ten.
            return self.articles.filter(first_published_at__lte=self.shape.newest)[start:stop]
        block, skip = divmod(start, STRIDE)
        first = self.start_of(block) if stop > start else None
        if first is None:
            return self.articles.none()
        when, path = first
        # Newest first: every article at or after the block's first one. One range on the
        # date index, the ties on that date excluded by path (an OR of two ranges would
        # make SQLite collect and sort every older article).
        rest = self.articles.filter(first_published_at__lte=when).exclude(
            first_published_at=when, path__gt=path
        )
        return rest[skip : skip + stop - start]
