"""The admin's page search as a Chinese editor uses it: words inside Chinese titles are found
(on SQLite, and on PostgreSQL in `make test`)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def found(client, query: str) -> tuple[list[str], str]:
    """The titles the admin's page search lists for ``query``, and its count line."""
    response = client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    titles = [a.get_text(" ", strip=True) for a in page.select("td.title .title-wrapper a")]
    return titles, " ".join(page.get_text(" ").split())


@pytest.fixture
def articles(news_index):
    make_article(news_index, title="青禾智能泵站远程运维平台正式上线")
    make_article(news_index, title="新版离心水泵能效标准解读")
    make_article(news_index, title="Remote monitoring for pump stations")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("远程运维", ["青禾智能泵站远程运维平台正式上线"]),  # a word in the middle of a title
        ("泵站", ["青禾智能泵站远程运维平台正式上线"]),
        ("智能泵站平台", []),  # every word must be there, in some order: 站平 is not
        ("水泵", ["新版离心水泵能效标准解读"]),
        ("泵", ["新版离心水泵能效标准解读", "青禾智能泵站远程运维平台正式上线"]),  # one character
        ("pump station", ["Remote monitoring for pump stations"]),
    ],
)
def test_an_editor_finds_pages_by_words_inside_chinese_titles(
    editor_client, articles, query, expected
):
    titles, text = found(editor_client, query)
    assert sorted(titles) == sorted(expected)
    assert "None" not in text  # the count line reads 共 N 个, not 个None


def test_every_page_type_is_found_by_a_word_of_its_chinese_title(
    editor_client, news_index, contact_page, sitemap_page
):
    """Index pages, the contact page, the sitemap…: every type's title carries the pairs."""
    for page, title in [
        (news_index, "公司新闻与行业动态"),
        (contact_page, "联系我们的销售团队"),
        (sitemap_page, "本站网站地图"),
    ]:
        page.title = title
        page.save_revision().publish()
    assert found(editor_client, "行业动态")[0] == ["公司新闻与行业动态"]
    assert found(editor_client, "销售团队")[0] == ["联系我们的销售团队"]
    assert found(editor_client, "网站地图")[0] == ["本站网站地图"]


def test_pictures_are_still_found_by_the_start_of_their_chinese_title(editor_client):
    """Wagtail's images keep Wagtail's index: the query is left as typed."""
    from tests.factories import make_image

    make_image(title="展会现场照片")
    response = editor_client.get("/admin/images/", {"q": "展会现场"})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert "展会现场照片" in page.get_text()


def full_text_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith("SELECT") and " MATCH " in q["sql"]]


def searches_the_index_per_row(sql: str) -> bool:
    """Whether SQLite's plan for ``sql`` searches the full-text index once per row (a
    correlated subquery over the index's virtual table)."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        rows = cursor.fetchall()
    parent = {row[0]: row[1] for row in rows}
    correlated = {row[0] for row in rows if "CORRELATED" in row[-1]}
    for node, _parent, _unused, detail in rows:
        if "VIRTUAL TABLE" in detail:
            while node in parent:
                node = parent[node]
                if node in correlated:
                    return True
    return False


def search_costs(client, url: str, query: dict) -> tuple[int, list[str], list[str], str]:
    """Full-text queries run, those searching the index per row, titles listed and the page's
    text, for one admin search."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    titles = [a.get_text(" ", strip=True) for a in page.select("td.title .title-wrapper a")]
    fts = full_text_queries(queries) if connection.vendor == "sqlite" else []
    return (
        len(fts),
        [sql for sql in fts if searches_the_index_per_row(sql)],
        titles,
        " ".join(page.get_text(" ").split()),
    )


@pytest.mark.parametrize("ordering", [None, "title", "-latest_revision_created_at"])
@pytest.mark.parametrize("where", ["search", "explorer"])
def test_a_common_word_costs_the_same_however_many_pages_it_is_in(
    editor_client, news_index, where, ordering
):
    """Issue 19: at 100,000 articles ``q=pump`` took more than ten minutes, as every match was
    ranked by a subquery that searched the index again. The admin's search (and its search
    inside a section) runs as many full-text queries for 3 matching pages as for 33, none of
    them once per matching row, and still lists and counts them all."""
    url = "/admin/pages/search/" if where == "search" else f"/admin/pages/{news_index.id}/"
    query = {"q": "pump"} | ({"ordering": ordering} if ordering else {})
    for n in range(3):
        make_article(news_index, title=f"Pump station {n}")
    make_article(news_index, title="Water treatment plant")
    few, slow, titles, _text = search_costs(editor_client, url, query)
    assert sorted(titles) == ["Pump station 0", "Pump station 1", "Pump station 2"]
    assert slow == []

    for n in range(3, 33):
        make_article(news_index, title=f"Pump station {n}")
    many, slow, titles, text = search_costs(editor_client, url, query)
    assert slow == []
    assert many == few
    assert len(titles) == (20 if where == "search" else 33)  # a page of results
    assert all(title.startswith("Pump station") for title in titles)
    if ordering == "title":
        assert titles == sorted(titles)
    if where == "search":
        assert "33" in text  # the count of every match


