"""The product center: categories, product pages, their lists, and a quote request."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from pressroom.contact.models import ContactMessage
from pressroom.pagecache.showing import urls_showing
from pressroom.products.models import ProductPicture
from tests.contact.conftest import message_post
from tests.factories import (
    make_article,
    make_image,
    make_product,
    make_product_category,
    make_product_center,
)

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response) -> list[str]:
    return [a.get_text() for a in soup(response).select(".card__title a")]


@pytest.fixture
def catalogue(home, company):
    center = make_product_center(home)
    pumps = make_product_category(center, "水泵", "pumps", spec_defaults="流量 | m³/h\n扬程 | m")
    metering = make_product_category(pumps, "计量泵", "metering")
    valves = make_product_category(center, "阀门", "valves")
    return {"center": center, "pumps": pumps, "metering": metering, "valves": valves}


def test_product_center_shows_its_categories_and_every_product(client, catalogue):
    make_product(catalogue["pumps"], title="离心泵 A")
    make_product(catalogue["metering"], title="隔膜计量泵 B")
    make_product(catalogue["valves"], title="电动调节阀 C")
    response = client.get("/products/")
    assert response.status_code == 200
    page = soup(response)
    assert [a.get_text(strip=True) for a in page.select(".category-grid li a")] == ["水泵", "阀门"]
    # In the order of the page tree, as editors arrange it (the sub-category came first).
    assert card_titles(response) == ["隔膜计量泵 B", "离心泵 A", "电动调节阀 C"]
    # The sidebar: the section's two levels of categories, then the contact block.
    nav = [a.get_text(strip=True) for a in page.select(".section-nav li a")]
    assert nav == ["水泵", "计量泵", "阀门"]
    assert page.select_one(".sidebar .contact-block") is not None


def test_a_category_lists_the_products_below_it_and_its_subcategories(client, catalogue):
    make_product(catalogue["pumps"], title="离心泵 A")
    make_product(catalogue["metering"], title="隔膜计量泵 B")
    make_product(catalogue["valves"], title="电动调节阀 C")
    response = client.get("/products/pumps/")
    assert card_titles(response) == ["隔膜计量泵 B", "离心泵 A"]
    assert [a.get_text() for a in soup(response).select(".filters a")] == ["计量泵"]
    current = soup(response).select_one('.section-nav a[aria-current="page"]')
    assert current.get_text() == "水泵"


def test_lists_are_paginated_on_the_path_and_refuse_odd_numbers(client, catalogue, settings):
    for n in range(settings.PRESSROOM_PRODUCTS_PER_PAGE + 3):
        make_product(catalogue["valves"], title=f"阀门 {n:02d}")
    first = client.get("/products/valves/")
    assert len(card_titles(first)) == settings.PRESSROOM_PRODUCTS_PER_PAGE
    assert soup(first).select_one('a[rel="next"]')["href"] == "/products/valves/page/2/"
    second = client.get("/products/valves/page/2/")
    assert card_titles(second) == ["阀门 12", "阀门 13", "阀门 14"]
    assert client.get("/products/valves/page/3/").status_code == 404
    assert client.get("/products/valves/page/1/").url == "/products/valves/"
    assert client.get("/products/valves/?page=2").url == "/products/valves/page/2/"
    assert client.get("/products/valves/?page=abc").status_code == 404
    assert client.get("/products/valves/?page=99999999999999").status_code == 404


def test_product_page_shows_pictures_specifications_downloads_and_a_quote_button(
    client, catalogue, contact_page
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="QH 样本", file=ContentFile(b"%PDF-1.4 sample", name="qh.pdf")
    )
    article = make_article(
        __import__("pressroom.news.models", fromlist=["NewsIndexPage"]).NewsIndexPage.objects.get(),
        title="水泵节能改造案例",
    )
    other = make_product(catalogue["pumps"], title="管道泵 D")
    product = make_product(
        catalogue["pumps"],
        title="QH 离心泵",
        model_number="QH-100",
        main_image=make_image("主图"),
        downloads=[{"type": "file", "value": {"document": document.pk, "title": ""}}],
        related_products=[{"type": "product", "value": other.pk}],
        related_news=[{"type": "article", "value": article.pk}],
    )
    ProductPicture.objects.create(page=product, image=make_image("侧面"), sort_order=1)
    response = client.get(product.url)
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text() == "QH 离心泵"
    assert "QH-100" in page.select_one(".product__model").get_text()
    assert len(page.select(".gallery__slides img")) == 2
    assert len(page.select(".gallery__thumbs a")) == 2
    rows = [(tr.th.get_text(), tr.td.get_text()) for tr in page.select(".specs tr")]
    assert rows == [("流量", "50 m³/h"), ("扬程", "32 m")]
    download = page.select_one(".downloads li")
    assert "QH 样本" in download.get_text() and "PDF" in download.get_text()
    assert [a.get_text() for a in page.select(".related .card__title a")] == ["管道泵 D"]
    assert "水泵节能改造案例" in page.select_one(".related ul").get_text()
    quote = page.select_one("a.button--quote")
    assert quote.get_text() == "在线询价"
    assert quote["href"] == f"{contact_page.url}?product={product.pk}#message-form"


def test_a_product_without_pictures_and_with_200_rows_renders(client, catalogue):
    rows = [
        {"type": "row", "value": {"name": f"参数{n}", "value": str(n), "unit": ""}}
        for n in range(200)
    ]
    product = make_product(catalogue["valves"], title="无图产品", specs=rows)
    response = client.get(product.url)
    assert response.status_code == 200
    assert soup(response).select_one(".gallery") is None
    assert len(soup(response).select(".specs tr")) == 200


def test_a_quote_request_names_the_product_in_the_inbox_and_the_mail(
    client, catalogue, contact_page
):
    product = make_product(catalogue["pumps"], title="QH 离心泵")
    form = soup(client.get(f"{contact_page.url}?product={product.pk}"))
    assert "QH 离心泵" in form.select_one(".quote-for").get_text()
    assert form.select_one("[name=pr_product]")["value"] == str(product.pk)
    response = client.post(contact_page.url, message_post(pr_product=str(product.pk)))
    assert response.status_code == 200
    message = ContactMessage.objects.get()
    assert message.product == "QH 离心泵"
    assert "pr_product" not in message.form_data
    assert "QH 离心泵" in mail.outbox[0].body


@pytest.mark.parametrize("value", ["", "abc", "99999999", "1" * 30, "-1"])
def test_a_quote_naming_no_product_is_an_ordinary_message(client, contact_page, company, value):
    response = client.post(contact_page.url, message_post(pr_product=value))
    assert response.status_code == 200
    assert ContactMessage.objects.get().product == ""


def test_a_quote_cannot_name_a_page_that_is_not_a_product(client, contact_page, company, catalogue):
    response = client.post(contact_page.url, message_post(pr_product=str(catalogue["pumps"].pk)))
    assert response.status_code == 200
    assert ContactMessage.objects.get().product == ""


def test_a_new_product_starts_with_its_categorys_specification_rows(admin_client, catalogue):
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:add", args=["products", "productpage", catalogue["pumps"].pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    editor = soup(response).select_one("#specs")
    [rows, _errors] = json.loads(editor["data-w-block-arguments-value"])
    assert [(row["value"]["name"], row["value"]["unit"]) for row in rows] == [
        ("流量", "m³/h"),
        ("扬程", "m"),
    ]


def test_purging_a_product_covers_every_list_above_it(catalogue):
    product = make_product(catalogue["metering"], title="隔膜计量泵")
    paths = {address.path for address in urls_showing(product)}
    assert {product.url, "/products/", "/products/pumps/", "/products/pumps/metering/"} <= paths


def test_site_search_finds_a_product_by_a_chinese_word(client, catalogue):
    make_product(catalogue["pumps"], title="QH 离心泵", summary="适用于市政供水和楼宇暖通。")
    response = client.get("/search/", {"q": "暖通"})
    assert response.status_code == 200
    assert "QH 离心泵" in response.content.decode()


def test_a_product_is_described_to_search_engines_without_an_offer(client, catalogue):
    product = make_product(
        catalogue["pumps"], title="QH 离心泵", model_number="QH-100", main_image=make_image("主图")
    )
    page = soup(client.get(product.url))
    blocks = [
        json.loads(script.string) for script in page.select('script[type="application/ld+json"]')
    ]
    [described] = [block for block in blocks if block.get("@type") == "Product"]
    assert described["name"] == "QH 离心泵"
    assert described["model"] == "QH-100"
    assert described["brand"]["name"] == "明川测试仪器有限公司"
    assert described["image"][0].startswith("http")
    assert "offers" not in described
    assert page.select_one('meta[property="og:image"]') is not None


def test_products_are_in_the_xml_sitemap(client, catalogue):
    product = make_product(catalogue["pumps"], title="QH 离心泵")
    response = client.get("/sitemap-1.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert product.url in text and "/products/pumps/" in text


def test_a_long_category_costs_the_same_queries_on_any_of_its_pages(client, catalogue, settings):
    """A category of thousands of products: each numbered page reads one page of them, so the
    cost does not grow with the category (counted at 3 and 40 products, first and last page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PRESSROOM_PRODUCTS_PER_PAGE = 3

    def queries(path):
        client.get(path)  # warm the site-wide values, as a served site has them
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path + "?preview=no-cache").status_code == 200
        return len(captured)

    for n in range(3):
        make_product(catalogue["valves"], title=f"阀门 {n:02d}")
    few = queries("/products/valves/")
    for n in range(3, 40):
        make_product(catalogue["valves"], title=f"阀门 {n:02d}")
    assert queries("/products/valves/") == few
    assert queries("/products/valves/page/14/") == few
    assert client.get("/products/valves/page/15/").status_code == 404


def test_a_3000_character_product_name_is_refused_with_a_message(admin_client, catalogue):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    url = f"/admin/pages/add/products/productpage/{catalogue['valves'].pk}/"
    data = {
        "title": "阀" * 3000,
        "slug": "long-name",
        "model_number": "",
        "summary": "",
        "specs": streamfield([]),
        "body": streamfield([]),
        "downloads": streamfield([]),
        "related_products": streamfield([]),
        "related_news": streamfield([]),
        "gallery": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        "action-publish": "publish",
    }
    response = admin_client.post(url, nested_form_data(data))
    assert response.status_code == 200
    errors = soup(response).select(".error-message")
    assert any("255" in e.get_text() for e in errors), [e.get_text() for e in errors]
    assert not catalogue["valves"].get_children().exists()
