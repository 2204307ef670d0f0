"""Odd items in an export: each gets a clear report line; the others import as usual."""

from datetime import UTC, datetime

import pytest

from pressroom.news.models import NewsArticlePage
from tests.importers.conftest import run_import

pytestmark = pytest.mark.django_db

EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>旧站</title><link>https://old.test</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.test</wp:base_site_url>
{items}
</channel></rss>"""


def item(post_id="1", title="标题", date="2020-01-02 03:04:05", status="publish", body="正文"):
    return (
        f"<item><title><![CDATA[{title}]]></title><link>https://old.test/?p={post_id}</link>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date_gmt>{date}</wp:post_date_gmt><wp:status>{status}</wp:status>"
        "<wp:post_type>post</wp:post_type></item>"
    )


def run(tmp_path, *items) -> str:
    export = tmp_path / "export.xml"
    export.write_text(EXPORT.format(items="".join(items)), encoding="utf-8")
    return run_import("wordpress", export)


def test_odd_items_are_reported_and_the_others_imported(home, tmp_path):
    report = run(
        tmp_path,
        item("1", title="长" * 5000),
        item("2", title="", body="<p>没有标题的文章，正文足够长可以当标题。</p>"),
        item("", title="没有编号"),
        item("4", title="一九七〇年的旧闻", date="1970-01-01 00:00:00"),
        item("5", title="二一〇〇年发布", date="2100-01-01 00:00:00"),
        item("6", title="同名", body="一"),
        item("7", title="同名", body="二"),
    )
    assert len(NewsArticlePage.objects.get(title__startswith="长长").title) == 255
    assert "post 2: no title, named “没有标题的文章，正文足够长可以当标题。”" in report
    assert "post 没有编号: no post id (wp:post_id)" in report
    old = NewsArticlePage.objects.get(title="一九七〇年的旧闻")
    assert old.live and old.first_published_at == datetime(1970, 1, 1, tzinfo=UTC)
    later = NewsArticlePage.objects.get(title="二一〇〇年发布")
    assert not later.live and later.go_live_at == datetime(2100, 1, 1, tzinfo=UTC)
    twins = NewsArticlePage.objects.filter(title="同名").order_by("pk")
    assert [page.slug for page in twins] == ["tong-ming", "tong-ming-2"]
    assert "post: 6 created" in report
