"""A CDN in front is purged with the same addresses as the page cache, after the commit."""

import logging
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from wagtail.models import Site

from pressroom.pagecache.showing import urls_showing
from tests.factories import make_article
from tests.sockets import SilentServer

pytestmark = pytest.mark.django_db


class CDN(ThreadingHTTPServer):
    """Records PURGE requests; answers them with ``status``."""

    daemon_threads = True

    def __init__(self, status=200):
        self.status = status
        self.purged: list[tuple[str, str]] = []  # (Host, path)
        super().__init__(("127.0.0.1", 0), PurgeHandler)


class PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn_server():
    def start(status=200):
        server = CDN(status)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    servers = []
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def use_cdn(settings, location, timeout=1.0):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "pressroom.pagecache.cdn.HTTPBackend",
            "LOCATION": location,
            "TIMEOUT": timeout,
        }
    }


def publish(news_index, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return make_article(news_index, **fields)


def test_publishing_purges_the_article_its_lists_and_home_at_the_cdn(
    settings, cdn_server, news_index, django_capture_on_commit_callbacks
):
    server = cdn_server()
    use_cdn(settings, f"http://127.0.0.1:{server.server_address[1]}")
    host = Site.objects.get(is_default_site=True).hostname
    article = publish(news_index, django_capture_on_commit_callbacks, slug="cdn-launch")
    expected = {address.path for address in urls_showing(article)}
    assert {"/news/cdn-launch/", "/news/", "/"} <= expected
    hosts = {h.split(":")[0] for h, _ in server.purged}
    assert hosts == {host}
    paths = [path for _, path in server.purged]
    assert set(paths) == expected
    assert len(paths) == len(set(paths))  # each once: not before and after the commit too


def test_one_transaction_sends_each_address_once_and_the_next_sends_its_own(
    settings, cdn_server, news_index, django_capture_on_commit_callbacks
):
    server = cdn_server()
    use_cdn(settings, f"http://127.0.0.1:{server.server_address[1]}")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        first = make_article(news_index, slug="first")
        with transaction.atomic():  # a savepoint inside the editor's transaction
            first.title = "改过的标题"
            first.save_revision().publish()
        make_article(news_index, slug="second")
    paths = [path for _host, path in server.purged]
    assert len(paths) == len(set(paths))
    assert {"/news/first/", "/news/second/", "/news/"} <= set(paths)
    server.purged.clear()
    publish(news_index, django_capture_on_commit_callbacks, slug="third")
    paths = [path for _host, path in server.purged]
    assert {"/news/third/", "/news/"} <= set(paths)
    assert len(paths) == len(set(paths))


def test_nothing_is_purged_until_the_transaction_commits(
    settings, cdn_server, news_index, django_capture_on_commit_callbacks
):
    server = cdn_server()
    use_cdn(settings, f"http://127.0.0.1:{server.server_address[1]}")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_article(news_index, slug="not-yet")
    assert server.purged == [] and callbacks


def test_no_cdn_configured_sends_nothing(
    settings, cdn_server, news_index, django_capture_on_commit_callbacks
):
    server = cdn_server()
    settings.WAGTAILFRONTENDCACHE = {}
    publish(news_index, django_capture_on_commit_callbacks, slug="no-cdn")
    assert server.purged == []


def test_a_refusing_cdn_does_not_break_the_publish(
    settings, cdn_server, news_index, django_capture_on_commit_callbacks, caplog, client
):
    server = cdn_server(status=405)
    use_cdn(settings, f"http://127.0.0.1:{server.server_address[1]}")
    with caplog.at_level(logging.ERROR, logger="pressroom.pagecache.cdn"):
        article = publish(news_index, django_capture_on_commit_callbacks, title="照常发布")
    assert server.purged  # it was asked
    assert "CDN refused to purge" in caplog.text
    assert client.get(article.url).status_code == 200


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_cdn_that_is_down_does_not_break_the_publish(
    settings, news_index, django_capture_on_commit_callbacks, caplog, client
):
    use_cdn(settings, f"http://127.0.0.1:{closed_port()}")
    with caplog.at_level(logging.ERROR, logger="pressroom.pagecache.cdn"):
        article = publish(news_index, django_capture_on_commit_callbacks, title="CDN 宕机")
    assert "CDN unreachable" in caplog.text
    response = client.get(article.url)
    assert response.status_code == 200 and "CDN 宕机" in response.content.decode()


def test_a_cdn_that_hangs_costs_one_timeout_per_publish(
    settings, news_index, django_capture_on_commit_callbacks, caplog
):
    with SilentServer() as silent:  # accepts connections, never answers
        use_cdn(settings, silent.url, timeout=0.5)
        with caplog.at_level(logging.ERROR, logger="pressroom.pagecache.cdn"):
            article = publish(news_index, django_capture_on_commit_callbacks, slug="hang")
        tried = silent.connections()
    assert article.live
    assert len(urls_showing(article)) > 3
    # One purge request, timed out; the other URLs are given up, not each waited for.
    assert tried == 1
    assert "more URLs not purged" in caplog.text


def test_public_pages_let_a_purged_cdn_keep_them_longer(settings, news_index, client):
    settings.PRESSROOM_PAGECACHE_SHARED_MAX_AGE = 3600
    for _ in range(3):  # misses and hits alike
        response = client.get("/news/")
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=3600"
    assert response["X-Page-Cache"] == "hit"
    settings.PRESSROOM_PAGECACHE_SHARED_MAX_AGE = 0
    assert client.get("/news/")["Cache-Control"] == "public, max-age=60"


def test_a_publish_on_one_site_purges_its_own_addresses_only(
    settings, cdn_server, two_sites, django_capture_on_commit_callbacks
):
    server = cdn_server()
    use_cdn(settings, f"http://127.0.0.1:{server.server_address[1]}")
    _site_a, _site_b, news_b = two_sites
    publish(news_b, django_capture_on_commit_callbacks, slug="b-only")
    assert {host for host, _path in server.purged} == {"b.test"}
    assert {("b.test", "/news/b-only/"), ("b.test", "/news/"), ("b.test", "/")} <= set(
        server.purged
    )
