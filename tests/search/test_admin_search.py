"""The admin's page search as a Chinese editor uses it: words inside Chinese titles are found
(on SQLite, and on PostgreSQL in `make test`)."""

import pytest
from bs4 import BeautifulSoup

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
