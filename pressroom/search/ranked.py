"""What the SQLite and PostgreSQL ranked backends share."""

from contextlib import suppress

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count
from modelsearch.query import PlainText
from wagtail.models import Page

from pressroom.search.text import backend_query


class CjkQueries:
    """Backend mixin: a query string's CJK runs become the bigrams the index holds, and every
    word must match, for ``search()`` and ``autocomplete()`` alike. Without it the admin's
    searches (pages, the page chooser) found a Chinese word only when it was a whole run of
    the title: "泵站" never found "智能泵站远程运维平台"."""

    def search(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
        if holds_pairs(model_or_queryset):
            query, operator = cjk_query(query, operator)
        else:
            query = without_quotes(query)
        return super().search(query, model_or_queryset, fields, operator, **kwargs)

    def autocomplete(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
        if holds_pairs(model_or_queryset):
            query, operator = cjk_query(query, operator)
        else:
            query = without_quotes(query)
        return super().autocomplete(query, model_or_queryset, fields, operator, **kwargs)


def holds_pairs(model_or_queryset) -> bool:
    """Whether the index holds pairs for what is searched: pages (every page type's fields
    are wrapped with ``with_word_splitting``). Wagtail's images and documents are indexed as
    Wagtail indexes them, so their queries are left as typed."""
    model = getattr(model_or_queryset, "model", model_or_queryset)
    return isinstance(model, type) and issubclass(model, Page)


def cjk_query(query, operator):
    """The query (a string, or the PlainText the admin makes with ``parse_query_string``)
    with its CJK runs as bigrams; other query objects (phrases, fuzzy) unchanged."""
    if isinstance(query, str):
        return backend_query(query), operator or "and"
    if type(query) is PlainText:
        words = backend_query(query.query_string)
        # Nothing but punctuation ("!!!", "*", '"'): the empty string, which Wagtail answers
        # with no results (an empty PlainText would reach the database as no expression).
        return (PlainText(words, "and", query.boost) if words else ""), operator
    return query, operator


def without_quotes(query):
    """A plain query (a string or the admin's PlainText) with its double quotes taken out:
    SQLite's backend passes each word to FTS5 inside quotes, so a quote typed into the
    images' or documents' search (``"``, ``"泵站``) was a syntax error, and the page a 503.
    Other query objects (phrases, fuzzy) are left alone."""
    if isinstance(query, str):
        return query.replace('"', " ").strip()
    if type(query) is PlainText and '"' in query.query_string:
        words = query.query_string.replace('"', " ").strip()
        return PlainText(words, query.operator, query.boost) if words else ""
    return query


class PlainRankedResults:
    """Search results mixin: a plain ranked query is counted, and counted per value of a
    field (the admin's counts per page type), by the backend's own ranked compiler from its
    ``count()`` and ``counts_per_value()``; anything else as Wagtail does it. Wagtail's
    ``facet`` goes through ``search()``, which the ranked compilers answer with a list of one
    page of results, not a queryset to count.

    Counts per value add up to the count, each matching object being counted once under its
    value: once these results have been counted per value, their count is that sum. The
    admin's page search asks for both of the same results (the per-type counts, then "All
    (N)" and "There are N matching pages"), which was a second walk over every match: 85 ms
    for 泵 at 100,000 articles a language."""

    counted_matches: int | None = None  # the sum of a facet of these results, once asked

    def plain_ranked(self, score_field=None) -> bool:
        compiler = self.query_compiler
        return isinstance(compiler, self.backend.query_compiler_class) and compiler.is_plain_ranked(
            score_field
        )

    def _do_count(self):
        if not self.plain_ranked(self._score_field):
            return super()._do_count()
        total = self.counted_matches
        if total is None:
            compiler = self.query_compiler
            total = compiler.count(compiler.get_config(self.backend))
        # As a sliced queryset counts: what lies between start and stop.
        end = total if self.stop is None else min(total, self.stop)
        return max(0, end - self.start)

    def facet(self, field_name):
        compiler = self.query_compiler
        if not (self.plain_ranked() and field_name in filterable_names(compiler.queryset.model)):
            return super().facet(field_name)  # or its error for a field it cannot facet on
        facet = compiler.counts_per_value(compiler.get_config(self.backend), field_name)
        self.counted_matches = sum(facet.values())
        return facet


class CountsPerValue:
    """Query compiler mixin: the matching objects counted per value of a field, from the
    compiler's ``matching_pages()``."""

    def counts_per_value(self, config, field_name) -> dict:
        return count_by(self.matching_pages(config), field_name)


def count_by(queryset, name: str) -> dict:
    """``{value: rows}`` of ``queryset`` grouped by ``name``, most rows first."""
    counts = queryset.order_by().values(name).annotate(count=Count("pk")).order_by("-count")
    return {row[name]: row["count"] for row in counts}


def filterable_names(model) -> set[str]:
    """The names a facet may use: each FilterField's name, and its column's (content_type_id)."""
    names = set()
    for field in model.get_filterable_search_fields():
        names.add(field.field_name)
        with suppress(FieldDoesNotExist):
            names.add(model._meta.get_field(field.field_name).attname)
    return names
