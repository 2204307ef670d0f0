"""The site search's own index: kept in step with the pages, rebuilt by update_index, its order
and its count limit as a visitor sees them (on SQLite, and on PostgreSQL in `make test`)."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Locale, PageViewRestriction

from pressroom.search.models import SearchEntry
from pressroom.search.query import search_pages
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def titles(client, query: str, **params) -> list[str]:
    response = client.get("/search/", {"q": query, **params})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [h.get_text() for h in page.select(".search-result__title")]


def summary(client, query: str) -> str:
    response = client.get("/search/", {"q": query})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return page.select_one(".search-summary").get_text()


def test_publishing_unpublishing_and_deleting_follow_in_the_results(client, news_index):
    article = make_article(news_index, title="隔膜泵新品发布")
    assert titles(client, "隔膜泵") == ["隔膜泵新品发布"]
    article.unpublish()
    assert titles(client, "隔膜泵") == []
    assert not SearchEntry.objects.filter(page=article).exists()
    article.save_revision().publish()
    assert titles(client, "隔膜泵") == ["隔膜泵新品发布"]
    article.delete()
    assert titles(client, "隔膜泵") == []
    assert not SearchEntry.objects.exists()


def test_an_edit_is_found_by_its_new_words_only_once_published(client, news_index):
    article = make_article(news_index, title="螺杆泵检修")
    article.title = "齿轮泵检修"
    article.save_revision()  # a draft: visitors still see the published title
    assert titles(client, "螺杆泵") == ["螺杆泵检修"]
    assert titles(client, "齿轮泵") == []
    article.get_latest_revision().publish()
    assert titles(client, "齿轮泵") == ["齿轮泵检修"]
    assert titles(client, "螺杆泵") == []


def test_a_private_section_leaves_the_results_and_comes_back(client, news_index):
    make_article(news_index, title="闸阀订单交付")
    restriction = PageViewRestriction.objects.create(
        page=news_index, restriction_type="password", password="x"
    )
    assert titles(client, "闸阀") == []
    restriction.delete()
    assert titles(client, "闸阀") == ["闸阀订单交付"]


def test_update_index_rebuilds_the_site_search_index(client, news_index):
    make_article(news_index, title="止回阀试验")
    SearchEntry.objects.all().delete()
    assert titles(client, "止回阀") == []
    out = StringIO()
    call_command("update_index", stdout=out)
    assert "Site search" in out.getvalue()
    assert titles(client, "止回阀") == ["止回阀试验"]


def test_title_matches_come_first_then_the_newest(client, news_index):
    make_article(news_index, title="年度总结", summary="减压阀销量增长。")
    make_article(news_index, title="减压阀首发")
    make_article(news_index, title="公司动态", summary="减压阀进入新市场。")
    make_article(news_index, title="减压阀升级")
    assert titles(client, "减压阀") == ["减压阀升级", "减压阀首发", "公司动态", "年度总结"]


def test_past_the_count_limit_the_page_says_more_and_lists_that_many(client, news_index, settings):
    settings.PRESSROOM_SEARCH_COUNT_LIMIT = 4
    settings.PRESSROOM_SEARCH_PER_PAGE = 3
    for n in range(6):
        make_article(news_index, title=f"排污泵报道{n}")
    text = summary(client, "排污泵")
    assert "4" in text and ("more than" in text or "超过" in text)
    assert len(titles(client, "排污泵")) == 3
    assert len(titles(client, "排污泵", page="2")) == 1
    assert client.get("/search/", {"q": "排污泵", "page": "3"}).status_code == 404


def test_results_slice_across_the_two_tiers(news_index):
    for n in range(3):
        make_article(news_index, title=f"过滤器{n}")
        make_article(news_index, title=f"新闻{n}", summary="配套过滤器。")
    results = search_pages("过滤器", Locale.objects.get(language_code="zh-hans"))
    every = [page.title for page in results[0:6]]
    assert every == ["过滤器2", "过滤器1", "过滤器0", "新闻2", "新闻1", "新闻0"]
    assert [page.title for page in results[2:4]] == every[2:4]
    assert results.count() == 6
