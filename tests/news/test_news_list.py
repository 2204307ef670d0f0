"""The news center: newest first, 10 a page, categories, tags, and bad page numbers."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import NewsCategoryFactory, make_article, make_image

pytestmark = pytest.mark.django_db


def titles(response):
    return [
        a.get_text()
        for a in BeautifulSoup(response.content, "html.parser").select(".card__title a")
    ]


@pytest.fixture
def articles(news_index):
    now = timezone.now()
    company = NewsCategoryFactory(slug="company", name="公司新闻")
    industry = NewsCategoryFactory(slug="industry", name="行业动态")
    made = []
    for n in range(25):
        made.append(
            make_article(
                news_index,
                title=f"新闻{n:02d}",
                when=now - timedelta(days=n),
                category=company if n % 2 == 0 else industry,
            )
        )
    return made


def test_newest_first_ten_a_page(client, articles):
    first = client.get("/news/")
    assert first.status_code == 200
    assert titles(first) == [f"新闻{n:02d}" for n in range(10)]
    third = client.get("/news/page/3/")
    assert titles(third) == [f"新闻{n:02d}" for n in range(20, 25)]
    assert client.get("/news/page/4/").status_code == 404


def test_numbered_pagination_links(client, articles):
    html = BeautifulSoup(client.get("/news/page/2/").content, "html.parser")
    links = {a.get_text(): a["href"] for a in html.select(".pagination a")}
    assert links["1"] == "/news/"
    assert links["3"] == "/news/page/3/"
    assert links["上一页"] == "/news/"
    assert links["下一页"] == "/news/page/3/"
    assert html.select_one(".pagination [aria-current=page]").get_text() == "2"


def test_each_card_shows_title_date_summary_and_cover(client, news_index):
    image = make_image()
    article = make_article(news_index, title="带图新闻", summary="这是摘要。", cover_image=image)
    html = BeautifulSoup(client.get("/news/").content, "html.parser")
    card = html.select_one(".card")
    assert card.select_one(".card__title a")["href"] == article.url
    assert card.time.get_text() == timezone.localtime(article.first_published_at).strftime(
        "%Y-%m-%d"
    )
    assert card.select_one(".card__summary").get_text() == "这是摘要。"
    img = card.img
    assert img["width"] and img["height"] and img["loading"] == "lazy"


def test_filter_by_category(client, articles):
    response = client.get("/news/category/industry/")
    assert response.status_code == 200
    assert titles(response) == [f"新闻{n:02d}" for n in range(1, 20, 2)]
    assert titles(client.get("/news/category/industry/page/2/")) == ["新闻21", "新闻23"]
    html = BeautifulSoup(response.content, "html.parser")
    current = html.select_one(".filters [aria-current=page]")
    assert current.get_text() == "行业动态"
    assert html.select_one(".pagination a")["href"].startswith("/news/category/industry/page/")


def test_filter_by_tag(client, news_index):
    tagged = make_article(news_index, title="带标签")
    tagged.tags.add("节能")
    tagged.save_revision().publish()
    make_article(news_index, title="无标签")
    article_html = BeautifulSoup(client.get(tagged.url).content, "html.parser")
    tag_link = article_html.select_one("a.tag")
    assert tag_link.get_text() == "节能"
    response = client.get(tag_link["href"])
    assert titles(response) == ["带标签"]


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=0",
        "page=1.5",
        "page=1e9",
        "page=" + "9" * 31,
        "page=%00",
        "page[]=1",
        "category=nope",
        "category=%27%20OR%201%3D1--",
        "page=99",
    ],
)
def test_bad_query_strings_answer_404_never_500(client, articles, query):
    response = client.get(f"/news/?{query}")
    assert response.status_code in (200, 404, 301)
    if response.status_code == 301:
        # Only a well-formed number is redirected; beyond the last page it is a 404.
        assert client.get(response["Location"]).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/news/page/0/",
        "/news/page/999999999999999999999999999999/",
        "/news/category/nope/",
        "/news/tag/nope/",
        "/news/page/abc/",
    ],
)
def test_bad_paths_answer_404(client, articles, path):
    assert client.get(path).status_code == 404


def test_old_style_query_links_redirect_to_canonical_path(client, articles):
    response = client.get("/news/?page=2&category=company")
    assert response.status_code == 301
    assert response["Location"] == "/news/category/company/page/2/"
    assert client.get("/news/?page=1")["Location"] == "/news/"
    assert client.get("/news/page/1/")["Location"] == "/news/"


def test_drafts_and_private_articles_are_not_listed(client, news_index):
    from wagtail.models import PageViewRestriction

    make_article(news_index, title="公开")
    make_article(news_index, title="草稿", live=False)
    private = make_article(news_index, title="私密")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = make_article(news_index, title="过期")
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - timedelta(hours=1)
    )
    assert titles(client.get("/news/")) == ["公开"]


def test_list_query_count_is_constant(client, news_index, django_assert_max_num_queries):
    image = make_image()
    category = NewsCategoryFactory()
    for _ in range(3):
        make_article(news_index, cover_image=image, category=category)
    client.get("/news/")  # warm up renditions
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/news/")
    for _ in range(9):
        make_article(news_index, cover_image=make_image(), category=NewsCategoryFactory())
    client.get("/news/")
    with CaptureQueriesContext(connection) as many:
        client.get("/news/")
    assert len(many) == len(few)
    assert not any(
        "body" in q["sql"]
        and "news_newsarticlepage" in q["sql"]
        and "SELECT" in q["sql"]
        and '"body"' in q["sql"]
        for q in many.captured_queries
    )
