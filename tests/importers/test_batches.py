"""Imports written in batches: the page cache purged once at the end (every page fresh), an
interrupted import resumed without duplicates, and progress told as N of TOTAL."""

from io import StringIO

import pytest
from django.core.management.base import OutputWrapper
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from pressroom.importers import runs
from pressroom.importers.base import Options
from pressroom.importers.models import ImportedItem
from pressroom.importers.progress import Progress
from pressroom.importers.wordpress import WordPressImporter
from pressroom.news.models import NewsArticlePage
from pressroom.pagecache import signals
from tests.factories import make_article
from tests.importers.conftest import WXR, run_import
from tests.importers.test_odd_items import EXPORT, item

pytestmark = pytest.mark.django_db


def export(tmp_path, count: int):
    path = tmp_path / "export.xml"
    posts = [
        item(str(n), title=f"导入的新闻{n}", date=f"2021-03-{n:02d} 08:00:00")
        for n in range(1, count + 1)
    ]
    path.write_text(EXPORT.format(items="".join(posts)), encoding="utf-8")
    return path


def cached(url):
    response = Client().get(url)
    return response.headers.get("X-Page-Cache"), response.content.decode()


def test_every_cached_page_is_fresh_after_an_import(company, news_index, tmp_path, monkeypatch):
    make_article(news_index, title="原有新闻", slug="old")
    for url in ["/", "/news/", "/news/old/", "/news/feed/rss/"]:
        Client().get(url)
        assert cached(url)[0] == "hit", url
    worked_out = []
    monkeypatch.setattr(signals, "urls_showing", lambda page: worked_out.append(page) or set())
    run_import("wordpress", export(tmp_path, 3))
    assert worked_out == []  # no page's addresses worked out one by one during the import
    state, news = cached("/news/")
    assert state != "hit" and "导入的新闻3" in news and "原有新闻" in news
    assert "导入的新闻3" in cached("/")[1]  # the home page's latest news
    assert "导入的新闻3" in cached("/news/feed/rss/")[1]
    assert cached("/news/old/")[0] != "hit"  # its previous/next links changed too
    assert cached("/news/")[0] == "hit"  # and cached again afterwards


class Stop(BaseException):
    """The import stopped from outside (Ctrl-C, the worker killed)."""


def test_an_interrupted_import_resumes_where_it_stopped(home, tmp_path, monkeypatch):
    path = export(tmp_path, 7)
    save = WordPressImporter.save

    def stop_at_the_fifth(self, item, kind, post_id, *args):
        if post_id == "5":
            raise Stop
        return save(self, item, kind, post_id, *args)

    monkeypatch.setattr(WordPressImporter, "save", stop_at_the_fifth)
    with pytest.raises(Stop):
        WordPressImporter(path, Options(batch_items=3)).execute()
    # The first batch (posts 1-3) was committed; post 4, in the open batch, is rolled back
    # with it: nothing half-imported, no record without its page.
    titles = set(NewsArticlePage.objects.values_list("title", flat=True))
    assert titles == {"导入的新闻1", "导入的新闻2", "导入的新闻3"}
    assert ImportedItem.objects.count() == 3

    monkeypatch.setattr(WordPressImporter, "save", save)
    report = run_import("wordpress", path)
    assert "post: 4 created, 0 updated, 3 unchanged" in report
    assert NewsArticlePage.objects.count() == 7
    assert Client().get("/?p=5").status_code == 301


def test_a_failing_item_inside_a_batch_is_rolled_back_alone(home, tmp_path, monkeypatch):
    save = WordPressImporter.save

    def fail_the_second(self, item, kind, post_id, *args):
        page = save(self, item, kind, post_id, *args)
        if post_id == "2":
            raise ValueError("the disk is full")  # after its page was written
        return page

    monkeypatch.setattr(WordPressImporter, "save", fail_the_second)
    report = WordPressImporter(export(tmp_path, 3), Options(batch_items=50)).execute()
    assert report.skipped == [("post", "导入的新闻2", "could not be saved: the disk is full")]
    titles = set(NewsArticlePage.objects.values_list("title", flat=True))
    assert titles == {"导入的新闻1", "导入的新闻3"}
    assert ImportedItem.objects.count() == 2


