"""A big news center costs no more queries than a small one, and lists never read bodies.

Each page is rendered (a page-cache miss) with a few articles, then again after more are
added; the query counts must be equal. N is small so this runs in CI; bench/scale.py measures
the same pages with 100,000 articles.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pressroom.demo.seed import seed_articles
from pressroom.pagecache import store
from tests.factories import NewsCategoryFactory, make_article, make_image

pytestmark = pytest.mark.django_db

BODY_COLUMN = '"news_newsarticlepage"."body"'


@pytest.fixture
def articles(company, news_index):
    """Five edited articles (category, tags, cover image) and twenty seeded ones behind them."""
    now = timezone.now()
    category = NewsCategoryFactory(name="公司新闻", slug="company")
    image = make_image()
    made = []
    for n in range(5):
        article = make_article(
            news_index,
            title=f"规模测试 {n}",
            when=now - timedelta(minutes=n),
            category=category,
            cover_image=image,
        )
        article.tags.add("规模", f"标签{n}")
        article.save_revision().publish()
        made.append(article)
    seed_articles(20)
    return made


@pytest.fixture
def editor_client(db):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("editor", "", "pw"))
    return client


def render(client, path):
    """The queries of a page-cache miss of ``path``, after one warm-up render (which makes the
    cover images' renditions, once per image)."""
    for _ in range(2):
        store.cache().clear()  # a page-cache miss: the page is rendered from the database
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
    return [query["sql"] for query in queries.captured_queries]


def public_paths(articles):
    return {
        "news list": "/news/",
        "news list, page 3": "/news/page/3/",
        "news category": "/news/category/company/",
        "news tag": "/news/tag/规模/",
        "article": articles[2].url,
        "home": "/",
        "HTML sitemap": "/sitemap/",
        "sitemap index": "/sitemap.xml",
        "sitemap section": "/sitemap-1.xml",
        "RSS feed": "/news/feed/rss/",
    }


def admin_paths(news_index):
    return {
        "explorer of the news center": f"/admin/pages/{news_index.pk}/",
        "explorer, page 2": f"/admin/pages/{news_index.pk}/?p=2",
        "explorer by title": f"/admin/pages/{news_index.pk}/?ordering=title",
    }


def test_public_pages_cost_the_same_with_more_articles(client, articles):
    paths = public_paths(articles)
    few = {name: render(client, path) for name, path in paths.items()}
    seed_articles(60)
    many = {name: render(client, path) for name, path in paths.items()}
    for name in paths:
        assert len(many[name]) == len(few[name]), (name, many[name])


def test_the_admin_explorer_costs_the_same_with_more_articles(editor_client, articles, news_index):
    paths = admin_paths(news_index)
    few = {name: render(editor_client, path) for name, path in paths.items()}
    seed_articles(60)
    many = {name: render(editor_client, path) for name, path in paths.items()}
    for name in paths:
        assert len(many[name]) == len(few[name]), (name, many[name])


def test_lists_never_read_article_bodies(client, editor_client, articles, news_index):
    paths = {**public_paths(articles), **admin_paths(news_index)}
    article_path = paths.pop("article")
    for name, path in paths.items():
        who = editor_client if path.startswith("/admin/") else client
        reading_bodies = [sql for sql in render(who, path) if BODY_COLUMN in sql]
        assert reading_bodies == [], name
    # The article page reads its own body once, not its neighbours'.
    assert len([sql for sql in render(client, article_path) if BODY_COLUMN in sql]) == 1
