"""The frame of every page: WeChat QR code, the phone bar, the 404 page."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def html_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_wechat_qr_code_shows_in_footer_and_contact_block_once_set(client, company):
    html = html_of(client.get("/"))
    assert html.select_one("#wechat-qr") is None
    assert html.select_one(".contact-block__qr") is None
    assert [a.get_text() for a in html.select(".phone-bar a")] == ["电话", "留言"]

    company.wechat_qr = make_image(size=(300, 300))
    company.save()
    html = html_of(client.get("/contact/"))
    footer_qr = html.select_one(".site-footer #wechat-qr")
    assert footer_qr.img["alt"] == "微信二维码"
    assert footer_qr.figcaption.get_text() == "微信扫一扫，关注我们"
    assert html_of(client.get("/")).select_one(".sidebar .contact-block__qr img")
    bar = {a.get_text(): a["href"] for a in html.select(".phone-bar a")}
    assert bar == {
        "电话": "tel:4000001234",
        "微信": "#wechat-qr",
        "留言": "/contact/#message-form",
    }


def test_the_menu_button_controls_the_menu(client, company):
    html = html_of(client.get("/"))
    button = html.select_one("button.menu-toggle")
    assert button["aria-controls"] == "site-menu" and button["aria-expanded"] == "false"
    # Hidden until the script that works it runs: without it the menu stays open.
    assert button.has_attr("hidden")
    menu = html.select_one("#site-menu")
    assert menu.select_one("nav.main-nav") and menu.select_one("form.site-search")
    assert html.select_one('script[src*="menu"]')["defer"] is not None


def test_the_404_page_offers_search_and_the_latest_news_in_its_language(
    client, company, news_index
):
    for n in range(7):
        make_article(news_index, title=f"新闻 {n}")
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = html_of(response)
    form = html.select_one("main form[role=search]")
    assert form["action"] == "/search/"
    assert html.select_one(f"label[for={form.input['id']}]").get_text() == "站内搜索"
    assert [a.get_text() for a in html.select("main .news-list a")] == [
        f"新闻 {n}" for n in range(5)
    ]
    # The English 404 lists English news: there is none, so no list.
    english = html_of(client.get("/en/no-such-page/"))
    assert english.select_one("main form[role=search]")
    assert english.select_one("main .news-list") is None


def test_the_404_page_of_a_site_without_news_still_renders(client, company, news_index):
    news_index.delete()
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = html_of(response)
    assert html.h1.get_text() == "页面不存在"
    assert html.select_one("main .news-list") is None


def test_the_site_icon_is_the_company_s_once_set(client, company):
    icons = html_of(client.get("/")).select('link[rel="icon"]')
    assert [(i["href"], i["type"]) for i in icons] == [("/static/favicon.svg", "image/svg+xml")]

    company.favicon = make_image(size=(400, 400))
    company.save()
    html = html_of(client.get("/"))
    (icon,) = html.select('link[rel="icon"]')
    assert icon["sizes"] == "32x32" and icon["type"] == "image/png"
    touch = html.select_one('link[rel="apple-touch-icon"]')["href"]
    for href, size in [(icon["href"], (32, 32)), (touch, (180, 180))]:
        assert href.endswith(".png")
        picture = client.get(href)
        assert picture.status_code == 200
        assert Image.open(io.BytesIO(b"".join(picture.streaming_content))).size == size
