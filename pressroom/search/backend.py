"""Wagtail's database search backend, with title matches ranked first on SQLite too.

Wagtail's SQLite backend ranks with FTS5's bm25() over all columns alike, scaled by how short
the title is, so a short title that never mentions the word can outrank an article named
after it. Here bm25() weighs the title column TITLE_WEIGHT times the body, as PostgreSQL
weighs title (A) over body (D). Other databases get Wagtail's backend unchanged.
"""

from django.db.models import F
from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText
from wagtail.search.backends.database import SearchBackend as database_backend

TITLE_WEIGHT = 5.0


class TitleWeightedBM25(BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = super().as_sql(compiler, connection)
        # The FTS table's columns are (autocomplete, body, title).
        return f"{sql[:-1]}, 0, 1, {TITLE_WEIGHT})", params


class TitleWeightedQueryCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = TitleWeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_index_vectors(self):
        return [(F("index_entry__title"), 1.0)]  # one weighted bm25() covers every column


class TitleWeightedSQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = TitleWeightedQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = database_backend(params)
    if type(backend) is SQLiteSearchBackend:  # not the fallback for SQLite without FTS5
        return TitleWeightedSQLiteBackend(params)
    return backend