@pytest.mark.parametrize("query", ["!!!", "*", '"', '"泵站', "泵" * 3000])
def test_odd_queries_get_an_answer_not_an_error(editor_client, articles, news_index, query):
    from tests.factories import make_image

    make_image(title="泵站现场照片")
    for url in [
        "/admin/pages/search/",
        f"/admin/pages/{news_index.pk}/",
        "/admin/choose-page/search/",
        # Wagtail's images and documents keep Wagtail's index and their queries as typed.
        "/admin/images/",
        "/admin/images/chooser/results/",
        "/admin/documents/",
        "/admin/documents/chooser/results/",
    ]:
        assert editor_client.get(url, {"q": query}).status_code == 200, url


def test_the_backend_ranks_a_title_match_above_a_newer_body_match(news_index):
    """Wagtail's search backend as the admin and the API use it (``search()``), on SQLite and
    on PostgreSQL: the title weighs more than the body, whatever the order of publication."""
    from wagtail.search.backends import get_search_backend

    from pressroom.news.models import NewsArticlePage

    make_article(news_index, title="螺杆泵新品上市")
    body = [{"type": "paragraph", "value": "<p>我们也生产螺杆泵。</p>"}]
    make_article(news_index, title="公司新闻", body=body)
    results = get_search_backend().search("螺杆泵", NewsArticlePage.objects.live())
    assert [page.title for page in results] == ["螺杆泵新品上市", "公司新闻"]
    assert results.count() == 2


def test_a_search_inside_a_section_lists_and_counts_only_that_sections_pages(
    editor_client, home, news_index
):
    """The explorer's search in the news center and a queryset's search keep to what they
    were asked to search, in what they list and in what they count."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from tests.factories import make_product, make_product_category, make_product_center

    make_article(news_index, title="螺杆泵新品发布")
    make_article(news_index, title="螺杆泵选型指南")
    category = make_product_category(make_product_center(home), "螺杆泵系列", "screw-pumps")
    make_product(category, title="单螺杆泵")

    response = editor_client.get(f"/admin/pages/{news_index.pk}/", {"q": "螺杆泵"})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    titles = [a.get_text(" ", strip=True) for a in page.select("td.title .title-wrapper a")]
    assert sorted(titles) == ["螺杆泵新品发布", "螺杆泵选型指南"]  # not the product center's

    everywhere = found(editor_client, "螺杆泵")[0]
    assert sorted(everywhere) == ["单螺杆泵", "螺杆泵新品发布", "螺杆泵系列", "螺杆泵选型指南"]

    in_news = get_search_backend().search("螺杆泵", Page.objects.child_of(news_index))
    assert in_news.count() == 2
    assert sorted(page.title for page in in_news) == ["螺杆泵新品发布", "螺杆泵选型指南"]
    assert in_news.facet("content_type_id") == {news_index.get_children()[0].content_type_id: 2}


def test_the_page_search_counts_its_matches_once_and_the_counts_agree(
    editor_client, home, news_index
):
    """The per-type counts, "All (N)" and "There are N matching pages" say the same total;
    on SQLite the total is the per-type counts' sum, not a second pass over every match (the
    search runs three full-text queries: the per-type counts, the paginator's count of the
    listed results and the ranked page of them)."""
    from tests.factories import make_product, make_product_category, make_product_center

    for n in range(3):
        make_article(news_index, title=f"离心泵保养要点{n}")
    category = make_product_category(make_product_center(home), "离心泵", "centrifugal")
    make_product(category, title="卧式离心泵")

    with CaptureQueriesContext(connection) as queries:
        titles, text = found(editor_client, "离心泵")
    assert len(titles) == 5
    types = text.split("页面类型 ")[1].split(" 找到 5 个页面")[0]  # the per-type counts
    assert dict(re.findall(r"(\S+) \((\d+)\)", types)) == {
        "全部": "5",
        "新闻文章": "3",
        "产品": "1",
        "产品分类": "1",
    }
    if connection.vendor == "sqlite":
        assert len(full_text_queries(queries.captured_queries)) == 3


def test_a_slice_of_search_results_counts_what_it_holds(news_index):
    from wagtail.search.backends import get_search_backend

    from pressroom.news.models import NewsArticlePage

    for n in range(7):
        make_article(news_index, title=f"隔膜泵选型{n}")
    results = get_search_backend().search("隔膜泵", NewsArticlePage.objects.live())
    assert results.count() == 7
    assert results[2:5].count() == 3
    assert results[5:].count() == 2
    assert results[9:12].count() == 0
    assert len(results[2:5]) == 3
