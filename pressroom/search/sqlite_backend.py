"""SQLite ranking for pressroom.search.backend; imported on SQLite only, where its models exist."""

from django.db.models import (
    Exists,
    Expression,
    FloatField,
    IntegerField,
    Lookup,
    OuterRef,
    TextField,
)
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from pressroom.search.ranked import CjkQueries, CountsPerValue, PlainRankedResults, count_by

TITLE_WEIGHT = 5.0
FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# bm25() weights of the FTS table's columns, which are (autocomplete, body, title).
SEARCH_WEIGHTS = f"0, 1, {TITLE_WEIGHT}"
AUTOCOMPLETE_WEIGHTS = "1, 0, 0"  # the autocomplete column alone, the one such a query matches
# A page of results is fetched by id in lists this long. SQLite reckons a list of ids in a
# subquery (the admin's permission filter, ``id IN (SELECT id FROM wagtailcore_page)``) at
# about 25 rows, so given a longer list of ids it walked every page from that subquery instead
# (the explorer's search, 50 results: 63 ms at 100,000 articles a language, 0.1 ms in lists
# of 20).
FETCHED_AT_ONCE = 20


class RankedBy(Lookup):
    """``<fts table>.rank MATCH 'bm25(<weights>)'``: FTS5's own ranking with these column
    weights, for this query (https://sqlite.org/fts5.html, "Sorting by Auxiliary Function
    Results"). Ordered by the ``rank`` column alone, FTS5 sorts the matching rows itself and
    SQLite joins them to their pages only until it has a page of results; ordered by a
    ``bm25()`` call it joined every match first (33,000 rows for 泵 at 100,000 articles a
    language: 155 ms against 63 in SQLite alone). A Lookup, as modelsearch's MatchExpression,
    so that it stands in the WHERE clause as it is (an expression would get ``= true``)."""

    lookup_name = "ranked_by"
    filterable = True

    def __init__(self, weights: str) -> None:
        self.weights = weights
        super().__init__(None, None)

    def as_sql(self, compiler, connection):
        return f"{FTS_TABLE}.rank MATCH %s", [f"bm25({self.weights})"]


class Rank(Expression):
    """The FTS table's ``rank`` column, as ``RankedBy`` set it: lower is better."""

    output_field = FloatField()

    def as_sql(self, compiler, connection):
        return f"{FTS_TABLE}.rank", []


class RankedQueryCompiler(CountsPerValue, SQLiteSearchQueryCompiler):
    def is_plain_ranked(self, score_field=None) -> bool:
        """The common case handled here: words, ranked by relevance, no score asked for."""
        return (
            isinstance(normalize(self.query), PlainText)
            and self.order_by_relevance
            and score_field is None
        )

    def matching_entries(self, config):
        """Full-text index rows that match the query, for objects of the queryset.

        Each matching row looks its object up in the queryset by primary key (a correlated
        EXISTS). Asking whether its id is in the queryset's ids instead made SQLite list every
        allowed object first: for the admin's search of all pages, 200,000 ids as text,
        about 100 ms of each of a search's four queries at 100,000 articles a language.
        """
        search_query = self.build_search_query(normalize(self.query), config=config)
        entries = SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )
        if isinstance(self.queryset.model._meta.pk, IntegerField):
            object_id = Cast(OuterRef("index_entry__object_id"), IntegerField())
            return entries.filter(Exists(self.queryset.order_by().filter(pk=object_id)))
        allowed = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField()))
        return entries.filter(index_entry__object_id__in=allowed.values("_object_id"))

    weights = SEARCH_WEIGHTS

    def matching_pages(self, config):
        """The queryset's objects that match the query, in the queryset's own order."""
        ids = self.matching_entries(config).values("index_entry__object_id")
        return self.queryset.filter(pk__in=ids)

    def counts_per_value(self, config, field_name) -> dict:
        """Pages per page type are counted from their index entries, which carry it: a page is
        indexed under its own type, its ``content_type``. Counting the pages instead looked
        each match's page up (175 ms against 84 for 泵 at 100,000 articles a language)."""
        pages = issubclass(self.queryset.model, Page)
        if not (pages and field_name in ("content_type", "content_type_id")):
            return super().counts_per_value(config, field_name)
        return count_by(self.matching_entries(config), "index_entry__content_type_id")

    def search(self, config, start, stop, score_field=None):
        if not self.is_plain_ranked(score_field):
            return super().search(config, start, stop, score_field=score_field)
        ids = list(
            self.matching_entries(config)
            .filter(RankedBy(self.weights))
            .order_by(Rank())
            .values_list("index_entry__object_id", flat=True)[start:stop]
        )
        objects = {
            str(obj.pk): obj
            for first in range(0, len(ids), FETCHED_AT_ONCE)
            for obj in self.queryset.filter(pk__in=ids[first : first + FETCHED_AT_ONCE])
        }
        return [objects[object_id] for object_id in ids if object_id in objects]

    def count(self, config) -> int:
        return self.matching_entries(config).count()


class RankedAutocompleteQueryCompiler(RankedQueryCompiler, SQLiteAutocompleteQueryCompiler):
    """Autocomplete (the admin's page search, the page chooser) ranked the same single way.

    Wagtail's orders every page matching the words by a score subquery that runs the
    full-text match again for each of them: a common word at 100,000 articles a language
    took more than ten minutes, and the page count and the per-type counts ran it again."""

    weights = AUTOCOMPLETE_WEIGHTS


class RankedSearchResults(PlainRankedResults, SQLiteSearchResults):
    pass


class RankedSQLiteBackend(CjkQueries, SQLiteSearchBackend):
    query_compiler_class = RankedQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
    results_class = RankedSearchResults
