"""`pressroom import feed`: an RSS 2.0 or Atom feed's items become news articles with their
full text where the feed has it; links on the feed's own site answer 301."""

from datetime import UTC, datetime

import pytest
from django.core.management import CommandError

from pressroom.news.models import NewsArticlePage
from tests.importers.conftest import FIXTURES, run_import

pytestmark = pytest.mark.django_db
RSS, ATOM = FIXTURES / "feed.rss", FIXTURES / "feed.atom"


def test_an_rss_feed_becomes_articles_with_their_full_text(home, client):
    report = run_import("feed", RSS)
    assert "entry: 2 created, 0 updated, 0 unchanged" in report
    line = NewsArticlePage.objects.get(title="远帆开通宁波至汉堡专线")
    assert line.live
    assert line.first_published_at == datetime(2024, 1, 10, 0, 0, tzinfo=UTC)
    assert line.author == "周远帆"
    assert line.summary == "每周两班，全程二十八天。"
    assert [tag.name for tag in line.tags.all()] == ["航线"]
    page = client.get(line.url).content.decode()
    assert "<b>宁波至汉堡</b>" in page
    assert "steal()" not in page and "casino" not in page
    assert "http://ok.test/ (hidden)" in report
    # The item's own address on the feed's site answers 301; another site's does not count.
    response = client.get("/news/2024/hamburg.html")
    assert response.status_code == 301 and response["Location"] == line.url
    assert "redirects (301): 1" in report
    store = NewsArticlePage.objects.get(title="冷链仓库启用")
    assert "新仓库零下二十五度" in client.get(store.url).content.decode()
    assert "alert(1)" not in client.get(store.url).content.decode()


def test_an_atom_feed_and_its_text_content_escaped(home, client):
    run_import("feed", ATOM)
    rail = NewsArticlePage.objects.get(title="New rail link to Duisburg")
    assert rail.author == "Ada Zhou"
    assert rail.first_published_at == datetime(2024, 2, 1, 1, 30, tzinfo=UTC)
    assert [block.block_type for block in rail.body] == ["heading", "paragraph"]
    plain = NewsArticlePage.objects.get(title="Plain <script> text")
    text = client.get(plain.url).content.decode()
    assert "Fees &lt;b&gt;rise&lt;/b&gt; in March" in text  # text/plain shown as text
    assert "<script>alert(1)" not in text


def test_a_feed_imported_again_adds_nothing(home):
    run_import("feed", RSS)
    report = run_import("feed", RSS)
    assert "entry: 0 created, 0 updated, 2 unchanged" in report
    assert NewsArticlePage.objects.count() == 2


def test_not_a_feed_is_refused(home, tmp_path):
    page = tmp_path / "page.xml"
    page.write_text("<html><body>hello</body></html>", encoding="utf-8")
    with pytest.raises(CommandError, match="not an RSS 2.0 or Atom feed"):
        run_import("feed", page)


def test_a_feed_url_on_loopback_is_refused_without_allow_local(home):
    with pytest.raises(CommandError, match="local or private address"):
        run_import("feed", "http://127.0.0.1:9/feed.xml")
