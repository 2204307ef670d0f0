"""On the demo site, a crawler finds every article from robots.txt, each fully described."""

import json

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from pressroom.demo.loader import load_demo
from pressroom.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
REQUIRED = {
    "headline",
    "description",
    "image",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "inLanguage",
}


def path_of(url: str) -> str:
    return url.removeprefix("http://localhost")


def test_demo_articles_are_all_in_the_sitemap_and_fully_described(client, home):
    load_demo()
    robots = client.get("/robots.txt").content.decode()
    index_url = next(
        line.split(":", 1)[1].strip() for line in robots.splitlines() if line.startswith("Sitemap:")
    )
    index = etree.fromstring(client.get(path_of(index_url)).content)
    listed = set()
    for loc in index.iterfind("sm:sitemap/sm:loc", NS):
        urlset = etree.fromstring(client.get(path_of(loc.text)).content)
        listed |= {url.text for url in urlset.iterfind("sm:url/sm:loc", NS)}

    articles = list(NewsArticlePage.objects.published())
    assert articles
    for article in articles:
        url = article.get_full_url()
        assert url in listed
        html = BeautifulSoup(client.get(path_of(url)).content, "html.parser")
        blocks = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]')]
        (news_article,) = [b for b in blocks if b["@type"] == "NewsArticle"]
        missing = REQUIRED - set(news_article)
        assert not missing, (url, missing)
        if article.source_url:
            assert news_article["isBasedOn"] == article.source_url

    home = BeautifulSoup(client.get("/").content, "html.parser")
    home_blocks = [json.loads(s.string) for s in home.select('script[type="application/ld+json"]')]
    (organization,) = [b for b in home_blocks if b["@type"] == "Organization"]
    assert {"telephone", "email", "address"} <= set(organization)
