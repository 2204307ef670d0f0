"""Uncached renders: how many queries a page costs, and that site-wide parts kept between
renders (header, menu, footer, contact block, company info) follow every change at once."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pressroom.core.models import CompanyInfo
from pressroom.pages.models import StandardPage
from pressroom.pages.setup import translate_site_tree
from tests.factories import NewsCategoryFactory, make_article, make_image, publish

pytestmark = pytest.mark.django_db

# A query string bypasses the page cache: every request below is rendered from the database.
UNCACHED = "?uncached=1"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def articles(company, news_index):
    """Three articles; the middle one is filed, tagged and has a cover picture."""
    category = NewsCategoryFactory(slug="company", name="公司新闻")
    now = timezone.now()
    older = make_article(news_index, title="较早的新闻", when=now - timedelta(days=3))
    middle = make_article(
        news_index,
        title="中间的新闻",
        category=category,
        cover_image=make_image(),
        when=now - timedelta(days=2),
    )
    middle.tags.add("新品")
    middle.save_revision().publish()
    newer = make_article(news_index, title="较新的新闻", when=now - timedelta(days=1))
    return older, middle, newer


# Exact counts, so that a change which adds a query shows here. What they are, for an article:
# the request's site (Wagtail's Site.find_for_request, once a request), Wagtail's routing (the
# active locale, the site's home page in it, the article with its cover, category and locale),
# previous and next (one statement), tags, translations, the pictures in the body. Company
# info, menu, footer links, the news center, categories and "are there view restrictions"
# come from the values kept until the next site-wide change.
ARTICLE_QUERIES = 8
HOME_QUERIES = 6  # site, routing (locale, home page), banners, latest news, translations
# site, routing (locale, home page), articles, list pictures, translations; the list's length is
# kept until the content changes (pressroom/news/listing.py), so a warm list runs no count
NEWS_LIST_QUERIES = 6


def warm(client, url):
    """The first render after a site-wide change works out the kept values."""
    assert client.get(url + UNCACHED).status_code == 200


def test_an_article_costs_a_fixed_number_of_queries(client, articles, django_assert_num_queries):
    article = articles[1]
    article.body = [{"type": "image", "value": {"image": make_image().pk, "caption": "图"}}]
    article.save_revision().publish()
    warm(client, article.url)
    with django_assert_num_queries(ARTICLE_QUERIES):
        html = soup(client.get(article.url + UNCACHED))
    # Everything the queries are for is on the page.
    assert html.select_one(".prev-next__prev a").get_text() == "较早的新闻"
    assert html.select_one(".prev-next__next a").get_text() == "较新的新闻"
    assert html.select_one(".tag").get_text() == "新品"
    assert html.select_one(".article__footer a").get_text() == "公司新闻"
    assert html.select_one(".article__cover img")
    assert html.select(".breadcrumb a")[-1].get_text() == "新闻中心"
    assert html.select_one(".main-nav a[aria-current=page]").get_text() == "新闻中心"
    assert "明川测试仪器有限公司" in html.select_one(".site-footer").get_text()


def test_the_home_page_costs_a_fixed_number_of_queries(client, articles, django_assert_num_queries):
    warm(client, "/")
    with django_assert_num_queries(HOME_QUERIES):
        html = soup(client.get("/" + UNCACHED))
    assert [a.get_text() for a in html.select(".news-list a")][:3] == [
        "较新的新闻",
        "中间的新闻",
        "较早的新闻",
    ]
    assert html.select_one(".main-nav a[aria-current=page]").get_text() == "首页"
    assert html.select_one(".latest-news a.more")["href"] == "/news/"


def test_the_news_list_costs_a_fixed_number_of_queries(client, articles, django_assert_num_queries):
    warm(client, "/news/")
    with django_assert_num_queries(NEWS_LIST_QUERIES):
        html = soup(client.get("/news/" + UNCACHED))
    assert len(html.select(".cards .card")) == 3
    assert html.select_one(".card img")
    assert [a.get_text() for a in html.select(".filters a")] == ["全部", "公司新闻"]


def test_an_article_costs_no_more_queries_when_the_site_has_more_articles(
    client, articles, news_index, django_assert_max_num_queries
):
    for _ in range(15):
        make_article(news_index)
    warm(client, "/news/page/2/")  # makes the list pictures of the articles on page 2
    warm(client, articles[1].url)
    with django_assert_max_num_queries(ARTICLE_QUERIES):
        client.get(articles[1].url + UNCACHED)
    with django_assert_max_num_queries(NEWS_LIST_QUERIES):
        client.get("/news/page/2/" + UNCACHED)


# --- Kept values follow every change --------------------------------------------------------


def test_editing_company_info_shows_on_the_next_render(client, articles, site):
    url = articles[1].url + UNCACHED
    assert "明川测试仪器有限公司" in soup(client.get(url)).select_one(".topbar").get_text()
    info = CompanyInfo.for_site(site)
    info.name = "新名字有限公司"
    info.hotline = "400-777-6666"
    info.address = "新地址 8 号"
    info.save()
    html = soup(client.get(url))
    assert "新名字有限公司" in html.select_one(".topbar").get_text()
    assert html.select_one(".topbar a").get_text() == "400-777-6666"
    assert "新地址 8 号" in html.select_one(".contact-block").get_text()
    assert "新名字有限公司" in html.select_one(".site-footer").get_text()
    assert html.title.get_text().endswith("新名字有限公司")


def nav(client, url):
    return [a.get_text() for a in soup(client.get(url + UNCACHED)).select(".main-nav a")]


def test_a_new_menu_page_shows_in_the_menu_of_the_next_render(client, articles, home):
    url = articles[1].url
    assert "关于我们" not in nav(client, url)
    about = publish(home, StandardPage(title="关于我们", slug="about", show_in_menus=True))
    assert "关于我们" in nav(client, url)
    about.title = "公司简介"
    about.save_revision().publish()
    assert "公司简介" in nav(client, url) and "关于我们" not in nav(client, url)
    about.unpublish()
    assert "公司简介" not in nav(client, url)


def test_a_page_made_live_by_a_script_shows_in_the_menu(client, articles, home):
    assert "服务" not in nav(client, "/")
    home.add_child(instance=StandardPage(title="服务", slug="services", show_in_menus=True))
    assert "服务" in nav(client, "/")


def test_the_current_menu_entry_follows_the_page(client, articles, home):
    about = publish(home, StandardPage(title="关于我们", slug="about", show_in_menus=True))
    current = {}
    for url in ["/", "/news/", articles[0].url, about.url]:
        html = soup(client.get(url + UNCACHED))
        current[url] = [a.get_text() for a in html.select(".main-nav a[aria-current=page]")]
    assert current == {
        "/": ["首页"],
        "/news/": ["新闻中心"],
        articles[0].url: ["新闻中心"],
        about.url: ["关于我们"],
    }


def test_renaming_a_category_shows_in_the_filters_of_the_next_render(client, articles):
    assert "公司新闻" in soup(client.get("/news/" + UNCACHED)).select_one(".filters").get_text()
    category = articles[1].category
    category.name = "企业动态"
    category.save()
    filters = soup(client.get("/news/" + UNCACHED)).select_one(".filters").get_text()
    assert "企业动态" in filters and "公司新闻" not in filters


def test_a_new_view_restriction_applies_at_once(client, articles):
    older, middle, newer = articles
    assert soup(client.get(older.url + UNCACHED)).select_one(".prev-next__next a")
    PageViewRestriction.objects.create(
        page=middle, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(middle.url + UNCACHED)
    assert "中间的新闻" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    # Its neighbours no longer link to it, nor does the news list.
    html = soup(client.get(older.url + UNCACHED))
    assert html.select_one(".prev-next__next a").get_text() == "较新的新闻"
    titles = [a.get_text() for a in soup(client.get("/news/" + UNCACHED)).select(".card a")]
    assert "中间的新闻" not in titles


def test_an_english_home_going_live_shows_in_the_language_switcher(client, articles, home):
    url = articles[1].url + UNCACHED
    assert soup(client.get(url)).select_one(".language-switcher") is None
    translate_site_tree(home)
    switcher = soup(client.get(url)).select_one(".language-switcher")
    assert switcher.find("a", hreflang="en")["href"] == "/en/"


def test_a_new_address_for_the_news_center_routes_at_once(client, articles, news_index):
    assert client.get(articles[1].url + UNCACHED).status_code == 200
    news_index.slug = "press"
    news_index.save_revision().publish()
    assert client.get("/press/" + UNCACHED).status_code == 200
    assert client.get(f"/press/{articles[1].slug}/" + UNCACHED).status_code == 200
    assert client.get("/news/" + UNCACHED).status_code == 404
    assert client.get(articles[1].url + UNCACHED).status_code == 404


class UnreachableCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache unreachable")

        return fail


def test_pages_render_from_the_database_while_the_cache_is_unreachable(
    client, articles, monkeypatch
):
    from pressroom.pagecache import store

    monkeypatch.setattr(store, "cache", UnreachableCache)
    html = soup(client.get(articles[1].url + UNCACHED))
    assert "明川测试仪器有限公司" in html.select_one(".topbar").get_text()
    assert html.select_one(".main-nav a[aria-current=page]").get_text() == "新闻中心"
    assert html.select_one(".prev-next__prev a").get_text() == "较早的新闻"
