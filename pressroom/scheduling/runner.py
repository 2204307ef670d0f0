"""One run of Wagtail's scheduled publishing, by one process at a time across all nodes."""

import fcntl
import hashlib
import logging
from collections.abc import Callable
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger("pressroom.scheduler")


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


def never() -> bool:
    return False


def publish_scheduled(should_stop: Callable[[], bool] = never) -> str | None:
    """Publish pages whose go-live time has come and unpublish expired ones.

    Returns what was done ("" when nothing was due), or None when another process is doing it
    right now. Each publish or unpublish sends Wagtail's signals, so the page cache purges what
    changed.
    """
    with exclusive("pressroom-scheduler") as held:
        if not held:
            return None
        return run_schedule(should_stop)


def run_schedule(should_stop: Callable[[], bool] = never) -> str:
    """What Wagtail's `publish_scheduled` command does, asking ``should_stop`` between objects.

    Each unpublish and publish is one transaction of Wagtail's. When the node is stopping, the
    run ends after the object at hand: the others stay due and the next run takes them (a
    backlog of hundreds of pages takes minutes, longer than a shutdown may).
    """
    unpublished = published = 0
    models = [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
    for model in models:
        expired = model.objects.filter(live=True, expire_at__lt=timezone.now())
        for obj in list(expired.order_by("expire_at")):
            if should_stop():
                return summary(unpublished, published, stopped=True)
            obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            unpublished += 1
    due = Revision.objects.filter(approved_go_live_at__lt=timezone.now())
    for revision in list(due.order_by("approved_go_live_at")):
        if should_stop():
            return summary(unpublished, published, stopped=True)
        revision.publish(log_action="wagtail.publish.scheduled")
        published += 1
    return summary(unpublished, published)


def summary(unpublished: int, published: int, stopped: bool = False) -> str:
    if not (unpublished or published or stopped):
        return ""
    text = f"Unpublished {unpublished}, published {published}."
    if stopped:
        text += " Stopped: the rest stay due for the next run."
    return text


def refresh_sqlite_statistics() -> bool:
    """Run SQLite's ANALYZE, so its query planner knows which tables are big.

    Without statistics SQLite guesses, and on a site with many articles it walks every page
    row to find, for example, the HTML sitemap page under the home page (on every page that
    links to it) instead of reading the one-row sitemap table; docs/scale.md has the figures.
    PostgreSQL keeps its own statistics (autovacuum).
    A table that is empty now counts as tiny until the next run (daily by default).
    """
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        # ANALYZE records nothing for an empty table, and SQLite then assumes it holds a
        # million rows: with no page view restrictions, every `.public()` check would walk
        # all pages (docs/scale.md). Record empty tables as one row instead.
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        analyzed = {row[0] for row in cursor.fetchall()}
        for table in connection.introspection.table_names(cursor):
            if table not in analyzed and not table.startswith("sqlite_"):
                cursor.execute(
                    "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, NULL, '1')", [table]
                )
        cursor.execute("ANALYZE sqlite_master")  # the planner rereads the statistics
    return True


def run_jobs(should_stop: Callable[[], bool] = never) -> list[str]:
    """Run the other apps' periodic work (``PRESSROOM_SCHEDULER_JOBS``: dotted paths of
    functions taking ``should_stop`` and returning a report), each under a lock of its own so
    that one node runs it at a time. A job that fails is logged; the others still run."""
    reports = []
    for dotted in getattr(settings, "PRESSROOM_SCHEDULER_JOBS", []):
        if should_stop():
            break
        try:
            with exclusive(f"pressroom-job-{dotted}") as held:
                if held:
                    reports.append(import_string(dotted)(should_stop=should_stop) or "")
        except Exception:
            logger.exception("The scheduled job %s failed", dotted)
    return [r for r in reports if r]
