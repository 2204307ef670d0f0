"""Queries compiled once (pressroom.core.prepared): the same rows as Django's own evaluation,
fresh values on every run, and Django's way whenever the SQL cannot be reused."""

import threading
from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page

from pressroom.core.models import route_query
from pressroom.core.prepared import PreparedQuery
from pressroom.news.models import NEIGHBOUR_QUERIES, TAGS_QUERY, NewsArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(company, news_index):
    now = timezone.now()
    return [
        make_article(news_index, title=f"第{n}篇", when=now - timedelta(days=n)) for n in (3, 2, 1)
    ]


def test_an_article_page_runs_its_queries_from_stored_sql(client, three):
    older, middle, newer = three
    middle.tags.add("泵站", "节能")
    middle.save_revision().publish()
    response = client.get(middle.url + "?uncached=1")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("a[rel=prev]").get_text() == older.title
    assert page.select_one("a[rel=next]").get_text() == newer.title
    assert [a.get_text() for a in page.select("a.tag")] == ["泵站", "节能"]
    assert route_query(NewsArticlePage).is_prepared()
    assert NEIGHBOUR_QUERIES["previous"].is_prepared()
    assert NEIGHBOUR_QUERIES["next"].is_prepared()
    assert TAGS_QUERY.is_prepared()


def test_stored_sql_gives_the_rows_django_gives(three, news_index):
    query = route_query(NewsArticlePage)
    for article in [*three, None]:
        values = {
            "prefix": news_index.path,
            "depth": news_index.depth + 1,
            "slug": article.slug if article else "no-such-article",
        }
        assert query.run(**values) == list(query.build(**values))
        assert query.run(**values) == ([article] if article else [])


def test_the_current_time_is_read_on_every_run_not_stored(client, three):
    """An article past its expiry drops out of its neighbour's "next" link at once."""
    older, middle, newer = three
    newer.expire_at = timezone.now() + timedelta(hours=1)
    newer.save_revision().publish()
    assert client.get(middle.url + "?uncached=1").content.decode().count(newer.title) == 1
    later = timezone.now() + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = client.get(middle.url + "?uncached=2").content.decode()
    assert newer.title not in html
    assert older.title in html


def test_a_preview_shows_the_draft_tags(rf: RequestFactory, three):
    article = three[0]
    article.tags.add("已发布的标签")
    article.save_revision().publish()
    article.tags.set(["草稿里的标签"])
    article.save_revision()
    draft = NewsArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    request = rf.get("/")
    request.is_preview = True
    assert [t.name for t in draft.get_tags(request)] == ["草稿里的标签"]
    assert [t.name for t in article.get_tags(rf.get("/"))] == ["已发布的标签"]


@pytest.mark.parametrize(
    "build, why",
    [
        # A value that is part of the SQL itself: the LIMIT.
        (lambda count: Page.objects.order_by("path")[:count], "depends on the values"),
        # A parameter that comes from no value given: read inside the function.
        (
            lambda count: Page.objects.filter(
                depth__gte=count, latest_revision_created_at__lte=timezone.now()
            ),
            "comes from 0 values",
        ),
    ],
)
def test_queries_whose_sql_cannot_be_reused_run_as_django_runs_them(home, caplog, build, why):
    query = PreparedQuery("test", build)
    assert query.run(count=1) == list(build(count=1))
    assert query.run(count=2) == list(build(count=2))
    assert not query.is_prepared()
    assert why in caplog.text


def test_a_yes_no_value_is_not_guessed(home):
    query = PreparedQuery("test", lambda live: Page.objects.filter(live=live))
    assert query.run(live=False) == list(Page.objects.filter(live=False))
    assert query.run(live=True) == list(Page.objects.filter(live=True))
    assert not query.is_prepared()


@pytest.fixture
def root_page(transactional_db):
    """Wagtail's root page, which a test that flushed the database before this one removed."""
    from pressroom.core.setup import ensure_locales

    ensure_locales()
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.mark.django_db(transaction=True)
def test_each_thread_runs_the_stored_sql_on_its_own_connection(root_page, company, news_index):
    """Threaded servers (gunicorn's gthread, granian's threads) share the stored query."""
    article = make_article(news_index, title="线程里的新闻")
    query = route_query(NewsArticlePage)
    values = {"prefix": news_index.path, "depth": news_index.depth + 1, "slug": article.slug}
    assert query.run(**values) == [article]  # compiled on this thread
    seen, found = [], []

    def other_thread():
        from django.db import connection

        def record(execute, sql, params, many, context):
            seen.append(sql)
            return execute(sql, params, many, context)

        try:
            with connection.execute_wrapper(record):
                found.extend(query.run(**values))
        finally:
            connection.close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert found == [article]
    assert len(seen) == 1
