"""The site search's queries on its own index (``SearchEntry``): bounded work per results page.

Results are ordered in two tiers: pages whose title holds every query word, then the other
matches; within each, the most recently added page first (highest page id). Both orders are
ones the databases' full-text indexes give without scoring every match: SQLite's FTS5 walks
its lists in rowid (page id) order and stops at the LIMIT; PostgreSQL reads the GIN index's
matches and keeps the top ids with a bounded sort, on rows kept narrow (the long ``tsvector``
lives out of line). The count is capped (``PRESSROOM_SEARCH_COUNT_LIMIT``): past it the page
says "more than N" and lists the first N. See docs/decisions/0047-site-search-index.md.

Each listed page is checked again against what its type offers (``searchable_in``), in the
visitor's locale, so a page that stopped being public without being saved (an expiry date
passed, a queryset update) is never shown even before its entry is refreshed.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Page

from .models import lang_word
from .scope import searchable_models


def count_limit() -> int:
    return settings.PRESSROOM_SEARCH_COUNT_LIMIT


class SQLiteIndex:
    """FTS5 over sitesearch_entry: rowid is the page id."""

    def __init__(self, terms: list[str], locale_id: int):
        words = " ".join(f'"{term}"' for term in terms)  # terms are letters and digits only
        lang = f"lang : {lang_word(locale_id)}"
        self.anywhere = f"{lang} AND {{title body}} : ({words})"
        self.in_title = f"{lang} AND title : ({words})"

    def count(self, limit: int) -> int:
        return scalar(
            "SELECT count(*) FROM (SELECT 1 FROM sitesearch_fts WHERE sitesearch_fts MATCH %s "
            "LIMIT %s)",
            [self.anywhere, limit],
        )

    def ids(self, in_title: bool, limit: int, common: bool = False) -> list[int]:
        return column(
            "SELECT rowid FROM sitesearch_fts WHERE sitesearch_fts MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [self.in_title if in_title else self.anywhere, limit],
        )


class PostgresIndex:
    """GIN-indexed tsvectors of sitesearch_entry, matched with the 'simple' configuration."""

    def __init__(self, terms: list[str], locale_id: int):
        self.words, self.locale_id = " ".join(terms), locale_id

    def count(self, limit: int) -> int:
        return scalar(
            "SELECT count(*) FROM (SELECT 1 FROM sitesearch_entry "
            "WHERE doc @@ plainto_tsquery('simple', %s) AND locale_id = %s LIMIT %s) AS hits",
            [self.words, self.locale_id, limit],
        )

    def ids(self, in_title: bool, limit: int, common: bool = False) -> list[int]:
        """``common``: the words match more pages than the count limit, so walking the pages
        newest first finds enough soon; otherwise the GIN index's matches are sorted."""
        column_name = "title_doc" if in_title else "doc"
        return column(
            f"SELECT page_id FROM sitesearch_entry "  # noqa: S608 (a column name of ours)
            f"WHERE {column_name} @@ plainto_tsquery('simple', %s) AND locale_id = %s "
            "ORDER BY page_id DESC LIMIT %s",
            [self.words, self.locale_id, limit],
            walk=common,
        )


def scalar(sql: str, params) -> int:
    return column(sql, params)[0]


def column(sql: str, params, walk: bool = False) -> list:
    if connection.vendor != "postgresql":
        # (No transaction: on SQLite Pressroom's begins IMMEDIATE, which would take the write
        # lock for a read.)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
    with transaction.atomic(), connection.cursor() as cursor:
        # The GIN index, always: the planner's guess for a word it has no statistics on
        # makes it walk the primary key instead, reading every row (seconds). SET LOCAL
        # lasts to the end of this transaction.
        cursor.execute("SET LOCAL enable_seqscan = off")
        if not walk:
            cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def index_for(terms: list[str], locale_id: int):
    return (PostgresIndex if connection.vendor == "postgresql" else SQLiteIndex)(terms, locale_id)


def visible_pages(ids: list[int], locale) -> list:
    """The pages of ``ids`` visitors may find in ``locale`` (specific, in the order of ids)."""
    if not ids:
        return []
    wanted = set(searchable_models())
    groups: dict = {}
    for pk, content_type in Page.objects.filter(pk__in=ids).values_list("pk", "content_type"):
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model in wanted:
            groups.setdefault(model, []).append(pk)
    found = {}
    for model, pks in groups.items():
        found.update({page.pk: page for page in model.searchable_in(locale).filter(pk__in=pks)})
    return [found[pk] for pk in ids if pk in found]


class SiteSearchResults:
    """A visitor's results, as a ``Paginator`` reads them: ``count()`` (capped at
    ``count_limit()``; ``more`` says whether there were more) and slices of specific pages."""

    def __init__(self, terms: list[str], locale):
        self.locale = locale
        self.index = index_for(terms, locale.pk)
        self.limit = count_limit()
        self._count = None
        self.more = False  # more matches than the count says (known once counted)

    def count(self) -> int:
        if self._count is None:
            found = self.index.count(self.limit + 1)
            self._count, self.more = min(found, self.limit), found > self.limit
        return self._count

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[: self.limit])

    def ordered_ids(self, start: int, stop: int) -> list[int]:
        """Page ids at positions [start, stop) of the ranking (title matches first)."""
        stop = min(stop, self.limit)
        if start >= stop:
            return []
        titled = self.index.ids(in_title=True, limit=stop)
        if len(titled) >= stop:
            return titled[start:stop]
        # Every title match is known: the rest follow, in the same order, without them.
        seen = set(titled)
        common = self.count() >= self.limit
        rest = [
            pk for pk in self.index.ids(in_title=False, limit=stop, common=common) if pk not in seen
        ]
        return (titled + rest)[start:stop]

    def __getitem__(self, key):
        if isinstance(key, int):
            found = self[key : key + 1]
            if not found:
                raise IndexError(key)
            return found[0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.limit
        return visible_pages(self.ordered_ids(start, stop), self.locale)
