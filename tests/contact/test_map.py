"""The contact page's map: an optional picture, and links to the map apps visitors use."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from pressroom.pages.setup import translate_site_tree
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def map_links(client, path):
    html = BeautifulSoup(client.get(path).content, "html.parser")
    return html, {a.get_text(): a["href"] for a in html.select(".map-links a")}


def test_the_address_opens_in_four_map_apps(client, company, contact_page):
    html, links = map_links(client, "/contact/")
    assert list(links) == ["百度地图", "高德地图", "苹果地图", "谷歌地图"]
    baidu = parse_qs(urlsplit(links["百度地图"]).query)
    assert baidu["address"] == ["测试市测试路 1 号"] and baidu["output"] == ["html"]
    assert parse_qs(urlsplit(links["高德地图"]).query)["keyword"] == ["测试市测试路 1 号"]
    assert parse_qs(urlsplit(links["苹果地图"]).query)["q"] == ["测试市测试路 1 号"]
    assert all(
        a["target"] == "_blank" and "noopener" in a["rel"] for a in html.select(".map-links a")
    )
    assert html.select_one(".contact-map") is None  # no picture uploaded


def test_english_visitors_search_the_english_address_where_the_app_reads_it(
    client, company, home, contact_page
):
    company.address_en = "1 Test Road, Test City"
    company.save()
    translate_site_tree(home)
    _html, links = map_links(client, "/en/contact/")
    assert list(links) == ["Baidu Maps", "AMap", "Apple Maps", "Google Maps"]
    assert parse_qs(urlsplit(links["AMap"]).query)["keyword"] == ["测试市测试路 1 号"]
    google = parse_qs(urlsplit(links["Google Maps"]).query)
    assert google["query"] == ["1 Test Road, Test City"]


def test_a_map_picture_shows_when_the_editor_uploads_one(client, company, contact_page):
    contact_page.map_image = make_image(title="厂区位置图")
    contact_page.save_revision().publish()
    html, _links = map_links(client, "/contact/")
    assert html.select_one(".contact-map img")["alt"] == "地图"


def test_no_address_no_map_links(client, company, contact_page):
    company.address = ""
    company.save()
    html, links = map_links(client, "/contact/")
    assert links == {} and html.select_one(".map-links") is None
