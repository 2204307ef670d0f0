import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from pressroom.contact.models import ContactPage
from pressroom.news.models import NewsArticlePage, NewsIndexPage
from pressroom.pages.models import HomePage, SitemapPage, StandardPage
from tests.factories import make_article, publish

pytestmark = pytest.mark.django_db


def test_page_types_are_offered_only_where_they_fit(home, news_index):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    assert StandardPage.can_create_at(home)
    assert not NewsArticlePage.can_create_at(home)
    assert NewsArticlePage.can_create_at(news_index)
    assert not StandardPage.can_create_at(news_index)
    # One news center, one contact page and one sitemap per home page.
    assert not NewsIndexPage.can_create_at(home)
    assert not ContactPage.can_create_at(home)
    assert not SitemapPage.can_create_at(home)


def test_home_shows_welcome_latest_news_and_links(client, company, home, news_index):
    home.intro = "<p>专注测量仪器二十年。</p>"
    home.save_revision().publish()
    for n in range(8):
        make_article(news_index, title=f"首页新闻{n}")
    html = BeautifulSoup(client.get("/").content, "html.parser")
    assert "专注测量仪器二十年" in html.select_one(".hero").get_text()
    items = html.select(".latest-news li")
    assert len(items) == 6
    assert items[0].a.get_text() == "首页新闻0"  # newest first
    assert items[0].time.get_text().count("-") == 2
    assert html.select_one(".latest-news a.more")["href"] == "/news/"


def test_standard_page_renders_its_body(client, company, home):
    page = StandardPage(
        title="关于我们",
        slug="about",
        summary="一家做仪器的公司。",
        body=[
            {"type": "heading", "value": "发展历程"},
            {"type": "paragraph", "value": "<p>公司成立于一个春天。</p>"},
            {"type": "quote", "value": {"text": "品质第一", "attribution": "创始人"}},
        ],
    )
    publish(home, page)
    response = client.get("/about/")
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "关于我们"
    assert html.select_one(".block-heading").get_text(strip=True) == "发展历程"
    assert "公司成立于一个春天" in html.select_one(".stream").get_text()
    assert html.select_one("blockquote").get_text(strip=True) == "品质第一"
    assert [li.get_text(strip=True) for li in html.select(".breadcrumb li")] == ["首页", "关于我们"]


def test_sitemap_page_lists_every_live_page_in_its_tree(client, company, home, news_index):
    about = publish(home, StandardPage(title="关于我们", slug="about"))
    publish(about, StandardPage(title="企业文化", slug="culture"))
    live = make_article(news_index, title="已发布的新闻")
    draft = make_article(news_index, title="草稿新闻", live=False)
    html = BeautifulSoup(client.get("/sitemap/").content, "html.parser")
    tree = html.select_one(".sitemap")
    links = {a.get_text(): a["href"] for a in tree.find_all("a")}
    assert links["首页"] == "/"
    assert links["企业文化"] == "/about/culture/"
    assert links[live.title] == live.url
    assert draft.title not in links
    # Nesting follows the tree: the culture page is listed inside the about page's item.
    about_item = tree.find("a", string="关于我们").parent
    assert about_item.find("a", string="企业文化")


def test_contact_page_shows_company_details(client, company, contact_page):
    html = BeautifulSoup(client.get(contact_page.url).content, "html.parser")
    details = html.select_one(".contact-details")
    assert details.h2.get_text() == "明川测试仪器有限公司"
    text = details.get_text(" ")
    for value in ["400-000-1234", "测试市测试路 1 号", "0571-0000-1111", "0571-0000-2222"]:
        assert value in text
