"""List pages describe the pages they list as a schema.org ItemList, in the order shown,
with positions going on across their numbered pages."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import (
    NewsCategoryFactory,
    make_article,
    make_product,
    make_product_category,
    make_product_center,
)

pytestmark = pytest.mark.django_db


def item_list(client, url) -> list[tuple[int, str, str]]:
    """The (position, url, name) of the page's one ItemList, after checking its urls are the
    cards' links in the order the page shows them."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = BeautifulSoup(response.content, "html.parser")
    scripts = html.head.select('script[type="application/ld+json"]')
    (block,) = [b for b in map(json.loads, (s.string for s in scripts)) if b["@type"] == "ItemList"]
    items = [(i["position"], i["url"], i["name"]) for i in block["itemListElement"]]
    shown = ["http://localhost" + a["href"] for a in html.select(".card__title a")]
    assert [item_url for _position, item_url, _name in items] == shown
    return items


def expected(pages, first=1) -> list[tuple[int, str, str]]:
    return [(n, page.get_full_url(), page.title) for n, page in enumerate(pages, start=first)]


@pytest.fixture
def catalogue(home, company, settings):
    """Five products (two list pages), three in one category, two in a sub-category."""
    settings.PRESSROOM_PRODUCTS_PER_PAGE = 3
    center = make_product_center(home)
    pumps = make_product_category(center, "水泵", "pumps")
    metering = make_product_category(pumps, "计量泵", "metering")
    made = [make_product(pumps, title=f"离心泵 {n}") for n in range(3)]
    made += [make_product(metering, title=f"计量泵 {n}") for n in range(2)]
    return center, pumps, made


def test_the_product_center_lists_its_products_across_pages(client, catalogue):
    _center, _pumps, made = catalogue
    in_tree_order = made[3:] + made[:3]  # the sub-category comes before the pumps added later
    assert item_list(client, "/products/") == expected(in_tree_order[:3])
    assert item_list(client, "/products/page/2/") == expected(in_tree_order[3:], first=4)


def test_a_product_category_lists_its_products_across_pages(client, catalogue):
    _center, pumps, made = catalogue
    in_tree_order = made[3:] + made[:3]
    assert item_list(client, "/products/pumps/") == expected(in_tree_order[:3])
    assert item_list(client, "/products/pumps/page/2/") == expected(in_tree_order[3:], first=4)
    assert item_list(client, "/products/pumps/metering/") == expected(made[3:])


def test_an_empty_product_list_has_no_item_list(client, home, company):
    make_product_center(home)
    html = BeautifulSoup(client.get("/products/").content, "html.parser")
    assert "ItemList" not in str(html.head)


@pytest.fixture
def articles(company, news_index, settings):
    """Five articles, newest first (two list pages); three filed in a category, three tagged."""
    settings.PRESSROOM_NEWS_PER_PAGE = 2
    category = NewsCategoryFactory(slug="company", name="公司新闻")
    now = timezone.now()
    made = []
    for n in range(5):
        filed = {"category": category} if n % 2 == 0 else {}
        article = make_article(news_index, when=now - timedelta(hours=n), **filed)
        if n < 3:
            article.tags.add("泵阀")
            article.save_revision().publish()
            type(article).objects.filter(pk=article.pk).update(
                first_published_at=now - timedelta(hours=n)
            )
        made.append(article)
    return made


def test_the_news_center_lists_its_articles_across_pages(client, articles):
    assert item_list(client, "/news/") == expected(articles[:2])
    assert item_list(client, "/news/page/2/") == expected(articles[2:4], first=3)
    assert item_list(client, "/news/page/3/") == expected(articles[4:], first=5)


def test_a_news_category_lists_its_articles_across_pages(client, articles):
    filed = articles[0::2]
    assert item_list(client, "/news/category/company/") == expected(filed[:2])
    assert item_list(client, "/news/category/company/page/2/") == expected(filed[2:], first=3)


def test_a_news_tag_lists_its_articles_across_pages(client, articles):
    tagged = articles[:3]
    assert item_list(client, "/news/tag/泵阀/") == expected(tagged[:2])
    assert item_list(client, "/news/tag/泵阀/page/2/") == expected(tagged[2:], first=3)
