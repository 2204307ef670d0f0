"""SQLite ranking for pressroom.search.backend; imported on SQLite only, where its models exist."""

from django.db.models import TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from pressroom.search.ranked import CjkQueries, PlainRankedCount

TITLE_WEIGHT = 5.0


class TitleWeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection)
        # The FTS table's columns are (autocomplete, body, title).
        return f"{sql[:-1]}, 0, 1, {TITLE_WEIGHT})", params


class RankedQueryCompiler(SQLiteSearchQueryCompiler):
    def is_plain_ranked(self, score_field=None) -> bool:
        """The common case handled here: words, ranked by relevance, no score asked for."""
        return (
            isinstance(normalize(self.query), PlainText)
            and self.order_by_relevance
            and score_field is None
        )

    def matching_entries(self, config):
        """Full-text index rows that match the query, for objects of the queryset."""
        search_query = self.build_search_query(normalize(self.query), config=config)
        allowed = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField()))
        return SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query),
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
            index_entry__object_id__in=allowed.values("_object_id"),
        )

    def search(self, config, start, stop, score_field=None):
        if not self.is_plain_ranked(score_field):
            return super().search(config, start, stop, score_field=score_field)
        ids = list(
            self.matching_entries(config)
            .annotate(score=TitleWeightedBM25())
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)[start:stop]
        )
        objects = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=ids)}
        return [objects[object_id] for object_id in ids if object_id in objects]

    def count(self, config) -> int:
        return self.matching_entries(config).count()


class RankedSearchResults(PlainRankedCount, SQLiteSearchResults):
    pass


class RankedSQLiteBackend(CjkQueries, SQLiteSearchBackend):
    query_compiler_class = RankedQueryCompiler
    results_class = RankedSearchResults
