"""PostgreSQL ranking for pressroom.search.backend: one ranked query over the index entries.

Wagtail's query joins pages to index entries on ``page.id::varchar = object_id`` and, as the
planner expects one matching row, does it with a nested loop: thousands of matches times
thousands of pages. Here the index entries are matched and ranked alone, intersected with the
allowed pages' ids in Python, and only the page of results is fetched by id.
"""

from django.db.models import F
from django.db.models.expressions import CombinedExpression
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from pressroom.search.ranked import CjkQueries, CountsPerValue, PlainRankedResults


class RankedQueryCompiler(CountsPerValue, PostgresSearchQueryCompiler):
    def is_plain_ranked(self, score_field=None) -> bool:
        """The common case handled here: words over all fields, ranked, no score asked for."""
        return (
            isinstance(self.query, PlainText)
            and self.fields is None
            and self.order_by_relevance
            and score_field is None
        )

    def ranked_ids(self, config) -> list[str]:
        """Ids of every matching allowed object, best first (computed once per search)."""
        if getattr(self, "_ranked_ids", None) is None:
            search_query = self.build_tsquery(self.query, config=config)
            vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
            matches = (
                IndexEntry.objects.filter(
                    content_type__in=get_descendants_content_types_pks(self.queryset.model)
                )
                # The expression of Wagtail's index on (title || body).
                .annotate(_vector_=CombinedExpression(F("title"), "||", F("body")))
                .filter(_vector_=search_query)
                .annotate(_rank=self.rank(vectors, config))
                .order_by("-_rank", "-object_id")
                .values_list("object_id", flat=True)
            )
            # Intersected here, not in SQL: joined on a text cast, PostgreSQL picks a nested
            # loop over every allowed page for every match.
            allowed = {str(pk) for pk in self.queryset.order_by().values_list("pk", flat=True)}
            self._ranked_ids = [object_id for object_id in matches if object_id in allowed]
        return self._ranked_ids

    def rank(self, vectors, config):
        """Each vector's ``ts_rank`` times its weight, summed: Wagtail's ranking, made from
        the compiler's public ``build_tsrank``."""
        ranks = [self.build_tsrank(vector, self.query, config=config) * w for vector, w in vectors]
        return sum(ranks[1:], start=ranks[0])

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self.is_plain_ranked(score_field):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        ids = self.ranked_ids(config)[start:stop]
        objects = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=ids)}
        return [objects[object_id] for object_id in ids if object_id in objects]

    def count(self, config) -> int:
        return len(self.ranked_ids(config))

    def matching_pages(self, config):
        """The queryset's objects that match the query, in the queryset's own order."""
        return self.queryset.filter(pk__in=self.ranked_ids(config))


class RankedSearchResults(PlainRankedResults, PostgresSearchResults):
    pass


class RankedPostgresBackend(CjkQueries, PostgresSearchBackend):
    query_compiler_class = RankedQueryCompiler
    results_class = RankedSearchResults
