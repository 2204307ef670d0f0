"""The home page editors compose: banners, then the sections they stack, in both languages."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page

from pressroom.pagecache.showing import Address, urls_showing
from pressroom.pages.models import HomeBanner
from pressroom.pages.setup import translate_site_tree
from tests.factories import (
    NewsCategoryFactory,
    make_article,
    make_image,
    make_product,
    make_product_category,
    make_product_center,
)

pytestmark = pytest.mark.django_db
UNCACHED = "?preview=no-cache"


def page_html(client, path="/"):
    response = client.get(path + UNCACHED)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def compose(home, banners=(), sections=()):
    home.banners = [HomeBanner(sort_order=n, **fields) for n, fields in enumerate(banners)]
    home.sections = list(sections)
    home.save_revision().publish()
    home.refresh_from_db()
    return home


def headings(html):
    return [h.get_text(strip=True) for h in html.select(".home-section h2")]


def test_banners_show_title_text_and_link_in_order(client, home, company, contact_page):
    picture = make_image()
    compose(
        home,
        banners=[
            {
                "image": picture,
                "title": "新厂区投产",
                "text": "产能翻番。",
                "link_page": contact_page,
            },
            {"image": picture, "title": "服务网点", "link_url": "https://example.org/x"},
        ],
        sections=[{"type": "links", "value": {"heading": "友情链接", "items": []}}],
    )
    html = page_html(client)

    slides = html.select(".banners .banner")
    assert [s.select_one(".banner__title").get_text() for s in slides] == ["新厂区投产", "服务网点"]
    assert slides[0].select_one(".banner__line").get_text() == "产能翻番。"
    assert slides[0].select_one("a.button")["href"] == "/contact/"
    assert slides[0].select_one("a.button").get_text().startswith("了解更多")
    assert slides[1].select_one("a.button")["href"] == "https://example.org/x"
    # The first slide's picture loads first; the others wait until they are near.
    assert slides[0].img.get("fetchpriority") == "high"
    assert slides[1].img.get("loading") == "lazy"
    assert slides[0].img["width"] == "1600" and slides[0].img["height"] == "600"
    # Two slides: the script that moves them, from a file (the CSP allows no inline script).
    assert html.select_one('script[src*="carousel"]') is not None
    inline = [s for s in html.select("script:not([type='application/ld+json'])") if s.string]
    assert not inline
    assert len(html.select(".banners__dots a")) == 2


def test_a_banner_whose_picture_or_page_is_gone_still_renders(client, home, company):
    picture = make_image()
    target = Page.objects.get(pk=home.get_children().first().pk)
    compose(home, banners=[{"image": picture, "title": "只剩文字", "link_page": target}])
    picture.delete()
    target.specific.unpublish()

    html = page_html(client)
    slide = html.select_one(".banner")
    assert slide.select_one(".banner__title").get_text() == "只剩文字"
    assert slide.img is None
    assert slide.select_one("a") is None  # an unpublished page is not linked
    assert html.select_one('script[src*="carousel"]') is None  # one slide: nothing to move


def test_a_banner_links_to_a_page_or_an_address_not_both(home, contact_page):
    banner = HomeBanner(
        page=home, title="两者都填", link_page=contact_page, link_url="https://example.org/"
    )
    with pytest.raises(ValidationError) as error:
        banner.clean()
    assert "link_url" in error.value.message_dict


def test_sections_show_in_the_order_the_editor_stacked_them(client, home, company, news_index):
    center = make_product_center(home)
    pumps = make_product_category(center, "水泵", "pumps")
    older = make_product(pumps, title="旧款水泵")
    make_product(pumps, title="新款水泵")
    draft = make_product(pumps, title="未发布水泵")
    draft.unpublish()
    company_news = NewsCategoryFactory(slug="company", name="公司新闻")
    industry = NewsCategoryFactory(slug="industry", name="行业动态")
    make_article(news_index, title="公司的消息", category=company_news)
    make_article(news_index, title="行业的消息", category=industry)
    about = home.get_children().first()
    compose(
        home,
        sections=[
            {
                "type": "numbers",
                "value": {
                    "heading": "数字",
                    "items": [{"value": "58", "unit": "项", "label": "专利"}],
                },
            },
            {
                "type": "about",
                "value": {"heading": "关于", "text": "<p>我们造泵。</p>", "page": about.pk},
            },
            {
                "type": "products",
                "value": {
                    "heading": "产品",
                    "page": center.pk,
                    "count": 1,
                    "show_categories": True,
                },
            },
            {
                "type": "news",
                "value": {
                    "heading": "新闻",
                    "categories": [industry.pk, company_news.pk],
                    "count": 5,
                },
            },
        ],
    )
    html = page_html(client)

    # ... and the contact block closes the page, as it ends every other page's sidebar.
    assert headings(html) == ["数字", "关于", "产品", "新闻", "联系我们"]
    numbers = html.select_one(".home-numbers")
    assert numbers.dt.get_text() == "专利"
    assert numbers.dd.get_text() == "58项"
    assert html.select_one(".home-about .button")["href"] == about.url
    products = html.select_one(".home-products")
    assert [a.get_text() for a in products.select(".card__title a")] == ["新款水泵"]
    assert [a.get_text() for a in products.select(".home-products__categories a")] == ["水泵"]
    assert older.title not in products.get_text()
    columns = html.select(".home-news__column")
    assert [c.h3.get_text() for c in columns] == ["行业动态", "公司新闻"]
    assert [c.select_one(".news-list a").get_text() for c in columns] == [
        "行业的消息",
        "公司的消息",
    ]
    assert html.select_one(".home-news a.more")["href"] == "/news/"
    # A home page with sections has them instead of the plain welcome and news list.
    assert html.select_one(".hero") is None
    assert html.select_one(".sidebar") is None


def test_the_english_home_shows_the_english_pages_the_chinese_sections_chose(
    client, home, company, news_index
):
    center = make_product_center(home)
    category = make_product_category(center, "阀门", "valves")
    make_product(category, title="蝶阀")
    compose(
        home,
        sections=[
            {
                "type": "products",
                "value": {"heading": "Products", "page": center.pk, "count": 4},
            },
            {"type": "news", "value": {"heading": "News", "categories": [], "count": 3}},
        ],
    )
    make_article(news_index, title="中文新闻")
    en_home = translate_site_tree(home)[0].specific
    en = Locale.objects.get(language_code="en")
    from pressroom.i18n.tree import translate_page

    en_center, _ = translate_page(center, en, title="Products")
    en_category, _ = translate_page(category, en, title="Valves")
    product = category.get_children().first().specific
    translate_page(product, en, title="Butterfly valve")
    compose(en_home, sections=home.sections.raw_data)

    html = page_html(client, en_home.url)
    products = html.select_one(".home-products")
    assert products.select_one("a.more")["href"] == en_center.url
    assert [a.get_text() for a in products.select(".card__title a")] == ["Butterfly valve"]
    assert [a.get_text() for a in products.select(".home-products__categories a")] == ["Valves"]
    # The English home lists English news only: there is none yet.
    assert "中文新闻" not in html.select_one(".home-news").get_text()


def test_a_section_whose_page_is_unpublished_is_left_out(client, home, company):
    center = make_product_center(home)
    compose(
        home,
        sections=[
            {"type": "products", "value": {"heading": "产品", "page": center.pk, "count": 4}},
            {"type": "latest_pages", "value": {"heading": "案例", "page": center.pk, "count": 4}},
            {
                "type": "links",
                "value": {
                    "heading": "友情链接",
                    "items": [{"name": "示例协会", "url": "https://example.org/"}],
                },
            },
        ],
    )
    center.unpublish()

    html = page_html(client)
    assert headings(html) == ["友情链接", "联系我们"]


def test_publishing_a_product_purges_the_home_page_that_shows_it(home, company, site):
    center = make_product_center(home)
    category = make_product_category(center, "水泵", "pumps")
    compose(home, sections=[{"type": "products", "value": {"heading": "产品", "page": center.pk}}])
    product = make_product(category)

    assert Address(site.pk, "/") in urls_showing(product)


def test_certificates_strip_shows_the_first_certificates_of_the_honours_page(client, home, company):
    from pressroom.showcase.models import Honour, HonourIndexPage

    honours = HonourIndexPage(title="资质荣誉", slug="honours")
    honours.honours = [
        Honour(image=make_image(), title="ISO 9001 证书"),
        Honour(image=None, title="没有图片的证书"),
        Honour(image=make_image(), title="第三张证书"),
    ]
    home.add_child(instance=honours)
    honours.save_revision().publish()
    compose(
        home,
        sections=[
            {"type": "honours", "value": {"heading": "资质荣誉", "page": honours.pk, "count": 2}}
        ],
    )

    strip = page_html(client).select_one(".home-honours")
    assert [c.get_text(strip=True) for c in strip.select("figcaption")] == [
        "ISO 9001 证书",
        "没有图片的证书",
    ]
    assert len(strip.select("img")) == 1  # the certificate without a picture keeps its place
    assert strip.select_one("a.more")["href"] == "/honours/"

    honours.unpublish()
    assert page_html(client).select_one(".home-honours") is None


def test_a_latest_cases_section_reads_their_pictures_at_once(client, home, company):
    """The home page's queries do not grow with the cases a section shows: their pictures
    (with their thumbnails) are read together, not one by one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_case, make_cases_page

    cases = make_cases_page(home)
    make_case(cases, title="一号泵站", main_image=make_image())
    section = {"type": "latest_pages", "value": {"heading": "案例", "page": cases.pk, "count": 8}}
    compose(home, sections=[section])
    page_html(client)  # the first render makes the thumbnails
    with CaptureQueriesContext(connection) as one:
        html = page_html(client)
    assert len(html.select(".home-latest__list img")) == 1

    for n in range(4):
        make_case(cases, title=f"{n + 2}号泵站", main_image=make_image())
    compose(home, sections=[section])
    page_html(client)
    with CaptureQueriesContext(connection) as five:
        html = page_html(client)
    assert len(html.select(".home-latest__list img")) == 5
    assert len(five) == len(one)
