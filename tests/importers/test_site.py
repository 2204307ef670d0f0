"""`pressroom import site URL`: a small old site served on loopback is crawled through its
sitemap, feed and links; its articles and pages arrive with their titles, dates and bodies,
robots.txt and the page limit are obeyed, a second run adds nothing, old paths answer 301."""

import socket
import threading
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError

from pressroom.importers.models import CrawledAddress
from pressroom.news.models import NewsArticlePage
from pressroom.pages.models import StandardPage
from tests.importers.conftest import FIXTURES, run_import

pytestmark = pytest.mark.django_db
OLD_SITE = FIXTURES / "oldsite"


class OldSite:
    """The fixture folder served on 127.0.0.1; sitemaps and feed name the server's address."""

    def __init__(self):
        site = self

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                if self.path.endswith(".xml"):
                    path = OLD_SITE / self.path.lstrip("/")
                    if path.is_file():
                        data = path.read_text("utf-8").replace("HOST", site.netloc).encode()
                        self.send_response(200)
                        self.send_header("Content-Type", "application/xml")
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)
                        return
                super().do_GET()

            def log_message(self, *args):
                pass

        self.requests: list[str] = []
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(Handler, directory=str(OLD_SITE))
        )
        self.netloc = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.url = f"http://{self.netloc}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def old_site():
    server = OldSite()
    yield server
    server.close()


def crawl(old_site, *args):
    return run_import("site", old_site.url, "--allow-local", "--delay", "0", *args)


def test_the_old_site_is_crawled_into_articles_and_pages(home, client, old_site):
    report = crawl(old_site)
    assert "article: 3 created" in report
    assert "page: 1 created" in report
    plant = NewsArticlePage.objects.get(title="新厂房正式投产")
    assert plant.live and plant.first_published_at.date() == date(2024, 3, 5)
    assert plant.author == "王小明"
    assert plant.source_name == "华岳阀门"
    text = client.get(plant.url).content.decode()
    assert "月产能将从八千台提高到两万台" in text
    fair = NewsArticlePage.objects.get(title="华岳阀门亮相流体展")
    assert fair.first_published_at.date() == date(2024, 5, 20)
    fair_text = client.get(fair.url).content.decode()
    assert "低扭矩蝶阀" in fair_text and "澳门金沙" not in fair_text
    assert "http://spam.example/bet (hidden)" in report
    # Found only through the feed; its date from <time>.
    water = NewsArticlePage.objects.get(title="Valves for the new water plant")
    assert water.first_published_at.date() == date(2024, 7, 1)
    about = StandardPage.objects.get(title="关于我们")
    assert about.get_parent().pk == home.pk
    assert "逐台进行压力测试" in client.get(about.url).content.decode()
    # robots.txt: /private/ is never requested; the old home page gives links only.
    assert not any(path.startswith("/private/") for path in old_site.requests)
    assert "disallowed by robots.txt" in report
    assert not StandardPage.objects.filter(title__contains="首页").exists()
    assert "/logo.png" not in old_site.requests  # not a page
    # Every old path answers 301 to its new page.
    for old, page in [("/news/1.html", plant), ("/about.html", about), ("/en/news-3.html", water)]:
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == page.url


def test_a_second_run_creates_nothing_and_fetches_no_page_again(home, old_site):
    crawl(old_site)
    pages_before = NewsArticlePage.objects.count() + StandardPage.objects.count()
    old_site.requests.clear()
    report = crawl(old_site)
    assert "article:" not in report and "page:" not in report  # nothing fetched, nothing made
    assert NewsArticlePage.objects.count() + StandardPage.objects.count() == pages_before
    assert not [path for path in old_site.requests if path.endswith(".html")]


def test_the_limit_stops_the_crawl_and_the_next_run_continues(home, old_site):
    report = crawl(old_site, "--limit", "2")
    html = [path for path in old_site.requests if path.endswith(".html") or path == "/"]
    assert len(html) == 2
    assert "run the import again to continue" in report
    crawl(old_site, "--limit", "2")
    crawl(old_site, "--limit", "5")
    assert NewsArticlePage.objects.count() == 3 and StandardPage.objects.count() == 1
    fetched = CrawledAddress.objects.exclude(fetched_at=None).values_list("url", flat=True)
    assert len(fetched) == len(set(fetched))


def test_the_delay_is_kept_between_requests(home, old_site):
    import time

    started = time.monotonic()
    run_import("site", old_site.url, "--allow-local", "--delay", "0.2", "--limit", "1")
    # robots.txt, the sitemap index, its sitemap and the home page: three waits at least.
    assert time.monotonic() - started >= 0.6


def test_a_loopback_site_is_refused_without_allow_local(home, old_site):
    with pytest.raises(CommandError, match="local or private address"):
        run_import("site", old_site.url, "--delay", "0")
    assert old_site.requests == []


def test_an_unreachable_host_gives_a_clear_message(home):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(CommandError, match=f"Cannot reach http://127.0.0.1:{port}"):
        run_import("site", f"http://127.0.0.1:{port}/", "--allow-local", "--delay", "0")
    assert NewsArticlePage.objects.count() == 0


def test_not_an_address_is_refused(home):
    with pytest.raises(CommandError, match="not an http"):
        run_import("site", "/etc/passwd", "--delay", "0")


def test_a_limit_below_one_is_refused(home):
    with pytest.raises(CommandError, match="--limit must be at least 1"):
        run_import("site", "https://old.example.cn/", "--limit", "0")
