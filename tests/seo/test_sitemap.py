"""A crawler starting at robots.txt reaches a valid sitemap listing every live page once."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import xmlschema
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from pressroom.news.models import NewsArticlePage
from pressroom.pagecache import store
from pressroom.seo.models import SeoSettings
from tests.factories import make_article

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def urlset_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "sitemap.xsd"))


@pytest.fixture(scope="module")
def index_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "siteindex.xsd"))


def local_path(url: str) -> str:
    assert url.startswith("http://localhost/"), url
    return url[len("http://localhost") :]


def crawl(client, urlset_schema, index_schema) -> list[etree._Element]:
    """Follow robots.txt to the sitemap index and fetch every sitemap; return all <url>s."""
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert robots["Content-Type"].startswith("text/plain")
    sitemap_lines = [
        line for line in robots.content.decode().splitlines() if line.startswith("Sitemap:")
    ]
    assert len(sitemap_lines) == 1
    index = client.get(local_path(sitemap_lines[0].split(":", 1)[1].strip()))
    assert index.status_code == 200
    index_schema.validate(index.content)
    urls = []
    for loc in etree.fromstring(index.content).iterfind("sm:sitemap/sm:loc", NS):
        section = client.get(local_path(loc.text))
        assert section.status_code == 200
        assert section["Content-Type"].startswith("application/xml")
        urlset_schema.validate(section.content)
        urls += etree.fromstring(section.content).findall("sm:url", NS)
    return urls


def locs(urls) -> list[str]:
    return [url.findtext("sm:loc", namespaces=NS) for url in urls]


def test_robots_leads_to_a_valid_sitemap_of_every_live_page_once(
    client, english, bilingual_article, news_index, urlset_schema, index_schema
):
    articles = [make_article(news_index) for _ in range(3)]
    articles.append(make_article(news_index, slug="新厂房-投产"))  # a Chinese slug, percent-encoded
    hidden = [
        make_article(news_index, live=False, title="草稿"),
        make_article(news_index, title="已过期", expire_at=timezone.now() - timedelta(hours=1)),
        make_article(news_index, title="内部"),
    ]
    PageViewRestriction.objects.create(page=hidden[2], restriction_type="password", password="x")
    listed = locs(crawl(client, urlset_schema, index_schema))

    assert len(listed) == len(set(listed)), "a page is listed twice"
    expected = {
        page.get_full_url()
        for page in Page.objects.live().filter(depth__gt=1)
        if page.pk not in {h.pk for h in hidden}
    }
    assert set(listed) == expected
    for article in [*articles, *bilingual_article]:
        assert article.get_full_url() in listed
    assert "http://localhost/en/news/" in listed
    for article in hidden:
        assert article.get_full_url() not in listed


def test_lastmod_is_the_last_publish_and_translations_are_alternates(
    client, bilingual_article, urlset_schema, index_schema
):
    zh, en = bilingual_article
    NewsArticlePage.objects.filter(pk=zh.pk).update(
        last_published_at=datetime(2024, 6, 15, 0, 1, 2, tzinfo=UTC)
    )
    urls = {
        url.findtext("sm:loc", namespaces=NS): url
        for url in crawl(client, urlset_schema, index_schema)
    }
    entry = urls[zh.get_full_url()]
    assert entry.findtext("sm:lastmod", namespaces=NS) == "2024-06-15T00:01:02Z"
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", NS)
    }
    assert alternates == {
        "zh-Hans": "http://localhost/news/bilingual/",
        "en": "http://localhost/en/news/bilingual/",
        "x-default": "http://localhost/news/bilingual/",
    }
    en_links = {link.get("hreflang") for link in urls[en.get_full_url()].findall("xhtml:link", NS)}
    assert en_links == {"zh-Hans", "en", "x-default"}


def test_an_untranslated_page_has_no_alternates(client, home, urlset_schema, index_schema):
    urls = crawl(client, urlset_schema, index_schema)
    assert urls and all(not url.findall("xhtml:link", NS) for url in urls)


def test_index_splits_into_sitemaps_of_the_configured_size(
    client, settings, news_index, urlset_schema, index_schema
):
    settings.PRESSROOM_SITEMAP_URLS = 3
    for _ in range(5):
        make_article(news_index)
    index = etree.fromstring(client.get("/sitemap.xml").content)
    sections = index.findall("sm:sitemap/sm:loc", NS)
    live_pages = Page.objects.live().filter(depth__gt=1).count()  # home, 4 children, 5 articles
    assert live_pages == 10
    assert len(sections) == 4
    listed = locs(crawl(client, urlset_schema, index_schema))
    assert len(listed) == len(set(listed)) == 10
    assert client.get("/sitemap-5.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


@pytest.mark.parametrize("number", ["2", "9223372036854775807", "9" * 40])
def test_a_section_past_the_end_is_not_found_however_large_its_number(client, home, number):
    assert client.get("/sitemap-1.xml").status_code == 200
    assert client.get(f"/sitemap-{number}.xml").status_code == 404


def test_sitemap_limit_never_exceeds_the_protocol(settings, home):
    from pressroom.seo.sitemaps import urls_per_sitemap

    settings.PRESSROOM_SITEMAP_URLS = 10**6
    assert urls_per_sitemap() == 50_000


def test_queries_do_not_grow_with_the_number_of_pages(client, english, news_index):
    def queries_for_sitemap():
        with CaptureQueriesContext(connection) as captured:  # a query string skips the cache
            assert client.get("/sitemap-1.xml?render").status_code == 200
        return len(captured.captured_queries)

    make_article(news_index)
    queries_for_sitemap()  # fills the site and content-type caches
    few = queries_for_sitemap()
    for _ in range(10):
        make_article(news_index)
    assert queries_for_sitemap() == few
    assert few <= 8  # 7, and when the next job posting closes (the section's Expires)


def test_sitemap_never_loads_article_bodies(client, news_index):
    make_article(news_index)
    with CaptureQueriesContext(connection) as captured:
        client.get("/sitemap-1.xml")
    assert not any("body" in query["sql"] for query in captured.captured_queries)


def test_robots_txt_is_editable_and_always_names_the_sitemap(client, site):
    default = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in default
    assert "Sitemap: http://localhost/sitemap.xml" in default

    seo = SeoSettings.for_site(site)
    seo.robots_txt = "User-agent: *\r\nDisallow: /private/"
    seo.save()
    text = client.get("/robots.txt").content.decode()
    assert text.splitlines()[:2] == ["User-agent: *", "Disallow: /private/"]
    assert text.count("Sitemap:") == 1

    seo.robots_txt = "User-agent: *\nSitemap: https://cdn.example.com/sitemap.xml"
    seo.save()
    text = client.get("/robots.txt").content.decode()
    assert text.count("Sitemap:") == 1 and "cdn.example.com" in text


def test_sitemap_and_robots_refuse_writes(client, home):
    assert client.post("/sitemap.xml").status_code == 405
    assert client.post("/robots.txt").status_code == 405


def test_each_site_lists_only_its_own_pages(client, home, urlset_schema, index_schema):
    from wagtail.models import Site

    from pressroom.pages.models import HomePage
    from tests.factories import publish

    other_home = publish(Page.get_first_root_node(), HomePage(title="分站", slug="branch"))
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_home)
    ours = locs(crawl(client, urlset_schema, index_schema))
    assert "http://localhost/" in ours
    assert not any(url.startswith("http://127.0.0.1") for url in ours)

    # The page cache keys on the path alone: one installation serves one site
    # (docs/caching.md). The sitemap code itself keeps sites apart, which this checks.
    store.cache().clear()
    other_index = etree.fromstring(client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content)
    (loc,) = other_index.iterfind("sm:sitemap/sm:loc", NS)
    assert loc.text == "http://127.0.0.1/sitemap-1.xml"
    store.cache().clear()
    theirs = etree.fromstring(client.get("/sitemap-1.xml", HTTP_HOST="127.0.0.1").content)
    assert locs(theirs.findall("sm:url", NS)) == ["http://127.0.0.1/"]
