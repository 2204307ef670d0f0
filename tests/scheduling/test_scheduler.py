"""Scheduled pages go live and expire on time, and cached lists follow."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Revision

from pressroom.news.models import NewsArticlePage
from pressroom.scheduling.runner import exclusive, publish_scheduled, run_schedule
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def text(url):
    return Client().get(url).content.decode()


def test_go_live_and_expiry_reach_cached_pages(company, news_index):
    soon = timezone.now() + timedelta(seconds=2)
    make_article(news_index, title="即将下线", slug="leaving", expire_at=soon)
    coming = make_article(news_index, title="即将上线", slug="coming", live=False)
    coming.go_live_at = soon
    coming.save_revision().publish()  # scheduled, not live yet
    coming.refresh_from_db()
    assert not coming.live
    for _ in range(2):  # cached
        assert "即将下线" in text("/news/") and "即将上线" not in text("/news/")
    Client().get("/news/leaving/")
    assert Client().get("/news/leaving/").headers["X-Page-Cache"] == "hit"
    time.sleep(max(0, (soon - timezone.now()).total_seconds()) + 0.2)

    assert publish_scheduled() is not None
    listing = text("/news/")
    assert "即将上线" in listing and "即将下线" not in listing
    assert Client().get("/news/coming/").status_code == 200
    assert Client().get("/news/leaving/").status_code == 404


def test_a_stopping_scheduler_ends_its_run_between_pages(company, news_index):
    past = timezone.now() - timedelta(minutes=1)
    for n in range(3):
        article = make_article(news_index, slug=f"expiring-{n}")
        type(article).objects.filter(pk=article.pk).update(expire_at=past)
    coming = make_article(news_index, slug="coming", live=False)
    coming.go_live_at = timezone.now() + timedelta(hours=1)
    coming.save_revision(approved_go_live_at=coming.go_live_at).publish()
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):  # an hour on
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    asked = []

    def stop_after_two():
        asked.append(1)
        return len(asked) > 2

    assert "Stopped" in run_schedule(should_stop=stop_after_two)
    live = NewsArticlePage.objects.filter(slug__startswith="expiring-", live=True).count()
    assert live == 1  # two unpublished, each wholly; one left for the next run
    coming.refresh_from_db()
    assert not coming.live
    assert run_schedule() == "Unpublished 1, published 1."
    coming.refresh_from_db()
    assert coming.live


def test_only_one_process_publishes_at_a_time(home):
    with exclusive("pressroom-scheduler") as held:
        assert held
        assert publish_scheduled() is None  # another process holds the lock
    assert publish_scheduled() is not None


def test_the_command_unpublishes_expired_pages(company, news_index):
    article = make_article(news_index, slug="old")
    type(article).objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("scheduler", "--once")
    article.refresh_from_db()
    assert not article.live and article.expired


def test_pressroom_serve_starts_the_scheduler():
    from pressroom.core.management.commands.serve import background_commands

    assert any(command[-2:] == ["pressroom", "scheduler"] for command in background_commands())


def test_the_scheduler_refreshes_sqlite_statistics(company, news_index):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL keeps its own statistics")
    make_article(news_index)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    call_command("scheduler", "--once")
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl FROM sqlite_stat1")
        analyzed = {row[0] for row in cursor.fetchall()}
    assert {"wagtailcore_page", "news_newsarticlepage"} <= analyzed
    # Empty tables are recorded as tiny, not left to SQLite's guess of a million rows.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = %s", ["wagtailcore_pageviewrestriction"]
        )
        assert [row[0] for row in cursor.fetchall()] == ["1"]
