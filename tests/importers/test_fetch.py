"""Pictures fetched for an import come only from public addresses, within limits; a fetch
to the machine itself or its network is refused unless the owner allows it."""

import pytest
from wagtail.images import get_image_model

from pressroom.importers.fetch import FetchError, fetch
from tests.importers.conftest import run_import
from tests.sockets import SilentServer

pytestmark = pytest.mark.django_db

SMALL_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.1/">
<channel><title>旧站</title><link>{base}</link>
<wp:wxr_version>1.1</wp:wxr_version><wp:base_site_url>{base}</wp:base_site_url>
<item><title>新闻一</title><link>{base}/news-1/</link>
<content:encoded><![CDATA[<p>正文<img src="{base}/wp-content/uploads/a.png"></p>]]>
</content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2020-01-02 03:04:05</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>"""


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "http://[::1]/x.png",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/x.png",
        "http://192.168.0.1/x.png",
        "http://localhost/x.png",
        "http://0.0.0.0/x.png",
    ],
)
def test_local_and_private_addresses_are_refused(url):
    with pytest.raises(FetchError, match="local or private address"):
        fetch(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://a.test/x"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="not an http"):
        fetch(url)


def test_a_refused_fetch_never_connects():
    with SilentServer() as server:
        with pytest.raises(FetchError):
            fetch(f"{server.url}/x.png")
        assert server.connections() == 0


def test_limits_of_size_and_type(picture_server):
    assert fetch(f"{picture_server.url}/a.png", allow_local=True).data.startswith(b"\x89PNG")
    with pytest.raises(FetchError, match="larger than 10 bytes"):
        fetch(f"{picture_server.url}/a.png", allow_local=True, max_bytes=10)
    with pytest.raises(FetchError, match="unexpected type image/png"):
        fetch(f"{picture_server.url}/a.png", allow_local=True, accept=("text/html",))


def test_a_silent_server_times_out():
    with SilentServer() as server:
        with pytest.raises(FetchError, match="timed out"):
            fetch(f"{server.url}/x.png", allow_local=True, timeout=0.5)
        assert server.connections() == 1


def test_an_import_fetches_pictures_only_when_local_addresses_are_allowed(
    home, picture_server, tmp_path
):
    export = tmp_path / "export.xml"
    export.write_text(SMALL_EXPORT.format(base=picture_server.url), encoding="utf-8")

    report = run_import("wordpress", export)
    assert "a.png (127.0.0.1 is a local or private address (127.0.0.1): refused)" in report
    assert picture_server.requests == []
    assert not get_image_model().objects.exists()

    run_import("wordpress", export, "--allow-local", "--overwrite")
    assert picture_server.requests == ["/wp-content/uploads/a.png"]
    assert get_image_model().objects.count() == 1
    run_import("wordpress", export, "--allow-local", "--overwrite")
    assert picture_server.requests == ["/wp-content/uploads/a.png"]  # made once, kept
    assert get_image_model().objects.count() == 1