def test_the_console_shows_n_of_total_and_the_share(home, uploads):
    out = StringIO()
    progress = Progress(OutputWrapper(out), every=1)
    WordPressImporter(WXR, Options(media=uploads, progress=progress)).execute()
    lines = out.getvalue().splitlines()
    total = progress.total
    assert total and lines[0].startswith(f"… 1 of {total} items (")
    assert lines[-1].startswith(f"… {total} of {total} items (100%)")


def test_the_share_is_left_out_while_the_total_is_unknown():
    out = StringIO()
    progress = Progress(OutputWrapper(out), every=1)
    progress("post")
    progress.expect(4)
    progress("post")
    assert out.getvalue().splitlines() == [
        line for line in out.getvalue().splitlines() if line.startswith("… ")
    ]
    assert out.getvalue().splitlines()[0].startswith("… 1 items (1 post)")
    assert out.getvalue().splitlines()[1].startswith("… 2 of 4 items (50%) (2 post)")


def test_the_admin_run_shows_n_of_total(home, tmp_path, django_user_model):
    from pressroom.importers.models import ImportRun

    run = ImportRun.objects.create(format="feed", source_name="feed.rss")
    seen = []
    tracked = runs.tracked(WordPressImporter, run)

    class Watching(tracked):
        def item(self, kind, name, work):
            result = super().item(kind, name, work)
            seen.append(ImportRun.objects.get(pk=run.pk).progress)
            return result

    with translation.override("en"):
        Watching(export(tmp_path, 4), Options()).execute()
        assert runs.progress_text(3, None, "x") == "3 items read; the last: x"
    assert seen[0] == "1 of 4 items read (25%); the last: 导入的新闻1"
    assert seen[-1] == "4 of 4 items read (100%); the last: 导入的新闻4"


def linked_posts(tmp_path, site: str, first: int, count: int):
    """An export of ``count`` posts from ``site`` (ids from ``first``), each with a category,
    a tag and a link to the post before it; names, ids and addresses no other run has."""
    posts = "".join(
        f"<item><title><![CDATA[{site} 新闻 {n}]]></title><link>https://{site}/?p={n}</link>"
        f'<category domain="category" nicename="{site}-news"><![CDATA[{site} 动态]]></category>'
        f'<category domain="post_tag" nicename="{site}-valve"><![CDATA[{site} 蝶阀]]></category>'
        f'<content:encoded><![CDATA[<p>正文<a href="https://{site}/?p={n - 1}">上一篇</a></p>]]>'
        f"</content:encoded><wp:post_id>{n}</wp:post_id><wp:post_name>news-{n}</wp:post_name>"
        f"<wp:post_date_gmt>2021-03-01 08:00:00</wp:post_date_gmt><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type></item>"
        for n in range(first, first + count)
    )
    head = EXPORT.replace("https://old.test", f"https://{site}")
    path = tmp_path / f"{site}.xml"
    path.write_text(head.format(items=posts), encoding="utf-8")
    return path


def test_each_post_costs_the_same_queries_however_many_pages_there_are(news_index, tmp_path):
    def queries(site: str, first: int, count: int) -> int:
        options = Options(batch_items=1000, batch_seconds=3600)  # one batch: no clock in it
        with CaptureQueriesContext(connection) as captured:
            WordPressImporter(linked_posts(tmp_path, site, first, count), options).execute()
        return len(captured)

    queries("warm-up.test", 1, 1)  # Django's and Wagtail's caches of content types and sites
    five = queries("a.test", 100, 5)
    ten, twenty = queries("b.test", 200, 10), queries("c.test", 300, 20)
    per_post = (ten - five) / 5
    assert twenty - ten == 10 * per_post
    assert per_post <= 50
    assert NewsArticlePage.objects.count() == 36
