"""发布日期: an editor dates an older article in the past; the lists and the feed file it there."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from pressroom.news.models import NewsArticlePage
from tests.factories import make_article
from tests.faults.admin_forms import article_form

pytestmark = pytest.mark.django_db


def add(client, news_index, **fields):
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    return client.post(url, article_form(**fields))


def test_an_article_dated_in_the_past_is_filed_among_the_news_of_its_time(
    editor_client, news_index, client, company
):
    make_article(news_index, title="前年的新闻", when=timezone.now() - timedelta(days=1000))
    make_article(news_index, title="上周的新闻", when=timezone.now() - timedelta(days=7))
    response = add(
        editor_client,
        news_index,
        title="补录的旧新闻",
        slug="old-news",
        first_published_at="2025-03-18 09:30",
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="old-news")
    assert article.live
    assert timezone.localtime(article.first_published_at).strftime("%Y-%m-%d %H:%M") == (
        "2025-03-18 09:30"
    )
    editor_client.logout()
    html = BeautifulSoup(client.get("/news/").content, "html.parser")
    titles = [a.get_text() for a in html.select(".card__title a")]
    assert titles.index("上周的新闻") < titles.index("补录的旧新闻") < titles.index("前年的新闻")
    page = BeautifulSoup(client.get("/news/old-news/").content, "html.parser")
    assert "2025-03-18" in page.select_one(".article__meta").get_text()


def test_a_publication_date_in_the_future_is_refused_with_a_message(editor_client, news_index):
    tomorrow = timezone.localtime() + timedelta(days=1)
    response = add(
        editor_client,
        news_index,
        title="未来的新闻",
        slug="future",
        first_published_at=tomorrow.strftime("%Y-%m-%d %H:%M"),
    )
    assert response.status_code == 200
    errors = BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert any("定时发布" in e.get_text() for e in errors), [e.get_text() for e in errors]
    assert not NewsArticlePage.objects.filter(slug="future").exists()


def test_an_empty_publication_date_is_the_moment_of_publishing(editor_client, news_index):
    before = timezone.now()
    assert add(editor_client, news_index, title="今天的新闻", slug="today").status_code == 302
    assert NewsArticlePage.objects.get(slug="today").first_published_at >= before
