"""Wagtail's database search backend, ranked by title first and fast on SQLite too.

Two changes to Wagtail's SQLite backend, which PostgreSQL does not need:

- Ranking: Wagtail's bm25() weighs every column alike, scaled by how short the title is, so a
  short title that never mentions the word could outrank an article named after it. Here the
  title column weighs TITLE_WEIGHT times the body, as PostgreSQL weighs title (A) over body.
- Speed: Wagtail orders results by a score subquery that runs the full-text match again for
  every matching row, so a common word on a large site takes seconds. Here one ranked
  full-text query, limited to the allowed pages, gives the page of ids; the pages are then
  fetched by id.

PostgreSQL gets the same single ranked query (postgres_backend.py): Wagtail's joins pages to
index entries with a nested loop that takes seconds on 10,000 articles. Other databases get
Wagtail's backend unchanged.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = database_backend(params)
    if connection.vendor == "postgresql":
        from .postgres_backend import PostgresSearchBackend, RankedPostgresBackend

        if type(backend) is PostgresSearchBackend:
            return RankedPostgresBackend(params)
    if connection.vendor != "sqlite":
        return backend
    from .sqlite_backend import RankedSQLiteBackend, SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:  # not the fallback for SQLite without FTS5
        return RankedSQLiteBackend(params)
    return backend
