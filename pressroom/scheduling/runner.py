"""One run of Wagtail's scheduled publishing, by one process at a time across all nodes."""

import fcntl
import hashlib
import io
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.db import connection


@contextmanager
def exclusive(name: str):
    """Yield True if this process holds the named lock, False if another process does.

    PostgreSQL: a session advisory lock, shared by every node. SQLite: a file lock beside
    the database (an SQLite database lives on one node).
    """
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        return
    settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
    with open(settings.DATA_DIR / f"{name}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def publish_scheduled() -> str | None:
    """Publish pages whose go-live time has come and unpublish expired ones.

    Returns Wagtail's report, or None when another process is doing it right now. Each
    publish or unpublish sends Wagtail's signals, so the page cache purges what changed.
    """
    with exclusive("pressroom-scheduler") as held:
        if not held:
            return None
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
        return out.getvalue()


def refresh_sqlite_statistics() -> bool:
    """Run SQLite's ANALYZE, so its query planner knows which tables are big.

    Without statistics SQLite guesses, and on a site with 100,000 articles it walks every
    page row to find, for example, the HTML sitemap page under the home page (90 ms, on
    every page that links to it) instead of reading the one-row sitemap table (0.2 ms).
    ANALYZE takes about 0.4 s at that size. PostgreSQL keeps its own statistics (autovacuum).
    A table that is empty now counts as tiny until the next run (daily by default).
    """
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # ANALYZE records nothing for an empty table, and SQLite then assumes it holds a
        # million rows: with no page view restrictions, every `.public()` check would walk
        # all pages (60-100 ms each at 100,000). Record empty tables as one row instead.
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        analyzed = {row[0] for row in cursor.fetchall()}
        for table in connection.introspection.table_names(cursor):
            if table not in analyzed and not table.startswith("sqlite_"):
                cursor.execute(
                    "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, NULL, '1')", [table]
                )
        cursor.execute("ANALYZE sqlite_master")  # the planner rereads the statistics
    return True
