"""News lists whose length and page starts are kept until the content changes
(pressroom.news.listing): every page shows what a plain newest-first list shows, and a change
is seen at once."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pressroom.news import listing
from pressroom.news.models import NewsArticlePage
from tests.factories import NewsCategoryFactory, make_article

pytestmark = pytest.mark.django_db

# Any query string but a tracking parameter bypasses the page cache: the page is rendered.
RENDERED = "?render=1"


def titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in html.select(".card__title a")]


def status(response):
    found = BeautifulSoup(response.content, "html.parser").select_one(".pagination__status")
    return found.get_text() if found else None


def every_page(client, base="/news/"):
    shown, number = [], 1
    while True:
        path = base if number == 1 else f"{base}page/{number}/"
        response = client.get(path + RENDERED)
        if response.status_code == 404:
            return shown
        shown += titles(response)
        number += 1


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of three articles, so a few articles make several blocks."""
    monkeypatch.setattr(listing, "STRIDE", 3)


@pytest.fixture
def articles(news_index, small_blocks):
    """25 articles, in pairs and threes published at the same moment (ties broken by path)."""
    now = timezone.now()
    category = NewsCategoryFactory(slug="company", name="公司新闻")
    return [
        make_article(
            news_index,
            title=f"新闻{n:02d}",
            when=now - timedelta(days=n // 3),
            category=category if n % 2 else None,
        )
        for n in range(25)
    ]


def newest_first(queryset):
    return list(queryset.published().values_list("title", flat=True))


def test_every_page_shows_the_newest_first_order(client, articles, news_index):
    expected = newest_first(NewsArticlePage.objects.child_of(news_index))
    assert len(expected) == 25
    assert every_page(client) == expected
    # Once more, from the kept length and starts.
    assert every_page(client) == expected


def test_category_pages_show_the_newest_first_order(client, articles, news_index):
    expected = newest_first(
        NewsArticlePage.objects.child_of(news_index).filter(category__slug="company")
    )
    assert every_page(client, "/news/category/company/") == expected


def test_a_kept_list_page_reads_its_articles_without_counting(client, articles):
    for _ in range(2):  # (the first render of a new site makes its settings rows: a purge)
        client.get("/news/page/2/" + RENDERED)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/news/page/2/" + RENDERED)
    assert status(response) == "第 2 页，共 3 页"
    assert not [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]


def test_a_newly_published_article_shows_at_once(client, articles, news_index):
    assert status(client.get("/news/page/3/" + RENDERED)) == "第 3 页，共 3 页"
    make_article(news_index, title="刚发布", when=timezone.now() - timedelta(days=30))
    assert titles(client.get("/news/page/3/"))[-1] == "刚发布"
    assert len(every_page(client)) == 26


def test_an_unpublished_article_leaves_at_once(client, articles):
    client.get("/news/" + RENDERED)
    articles[0].unpublish()
    assert "新闻00" not in every_page(client)
    assert status(client.get("/news/")) == "第 1 页，共 3 页"
    assert len(every_page(client)) == 24


def test_an_article_past_its_expiry_leaves_before_the_scheduler_runs(client, articles, monkeypatch):
    soon = timezone.now() + timedelta(hours=1)
    NewsArticlePage.objects.filter(pk=articles[24].pk).update(expire_at=soon)
    client.get("/news/" + RENDERED)  # the kept length says when the earliest expiry is
    assert len(every_page(client)) == 25
    later = soon + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # nothing purged: no scheduler ran
    shown = every_page(client)
    assert "新闻24" not in shown
    assert len(shown) == 24


def test_articles_without_a_date_are_listed_too(client, articles, news_index):
    NewsArticlePage.objects.filter(pk=articles[3].pk).update(first_published_at=None)
    expected = newest_first(NewsArticlePage.objects.child_of(news_index))
    assert len(every_page(client)) == 25
    assert every_page(client) == expected


def test_bad_page_numbers_are_still_404(client, articles):
    assert client.get("/news/page/4/").status_code == 404
    assert client.get("/news/page/4/").status_code == 404
    assert client.get("/news/page/99999999/").status_code == 404
