"""Two company sites on one installation: each visitor gets their own site's pages, lists,
feeds and sitemaps from the cache, and a change on one site purges nothing on the other."""

import itertools

import pytest
from django.test import Client, RequestFactory
from wagtail.models import Site

from pressroom.pagecache import store
from pressroom.pagecache.sites import rows_from_database, site_for_host
from tests.factories import make_article
from tests.pagecache.test_serving import wsgi_get

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/",
    "/news/",
    "/news/launch/",
    "/news/feed/rss/",
    "/news/feed/atom/",
    "/sitemap/",
    "/sitemap.xml",
    "/sitemap-1.xml",
    "/robots.txt",
]


def get(path, host="testserver"):
    response = Client().get(path, HTTP_HOST=host)
    return response.status_code, response.headers.get("X-Page-Cache"), response.content


def test_no_page_list_feed_or_sitemap_crosses_over(two_sites):
    for path in ADDRESSES:
        status, _state, body_a = get(path)
        assert (status, get(path)[1]) == (200, "hit"), path
        status, state, body_b = get(path, "b.test")
        assert (status, state) == (200, "miss"), path  # not site A's entry
        assert body_b != body_a, path
        assert get(path, "b.test")[1:] == ("hit", body_b), path
        assert get(path)[1:] == ("hit", body_a), path
        status, headers, body = wsgi_get(path, HTTP_HOST="b.test")
        assert (headers.get("X-Page-Cache"), body) == ("hit", body_b), path
    assert "乙公司的新品发布".encode() in get("/news/", "b.test")[2]
    assert "甲公司的新品发布".encode() not in get("/news/", "b.test")[2]
    assert "乙公司的新品发布".encode() not in get("/news/feed/rss/")[2]
    assert b"http://b.test/news/launch/" in get("/sitemap-1.xml", "b.test")[2]
    assert b"b.test" not in get("/sitemap-1.xml")[2] + get("/robots.txt")[2]


def test_purges_stay_on_their_site(two_sites):
    site_a, site_b, news_b = two_sites
    for path, host in itertools.product(ADDRESSES, ["testserver", "b.test"]):
        get(path, host)
    on_a = {path: get(path) for path in ADDRESSES}
    assert all(state == "hit" for _status, state, _body in on_a.values())
    make_article(news_b, title="乙公司的第二条新闻", slug="second")
    for path in ["/", "/news/", "/news/launch/", "/news/feed/rss/", "/sitemap-1.xml"]:
        assert get(path) == on_a[path], path  # site A's copy stays, asked first
        _status, headers, body = wsgi_get(path)
        assert (headers["X-Page-Cache"], body) == ("hit", on_a[path][2]), path
        assert get(path, "b.test")[1] == "miss", path
    assert "乙公司的第二条新闻".encode() in get("/news/", "b.test")[2]


def test_a_host_no_site_names_is_the_default_sites(two_sites):
    _status, _state, body = get("/news/launch/")
    assert get("/news/launch/", "alias.test")[1:] == ("hit", body)
    status, headers, wsgi_body = wsgi_get("/news/launch/", HTTP_HOST="alias.test")
    assert (headers["X-Page-Cache"], wsgi_body) == ("hit", body)


def test_a_site_that_changes_its_host_name_is_served_at_the_new_one(two_sites):
    _site_a, site_b, _news_b = two_sites
    get("/news/launch/", "b.test")
    assert get("/news/launch/", "b.test")[1] == "hit"
    site_b.hostname = "c.test"
    site_b.save()
    # b.test now falls back to the default site, A: never B's cached page.
    status, _state, body = get("/news/launch/", "b.test")
    assert status == 200 and "甲公司的新品发布".encode() in body
    status, headers, body = wsgi_get("/news/launch/", HTTP_HOST="b.test")
    assert "乙公司".encode() not in body


def test_the_site_is_chosen_as_wagtail_chooses_it(home):
    """Over several Site tables, hosts and ports, the page cache's choice is Wagtail's."""
    tables = [
        [("a.test", 80, True), ("b.test", 80, False), ("b.test", 8080, False)],
        [("a.test", 80, False), ("a.test", 8000, False)],  # no default site
        [("a.test", 80, True), ("b.test", 8000, False)],
        [("b.test", 8000, True), ("b.test", 80, False), ("c.test", 443, False)],
        [("a.test", 443, True), ("a.test", 80, False), ("c.test", 80, False)],
    ]
    factory = RequestFactory()
    for table in tables:
        Site.objects.all().delete()
        for hostname, port, default in table:
            Site.objects.create(
                hostname=hostname, port=port, is_default_site=default, root_page=home
            )
        rows = rows_from_database()
        for hostname, port in itertools.product(
            ["a.test", "b.test", "c.test", "unknown.test"], ["80", "443", "8000", "8080", "9999"]
        ):
            request = factory.get("/", HTTP_HOST=hostname, SERVER_PORT=port)
            wagtails = Site.find_for_request(request)
            expected = wagtails.pk if wagtails is not None else None
            assert site_for_host(rows, hostname, port) == expected, (table, hostname, port)


def test_keys_name_the_site_never_the_host(two_sites):
    site_a, site_b, _news_b = two_sites
    key_b = store.find("b.test", "80", "/news/", build_sites=True).key
    assert key_b == store.key_for(site_b.pk, "/news/")
    assert key_b != store.find("testserver", "80", "/news/").key
    assert store.find("alias.test", "80", "/news/").key == store.key_for(site_a.pk, "/news/")
    assert "b.test" not in key_b
