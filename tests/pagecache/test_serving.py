"""What anonymous visitors get from the page cache, and who bypasses it."""

import gzip

import brotli
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from pressroom.pagecache import store
from pressroom.pages.setup import translate_site_tree
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def state(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def article(company, news_index):
    return make_article(news_index, title="缓存测试新闻")


def test_second_visit_is_served_without_the_database(client, article, django_assert_num_queries):
    first = client.get(article.url)
    assert (first.status_code, state(first)) == (200, "miss")
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert (second.status_code, state(second)) == (200, "hit")
    assert second.content == first.content
    assert "缓存测试新闻" in second.content.decode()
    assert second["Cache-Control"] == "public, max-age=60"
    assert second["Content-Type"].startswith("text/html")
    assert second["X-Frame-Options"] == "DENY"


def test_every_public_page_type_is_cached(client, home, article, sitemap_page):
    translate_site_tree(home)  # the English home page
    for url in ["/", "/news/", article.url, "/sitemap/", "/en/"]:
        client.get(url)
        assert state(client.get(url)) == "hit", url


def test_a_query_string_bypasses_the_cache(client, article, django_assert_max_num_queries):
    client.get(article.url)
    response = client.get(article.url + "?keyword=x")
    assert response.status_code == 200 and state(response) is None
    # ...and a query-string request is never stored for others.
    client.get("/news/?x=1")
    assert state(client.get("/news/")) == "miss"


def test_headers_and_cookies_cannot_poison_the_cache(client, article, home):
    translate_site_tree(home)  # the English home and news center
    hostile = client.get(
        "/news/",
        HTTP_ACCEPT_LANGUAGE="en",
        HTTP_COOKIE="django_language=en; theme=dark",
        HTTP_X_FORWARDED_HOST="evil.test",
        HTTP_USER_AGENT="<script>alert(1)</script>",
    )
    assert hostile.status_code == 200
    assert state(hostile) == "miss"
    plain = Client().get("/news/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert state(plain) == "hit"
    html = BeautifulSoup(plain.content, "html.parser")
    assert html.html["lang"] == "zh-Hans"
    assert b"evil.test" not in plain.content and b"<script>alert" not in plain.content
    # The English page has its own entry, chosen by its /en/ path only.
    english = client.get("/en/news/")
    assert state(english) == "miss"
    assert BeautifulSoup(english.content, "html.parser").html["lang"] == "en"


def test_a_forged_session_cookie_is_served_the_public_page(client, article):
    client.get("/news/")
    forged = Client().get("/news/", HTTP_COOKIE="sessionid=forged")
    assert state(forged) == "hit"
    assert BeautifulSoup(forged.content, "html.parser").html["lang"] == "zh-Hans"


def test_keys_tell_sites_languages_and_paths_apart():
    addresses = [(site, path) for site in (1, 2) for path in ("/news/", "/en/news/", "/news/a/")]
    keys = {store.key_for(*address) for address in addresses}
    assert len(keys) == len(addresses)
    assert ":1:en:" in store.key_for(1, "/en/news/")
    assert ":2:zh-hans:" in store.key_for(2, "/news/")
    # A path written in any case or encoding is its own key (and Wagtail its own page).
    assert store.key_for(1, "/news/a/") != store.key_for(1, "/News/a/")


def test_a_hostile_host_or_query_string_never_reaches_a_key(client, article, site):
    client.get(article.url)
    plain = store.find("testserver", "80", article.url).key
    assert plain == store.key_for(site.pk, article.url)
    for hostname in ["localhost", "127.0.0.1"]:  # every host of the one site: one entry
        assert store.find(hostname, "80", article.url).key == plain
    response = client.get(article.url, HTTP_HOST="localhost:8000")
    assert (response.status_code, state(response)) == (200, "hit")


def test_logged_in_editors_bypass_the_cache(client, article):
    client.get(article.url)  # cached for visitors
    editor = get_user_model().objects.create_superuser("editor", "", "pw")
    client.force_login(editor)
    response = client.get(article.url)
    assert response.status_code == 200 and state(response) is None
    client.logout()
    assert state(client.get(article.url)) == "hit"


def test_an_editors_page_view_is_not_stored(client, article):
    editor = get_user_model().objects.create_superuser("editor", "", "pw")
    client.force_login(editor)
    client.get("/news/")
    client.logout()
    assert state(client.get("/news/")) == "miss"


def test_restricted_pages_are_never_cached(client, article):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200 and state(response) is None
        assert "缓存测试新闻" not in response.content.decode()


def test_not_found_is_not_cached(client, home):
    for _ in range(2):
        response = client.get("/no-such-page/")
        assert response.status_code == 404 and state(response) is None


def test_pages_that_use_the_csrf_token_are_not_cached(client, article, monkeypatch):
    from pressroom.news.models import NewsArticlePage

    original = NewsArticlePage.get_context

    def with_token(self, request, *args, **kwargs):
        from django.middleware.csrf import get_token

        get_token(request)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(NewsArticlePage, "get_context", with_token)
    for _ in range(2):
        assert state(client.get(article.url)) is None


def test_if_none_match_gets_a_304(client, article):
    first = client.get(article.url)
    etag = first["ETag"]
    assert etag.startswith('"') and not etag.startswith('"W/')
    again = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    other = client.get(article.url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_compressed_when_the_client_asks(client, article):
    plain = client.get(article.url)
    zipped = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content
    assert len(zipped.content) < len(plain.content) / 2
    assert "Accept-Encoding" in zipped["Vary"]
    assert zipped["ETag"] != plain["ETag"]
    br = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain.content
    refused = client.get(article.url, HTTP_ACCEPT_ENCODING="gzip;q=0, br;q=0")
    assert "Content-Encoding" not in refused and refused.content == plain.content


@pytest.fixture
def long_article(company, news_index):
    text = "".join(
        f"<p>第{n}段：泵站设备巡检记录，压力与流量均在正常范围。</p>" for n in range(2000)
    )
    return make_article(
        news_index, title="长篇巡检报告", body=[{"type": "paragraph", "value": text}]
    )


def test_a_large_page_is_kept_compressed_and_served_whole_either_way(client, long_article):
    """A body over 64 KB (a sitemap section of thousands of addresses, here a long article)
    is kept compressed only: a client that takes it plain still gets every byte."""
    rendered = client.get(long_article.url)
    assert state(rendered) == "miss" and len(rendered.content) > 64 * 1024
    entry = store.find("testserver", 80, long_article.url).entry
    assert entry["body"] is None and len(entry["variants"]["br"]) < len(rendered.content) / 10

    plain = client.get(long_article.url)
    assert state(plain) == "hit" and plain.content == rendered.content
    assert int(plain["Content-Length"]) == len(rendered.content)
    zipped = client.get(long_article.url, HTTP_ACCEPT_ENCODING="gzip")
    assert gzip.decompress(zipped.content) == rendered.content
    br = client.get(long_article.url, HTTP_ACCEPT_ENCODING="br")
    assert brotli.decompress(br.content) == rendered.content
    head = client.head(long_article.url)
    assert head.content == b"" and int(head["Content-Length"]) == len(rendered.content)


def test_head_gets_headers_only(client, article):
    body = client.get(article.url).content
    head = client.head(article.url)
    assert state(head) == "hit" and head.content == b""
    assert int(head["Content-Length"]) == len(body)


def test_admin_and_posts_are_never_cached(client, article):
    assert state(client.get("/admin/login/")) is None
    assert state(client.post(article.url)) is None


def test_a_disallowed_host_gets_a_400_even_when_cached(client, article):
    client.get(article.url)
    response = client.get(article.url, HTTP_HOST="evil.test")
    assert response.status_code == 400 and state(response) is None


def wsgi_get(path, **extra):
    import io

    from django.core.handlers.wsgi import WSGIHandler

    from pressroom.pagecache.wsgi import CachedPagesApp

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        **extra,
    }
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    body = b"".join(CachedPagesApp(WSGIHandler())(environ, start_response))
    return started["status"], started["headers"], body


def test_the_wsgi_layer_answers_hits_alone(client, article, django_assert_num_queries):
    page = client.get(article.url)
    with django_assert_num_queries(0):
        status, headers, body = wsgi_get(article.url)
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit"
    assert body == page.content
    assert headers["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware's headers kept
    status, headers, body = wsgi_get(article.url, HTTP_IF_NONE_MATCH=headers["ETag"])
    assert status == "304 Not Modified" and body == b""


def test_the_wsgi_layer_leaves_the_rest_to_django(client, article):
    client.get(article.url)
    for extra in [
        {"HTTP_HOST": "evil.test"},
        {"QUERY_STRING": "a=1"},
        {"REQUEST_METHOD": "POST"},
    ]:
        status, headers, _body = wsgi_get(article.url, **extra)
        assert headers.get("X-Page-Cache") != "hit", extra


def test_the_wsgi_layer_lets_editors_through(client, article):
    client.get(article.url)
    client.force_login(get_user_model().objects.create_superuser("editor", "", "pw"))
    session = client.cookies["sessionid"].value
    status, headers, _body = wsgi_get(article.url, HTTP_COOKIE=f"sessionid={session}")
    assert status == "200 OK" and "X-Page-Cache" not in headers


@pytest.fixture
def redis_down(settings):
    pytest.importorskip("redis")
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    settings.PRESSROOM_PAGECACHE_ALIAS = "down"
    yield
    caches["down"].close()


def test_with_the_cache_down_pages_and_publishing_still_work(client, article, redis_down):
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200 and state(response) is None
    status, _headers, body = wsgi_get(article.url)
    assert status == "200 OK" and "缓存测试新闻" in body.decode()
    article.title = "缓存停了也能发布"
    article.save_revision().publish()
    assert "缓存停了也能发布" in client.get(article.url).content.decode()


def test_a_visit_with_a_session_is_not_stored(client, article):
    # An anonymous session can unlock content (a page password passed): never shared.
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["passed"] = True
    session.create()
    response = Client().get("/news/", HTTP_COOKIE=f"sessionid={session.session_key}")
    assert response.status_code == 200 and not response.cookies
    assert state(Client().get("/news/")) == "miss"


@pytest.fixture
def https_only(settings):
    """PRESSROOM_HTTPS behind a trusted proxy, as production settings make it."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def test_a_cached_page_over_plain_http_is_redirected_to_https(client, article, https_only):
    first = client.get(article.url, secure=True)
    assert (first.status_code, state(first)) == (200, "miss")
    assert state(client.get(article.url, secure=True)) == "hit"
    plain = client.get(article.url)
    assert plain.status_code == 301
    assert plain["Location"] == f"https://testserver{article.url}"
    assert state(plain) is None and "缓存测试新闻" not in plain.content.decode()
    # The proxy's header counts as HTTPS only when it says https.
    proxied = client.get(article.url, HTTP_X_FORWARDED_PROTO="https")
    assert (proxied.status_code, state(proxied)) == (200, "hit")
    assert client.get(article.url, HTTP_X_FORWARDED_PROTO="http").status_code == 301
    assert client.head(article.url).status_code == 301


def test_the_wsgi_layer_redirects_plain_http_too_and_serves_https_hits(
    client, article, https_only, django_assert_num_queries
):
    client.get(article.url, secure=True)
    status, headers, _body = wsgi_get(article.url)
    assert status.startswith("301") and headers["Location"] == f"https://testserver{article.url}"
    with django_assert_num_queries(0):
        status, headers, body = wsgi_get(article.url, HTTP_X_FORWARDED_PROTO="https")
    assert (status, headers["X-Page-Cache"]) == ("200 OK", "hit")
    assert "缓存测试新闻" in body.decode()
    status, headers, _body = wsgi_get(article.url, **{"wsgi.url_scheme": "https"})
    assert headers["X-Page-Cache"] == "hit"
    status, headers, _body = wsgi_get(article.url, HTTP_X_FORWARDED_PROTO="http")
    assert status.startswith("301")


def test_with_https_on_the_wsgi_fast_path_still_answers_secure_hits(https_only):
    from pressroom.pagecache.rules import may_serve
    from pressroom.pagecache.wsgi import visit_of

    def simple_anonymous_get(environ):
        return may_serve(visit_of({"PATH_INFO": "/news/", "SERVER_PORT": "80", **environ}))

    environ = {"REQUEST_METHOD": "GET", "HTTP_HOST": "testserver", "wsgi.url_scheme": "http"}
    assert not simple_anonymous_get(environ)  # to Django, which redirects it
    assert simple_anonymous_get({**environ, "HTTP_X_FORWARDED_PROTO": "https"})
    assert simple_anonymous_get({**environ, "wsgi.url_scheme": "https"})
    assert not simple_anonymous_get({**environ, "HTTP_X_FORWARDED_PROTO": "http, https"})


def test_an_unknown_host_never_gets_the_cached_page(client, article):
    cached = client.get(article.url)
    assert state(client.get(article.url)) == "hit"
    for host in ["evil.test", "testserver.evil.test", "testserver:80@evil.test"]:
        response = client.get(article.url, HTTP_HOST=host)
        assert response.status_code == 400, host
        assert response.content != cached.content
        status, headers, body = wsgi_get(article.url, HTTP_HOST=host)
        assert status.startswith("400") and body != cached.content, host


def test_a_request_refused_a_render_slot_is_served_a_page_stored_while_it_waited(
    client, article, settings
):
    """The site as served (pressroom.wsgi): with every render slot taken, a request that had
    missed the cache and then finds its page stored gets the page, not the busy 503."""
    import io

    from pressroom import wsgi

    settings.PRESSROOM_RENDER_SLOTS = 1
    settings.PRESSROOM_RENDER_QUEUE = 0
    _conf, gate = wsgi.admission.setup()
    assert gate.enter()  # a slow render holds the only slot
    try:
        answers = {}
        for name, path in (("stored", article.url), ("not stored", "/en/")):
            if name == "stored":
                client.get(article.url)  # stored by another visitor's render meanwhile
            environ = {
                "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
                "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver",
                "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""),
                "wsgi.errors": io.StringIO(),
            }  # fmt: skip

            def start_response(status, headers, name=name):
                answers[name] = (status, dict(headers))

            b"".join(wsgi.admission(environ, start_response))  # past the first look
        assert answers["stored"][0] == "200 OK"
        assert answers["stored"][1]["X-Page-Cache"] == "hit"
        assert answers["not stored"][0].startswith("503")
    finally:
        gate.leave()
