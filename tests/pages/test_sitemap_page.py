"""The HTML sitemap at scale: the page tree, and the news center summarised, not listed."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pressroom.demo.seed import seed_articles
from pressroom.pagecache import store
from pressroom.pages.models import SITEMAP_NEWEST_ARTICLES, StandardPage
from tests.factories import NewsCategoryFactory, make_article, publish

pytestmark = pytest.mark.django_db


def sitemap(client):
    html = BeautifulSoup(client.get("/sitemap/").content, "html.parser")
    return html.select_one(".sitemap")


def test_the_news_center_shows_categories_newest_articles_and_a_link_to_all(
    client, company, home, news_index
):
    about = publish(home, StandardPage(title="关于我们", slug="about"))
    publish(about, StandardPage(title="企业文化", slug="culture"))
    NewsCategoryFactory(name="公司新闻", slug="company")
    NewsCategoryFactory(name="行业动态", slug="industry")
    now = timezone.now()
    articles = [
        make_article(news_index, title=f"第{n}条", when=now - timedelta(days=n)) for n in range(15)
    ]
    tree = sitemap(client)
    news_item = tree.find("a", string="新闻中心").parent
    categories = {a.get_text(): a["href"] for a in news_item.select(".sitemap-categories a")}
    assert categories == {
        "公司新闻": "/news/category/company/",
        "行业动态": "/news/category/industry/",
    }
    newest = [a.get_text() for a in news_item.select(".sitemap-newest a")]
    assert newest == [a.title for a in articles[:SITEMAP_NEWEST_ARTICLES]]
    assert articles[SITEMAP_NEWEST_ARTICLES].title not in tree.get_text()
    assert news_item.select_one(".sitemap-newest a")["href"] == articles[0].url
    all_news = news_item.select_one(".sitemap-all-news a")
    assert (all_news.get_text(), all_news["href"]) == ("全部新闻", "/news/")
    # The rest of the tree is still there, nested.
    assert tree.find("a", string="关于我们").parent.find("a", string="企业文化")


def test_a_news_center_without_articles_links_to_itself_only(client, company, news_index):
    news_item = sitemap(client).find("a", string="新闻中心").parent
    assert news_item.select(".sitemap-newest") == []
    assert news_item.select_one(".sitemap-all-news a")["href"] == "/news/"


def render_queries(client, path):
    store.cache().clear()  # a page-cache miss: the page is rendered
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return queries


def test_sitemap_cost_does_not_grow_with_the_number_of_articles(client, company, news_index):
    NewsCategoryFactory(name="公司新闻", slug="company")
    for _ in range(5):
        make_article(news_index)
    few = render_queries(client, "/sitemap/")
    few_bytes = len(client.get("/sitemap/").content)
    seed_articles(60)
    many = render_queries(client, "/sitemap/")
    assert len(many) == len(few), [q["sql"] for q in many]
    # The page does not grow either (the newest ten are listed, whatever the total)...
    assert abs(len(client.get("/sitemap/").content) - few_bytes) < 1000
    # ...and no article body is read.
    assert not any('"body"' in q["sql"] for q in many)
