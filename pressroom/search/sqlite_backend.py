"""SQLite ranking for pressroom.search.backend; imported on SQLite only, where its models exist."""

from django.db.models import Exists, IntegerField, OuterRef, TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from pressroom.search.ranked import CjkQueries, PlainRankedResults

TITLE_WEIGHT = 5.0


class TitleWeightedBM25(BM25):
    # The FTS table's columns are (autocomplete, body, title).
    weights = f"0, 1, {TITLE_WEIGHT}"

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection)
        return f"{sql[:-1]}, {self.weights})", params


class AutocompleteBM25(TitleWeightedBM25):
    """Ranks by the autocomplete column alone, the one an autocomplete query matches."""

    weights = "1, 0, 0"


class RankedQueryCompiler(SQLiteSearchQueryCompiler):
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

    rank_class = TitleWeightedBM25

    def matching_pages(self, config):
        """The queryset's objects that match the query, in the queryset's own order."""
        ids = self.matching_entries(config).values("index_entry__object_id")
        return self.queryset.filter(pk__in=ids)

    def search(self, config, start, stop, score_field=None):
        if not self.is_plain_ranked(score_field):
            return super().search(config, start, stop, score_field=score_field)
        ids = list(
            self.matching_entries(config)
            .annotate(score=self.rank_class())
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)[start:stop]
        )
        objects = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=ids)}
        return [objects[object_id] for object_id in ids if object_id in objects]

    def count(self, config) -> int:
        return self.matching_entries(config).count()


class RankedAutocompleteQueryCompiler(RankedQueryCompiler, SQLiteAutocompleteQueryCompiler):
    """Autocomplete (the admin's page search, the page chooser) ranked the same single way.

    Wagtail's orders every page matching the words by a score subquery that runs the
    full-text match again for each of them: a common word at 100,000 articles a language
    took more than ten minutes, and the page count and the per-type counts ran it again."""

    rank_class = AutocompleteBM25


class RankedSearchResults(PlainRankedResults, SQLiteSearchResults):
    pass


class RankedSQLiteBackend(CjkQueries, SQLiteSearchBackend):
    query_compiler_class = RankedQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteQueryCompiler
    results_class = RankedSearchResults
