"""Every page links to its other-language version; search engines get hreflang alternates."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from pressroom.i18n.tree import translate_page
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(html) -> dict[str, str | None]:
    """Language name -> link target (None for the current language)."""
    links = {}
    for item in html.select(".language-switcher li"):
        a = item.find("a")
        links[item.get_text(strip=True)] = a["href"] if a else None
    return links


def hreflangs(html) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")}


def translate(article):
    english = Locale.objects.get(language_code="en")
    page, _created = translate_page(
        article, english, title="Test news in English", summary="An English summary."
    )
    return page


def test_html_lang_names_the_language(client, company, en_home):
    assert soup(client.get("/")).html["lang"] == "zh-Hans"
    assert soup(client.get("/en/")).html["lang"] == "en"
    assert soup(client.get("/en/news/")).html["lang"] == "en"


def test_en_shows_the_english_home_page(client, company, en_home):
    html = soup(client.get("/en/"))
    assert html.title.get_text().startswith("Home - Mingchuan Test Instruments")
    nav = [a.get_text() for a in html.select(".main-nav a")]
    assert nav == ["Home", "News center", "Contact us"]
    assert [a["href"] for a in html.select(".main-nav a")] == ["/en/", "/en/news/", "/en/contact/"]


def test_switcher_leads_to_the_translation_of_the_page(client, company, news_index, en_home):
    article = make_article(news_index, title="测试新闻")
    english = translate(article)
    assert english.url == f"/en/news/{article.slug}/"
    zh = soup(client.get(article.url))
    assert switcher(zh) == {"中文": None, "English": english.url}
    assert zh.select_one(".language-switcher a")["hreflang"] == "en"
    en = soup(client.get(english.url))
    assert switcher(en) == {"中文": article.url, "English": None}
    assert en.select_one(".language-switcher a")["lang"] == "zh-Hans"


def test_switcher_falls_back_to_the_other_home_page(client, company, news_index, en_home):
    article = make_article(news_index)
    html = soup(client.get(article.url))
    assert switcher(html) == {"中文": None, "English": "/en/"}
    assert hreflangs(html) == {}


def test_unpublished_translation_is_not_linked(client, company, news_index, en_home):
    article = make_article(news_index)
    english = translate(article)
    english.unpublish()
    assert switcher(soup(client.get(article.url)))["English"] == "/en/"
    assert client.get(f"/en/news/{article.slug}/").status_code == 404


def test_hreflang_alternates_are_absolute_with_x_default(client, company, news_index, en_home):
    article = make_article(news_index)
    english = translate(article)
    for url in [article.url, english.url]:
        links = hreflangs(soup(client.get(url)))
        assert links == {
            "zh-Hans": f"http://localhost{article.url}",
            "en": f"http://localhost{english.url}",
            "x-default": f"http://localhost{article.url}",
        }


def test_skeleton_pages_are_linked_both_ways(client, company, en_home):
    for zh, en in [("/", "/en/"), ("/news/", "/en/news/"), ("/contact/", "/en/contact/")]:
        assert switcher(soup(client.get(zh)))["English"] == en
        assert switcher(soup(client.get(en)))["中文"] == zh
        assert hreflangs(soup(client.get(en)))["x-default"] == f"http://localhost{zh}"


def test_category_list_switches_to_the_same_category(client, company, news_index, en_home):
    from tests.factories import NewsCategoryFactory

    category = NewsCategoryFactory(slug="company")
    make_article(news_index, category=category)
    html = soup(client.get("/news/category/company/"))
    assert switcher(html)["English"] == "/en/news/category/company/"
    assert hreflangs(html)["en"] == "http://localhost/en/news/category/company/"
    en = soup(client.get("/en/news/category/company/"))
    assert switcher(en)["中文"] == "/news/category/company/"


def test_numbered_list_page_switches_to_the_list_start(
    client, company, news_index, en_home, settings
):
    settings.PRESSROOM_NEWS_PER_PAGE = 1
    make_article(news_index)
    make_article(news_index)
    html = soup(client.get("/news/page/2/"))
    assert switcher(html)["English"] == "/en/news/"
    assert hreflangs(html) == {}  # page 2 has no equivalent in English


def test_english_address_without_english_page_is_404(client, company, news_index, en_home):
    article = make_article(news_index)
    response = client.get(f"/en/news/{article.slug}/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en"
    assert html.h1.get_text() == "Page not found"


def test_en_is_404_while_there_is_no_english_home(client, company, news_index):
    # Without this rule Wagtail would serve the Chinese tree under /en/.
    article = make_article(news_index)
    assert client.get("/en/").status_code == 404
    assert client.get("/en/news/").status_code == 404
    assert client.get(f"/en/news/{article.slug}/").status_code == 404
    assert client.get("/").status_code == 200
    # No English home to switch to: the switcher is not shown.
    assert soup(client.get("/")).select_one(".language-switcher") is None


def test_chinese_address_never_shows_an_english_page(client, company, en_home):
    # The English home's own tree path is /home-en/; it is reached only as /en/.
    assert client.get("/home-en/").status_code == 404


def test_language_comes_from_the_url_not_the_browser(client, company, en_home):
    for url, lang in [("/", "zh-Hans"), ("/en/", "en")]:
        for accept in ["en-US,en;q=0.9", "zh-CN,zh;q=0.9", ""]:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=accept)
            assert soup(response).html["lang"] == lang
            assert "accept-language" not in response.get("Vary", "").lower()
            assert response["Content-Language"] == lang.lower()


def test_chinese_prefix_redirects_to_the_root(client, company, en_home):
    response = client.get("/zh-hans/news/?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/news/?x=1"


@pytest.mark.parametrize(
    "path, status",
    [
        ("/zh-hans//evil.example/", 301),
        ("/zh-hans/\\\\evil.example/", 301),
        ("/zh-hans/%2F%2Fevil.example/", 301),
        ("/zh-hans/%0d%0aSet-Cookie:%20x=1", 404),  # a decoded line break matches no address
    ],
)
def test_chinese_prefix_redirect_stays_on_the_site(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert "Set-Cookie" not in response
    if status == 301:
        assert response["Location"].startswith("/")
        assert not response["Location"].startswith(("//", "/\\"))
