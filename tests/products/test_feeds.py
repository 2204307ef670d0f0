"""The product center's feeds of new products: RSS 2.0 and Atom, one per language."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pressroom.products.models import ProductPage
from tests.factories import make_image, make_product, make_product_category, make_product_center
from tests.seo.conftest import translate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_xml(client, url, kind=None):
    """The feed at ``url``, parsed; its content type checked."""
    response = client.get(url)
    assert response.status_code == 200, url
    kind = kind or url.rstrip("/").rsplit("/", 1)[-1]
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    return ET.fromstring(response.content), response


def rss_links(root) -> list[str]:
    return [item.findtext("link") for item in root.iter("item")]


def atom_links(root) -> list[str]:
    return [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]


def advertised_feeds(client, url) -> dict[str, str]:
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        link["href"]: link["type"]
        for link in html.select('head link[rel="alternate"][type]')
        if link["type"].endswith("+xml")
    }


@pytest.fixture
def catalogue(home, company):
    center = make_product_center(home)
    pumps = make_product_category(center, "水泵", "pumps")
    valves = make_product_category(center, "阀门", "valves")
    return {"center": center, "pumps": pumps, "valves": valves}


@pytest.fixture
def products(catalogue):
    """Three products in two categories, published a day apart (the valve is the newest)."""
    now = timezone.now()
    old = make_product(catalogue["pumps"], title="老款离心泵", when=now - timedelta(days=2))
    pictured = make_product(
        catalogue["pumps"],
        title="新款计量泵 <b>",
        summary="流量大 & 噪音低。",
        main_image=make_image(size=(1600, 900)),
        when=now - timedelta(days=1),
    )
    newest = make_product(catalogue["valves"], title="电动调节阀", when=now)
    return old, pictured, newest


def test_rss_lists_the_newest_products_first_with_every_field(client, products):
    old, pictured, newest = products
    root, response = feed_xml(client, "/products/feed/rss/")
    channel = root.find("channel")
    assert channel.findtext("title") == "明川测试仪器有限公司 - 产品中心"
    assert channel.findtext("link") == "http://localhost/products/"
    assert rss_links(root) == [p.get_full_url() for p in (newest, pictured, old)]
    item = root.findall("channel/item")[1]
    assert item.findtext("title") == "新款计量泵 <b>"
    assert item.findtext("description") == "流量大 & 噪音低。"
    assert parsedate_to_datetime(item.findtext("pubDate")) == pictured.first_published_at.replace(
        microsecond=0
    )
    updated = datetime.fromisoformat(item.findtext(f"{ATOM}updated"))
    assert updated == pictured.last_published_at
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/png"
    assert enclosure.get("url").startswith("http://localhost/media/images/")
    picture = client.get(enclosure.get("url")[len("http://localhost") :])
    assert int(enclosure.get("length")) == len(b"".join(picture.streaming_content)) > 0
    # Without a main picture the entry has no enclosure.
    assert root.findall("channel/item")[0].find("enclosure") is None
    assert b"<b>" not in response.content


def test_atom_has_published_and_updated_dates(client, products):
    old, pictured, newest = products
    pictured.title = "新款计量泵（二代）"
    pictured.save_revision().publish()  # published again: updated moves, published stays
    pictured.refresh_from_db()
    root, _ = feed_xml(client, "/products/feed/atom/")
    assert root.tag == f"{ATOM}feed"
    # Republishing does not make an older product new: still ordered by first publication.
    assert atom_links(root) == [p.get_full_url() for p in (newest, pictured, old)]
    entry = root.findall(f"{ATOM}entry")[1]
    assert entry.findtext(f"{ATOM}title") == "新款计量泵（二代）"
    published = datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
    updated = datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
    assert published == pictured.first_published_at
    assert updated == pictured.last_published_at > published
    assert entry.find(f"{ATOM}link[@rel='enclosure']").get("type") == "image/png"


def test_drafts_unpublished_and_restricted_products_stay_out(client, catalogue):
    shown = make_product(catalogue["pumps"], title="公开产品")
    draft = ProductPage(title="草稿产品", slug="draft", live=False)
    catalogue["pumps"].add_child(instance=draft)
    draft.save_revision()
    make_product(catalogue["pumps"], title="下架产品").unpublish()
    private = make_product(catalogue["valves"], title="内部产品")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    hidden_category = make_product_category(catalogue["center"], "内部分类", "internal")
    make_product(hidden_category, title="内部分类的产品")
    PageViewRestriction.objects.create(
        page=hidden_category, restriction_type="password", password="x"
    )
    rss, _ = feed_xml(client, "/products/feed/rss/")
    assert [item.findtext("title") for item in rss.iter("item")] == [shown.title]
    atom, _ = feed_xml(client, "/products/feed/atom/")
    assert atom_links(atom) == [shown.get_full_url()]


def test_the_feed_holds_the_newest_products_up_to_the_limit(client, settings, catalogue):
    settings.PRESSROOM_FEED_ITEMS = 3
    now = timezone.now()
    made = [make_product(catalogue["pumps"], when=now - timedelta(hours=n)) for n in range(5)]
    root, _ = feed_xml(client, "/products/feed/rss/")
    assert rss_links(root) == [product.get_full_url() for product in made[:3]]


def test_conditional_get_answers_304_until_a_product_is_published(client, products, catalogue):
    _root, response = feed_xml(client, "/products/feed/rss/")
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert etag and last_modified
    again = client.get("/products/feed/rss/", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    since = client.get("/products/feed/rss/", headers={"if-modified-since": last_modified})
    assert since.status_code == 304
    # RSS and Atom of the same products are different documents with different tags.
    assert client.get("/products/feed/atom/")["ETag"] != etag

    make_product(catalogue["valves"], when=timezone.now() + timedelta(seconds=5))
    fresh = client.get("/products/feed/rss/", headers={"if-none-match": etag})
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    products[2].unpublish()
    assert client.get("/products/feed/rss/")["ETag"] != fresh["ETag"]


@pytest.mark.parametrize(
    "url", ["/products/feed/json/", "/products/feed/rss/extra/", "/products/pumps/feed/rss/"]
)
def test_unknown_feeds_are_404(client, products, url):
    assert client.get(url).status_code == 404


def test_the_product_center_links_its_feeds_in_its_head(client, products):
    feeds = advertised_feeds(client, "/products/")
    assert feeds["/products/feed/rss/"] == "application/rss+xml"
    assert feeds["/products/feed/atom/"] == "application/atom+xml"
    assert "/news/feed/rss/" in feeds  # the news center's, as on every page
    html = BeautifulSoup(client.get("/products/").content, "html.parser")
    link = html.select_one('head link[href="/products/feed/rss/"]')
    assert link["title"] == "明川测试仪器有限公司 - 产品中心 (RSS)"
    # Its feeds are its own: a category or a product does not advertise them.
    assert "/products/feed/rss/" not in advertised_feeds(client, "/products/pumps/")
    assert "/products/feed/rss/" not in advertised_feeds(client, products[0].url)


@pytest.fixture
def english_catalogue(home, catalogue, products):
    """The English product center, with one of the three products translated."""
    translate(home, title="Home")
    center = translate(catalogue["center"], title="Products")
    translate(catalogue["pumps"], title="Pumps")
    product = translate(products[1], title="Metering pump", summary="High flow, low noise.")
    return center, product


def test_the_english_product_center_has_its_own_feed(client, products, english_catalogue):
    center, product = english_catalogue
    assert center.url == "/en/products/"
    feeds = advertised_feeds(client, "/en/products/")
    assert feeds["/en/products/feed/rss/"] == "application/rss+xml"
    assert "/products/feed/rss/" not in feeds
    root, _ = feed_xml(client, "/en/products/feed/rss/")
    assert root.findtext("channel/language") == "en"
    assert rss_links(root) == [product.get_full_url()]
    assert root.findtext("channel/item/description") == "High flow, low noise."
    atom, _ = feed_xml(client, "/en/products/feed/atom/")
    assert atom_links(atom) == [product.get_full_url()]
    # The Chinese feed keeps the Chinese products only.
    zh, _ = feed_xml(client, "/products/feed/rss/")
    assert rss_links(zh) == [p.get_full_url() for p in reversed(products)]
