"""浏览量: a scripted pattern of visits, robots, repeats and floods gives exactly the counts."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError

from pressroom.pageviews import counting
from pressroom.pageviews.models import PageViews, ViewCountSettings
from tests.factories import make_article, make_product, make_product_category, make_product_center

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148 MicroMessenger/8.0"


@pytest.fixture(autouse=True)
def _empty_buffer():
    counting.buffer.pending.clear()
    counting.downloads.pending.clear()
    yield
    counting.buffer.pending.clear()
    counting.downloads.pending.clear()


def beacon(client, page, address="203.0.113.7", agent=BROWSER, **headers):
    return client.post(f"/views/{page.pk}/", REMOTE_ADDR=address, HTTP_USER_AGENT=agent, **headers)


def totals(*pages):
    counting.buffer.flush()
    return [PageViews.total_for(page.pk) for page in pages]


def test_a_scripted_visit_pattern_gives_exact_counts(client, news_index, home, company):
    article = make_article(news_index, title="新闻一")
    other = make_article(news_index, title="新闻二")
    product = make_product(make_product_category(make_product_center(home), "水泵", "pumps"))
    answers = [
        beacon(client, article, "203.0.113.7"),  # counted
        beacon(client, article, "203.0.113.7"),  # a reload: not again
        beacon(client, article, "198.51.100.20", PHONE),  # another visitor: counted
        beacon(client, article, "198.51.100.21", "Mozilla/5.0 (compatible; Baiduspider/2.0)"),
        beacon(client, article, "198.51.100.22", "Googlebot/2.1 (+http://www.google.com/bot.html)"),
        beacon(client, article, "198.51.100.23", ""),  # no user agent: a script
        beacon(client, article, "198.51.100.24", HTTP_ORIGIN="https://elsewhere.example"),
        beacon(client, other, "203.0.113.7"),  # the first visitor reads on: counted
        beacon(client, product, "203.0.113.7"),  # and looks at a product: counted
        beacon(client, product, "2001:db8:1:2::5"),  # IPv6: counted
        beacon(client, product, "2001:db8:1:2::6"),  # the same /64 network: not again
    ]
    assert {a.status_code for a in answers} == {204}
    assert totals(article, other, product) == [2, 1, 2]
    assert PageViews.objects.count() == 3  # one row per page and day


def test_a_flood_from_one_address_moves_nothing_more(client, news_index, company):
    articles = [make_article(news_index) for _ in range(40)]
    for _ in range(20):
        beacon(client, articles[0], "192.0.2.50")
    for article in articles[1:]:
        beacon(client, article, "192.0.2.50")
    counted = sum(totals(*articles))
    assert counted == counting.PER_ADDRESS_PER_MINUTE  # 30 pages a minute, each once
    assert totals(articles[0]) == [1]


def test_counts_are_kept_when_the_database_refuses_a_write(client, news_index, company):
    article = make_article(news_index)
    beacon(client, article)
    refusing = mock.Mock(side_effect=DatabaseError("database is locked"))
    with mock.patch.object(counting.buffer, "writer", refusing):
        assert counting.buffer.flush() == 0
    assert counting.buffer.waiting_for(article.pk) == 1
    assert totals(article) == [1]


def test_odd_beacons_get_clear_answers(client, news_index, company):
    article = make_article(news_index)
    assert client.get(f"/views/{article.pk}/").status_code == 405
    assert client.post("/views/99999999999999999999/").status_code == 404
    assert client.post("/views/abc/").status_code == 404
    assert beacon(client, type("Gone", (), {"pk": 987654})()).status_code == 204
    counting.buffer.flush()
    assert not PageViews.objects.exists()  # no such page: nothing stored
    unpublished = make_article(news_index, live=False)
    beacon(client, unpublished)
    counting.buffer.flush()
    assert not PageViews.objects.exists()


def test_counts_show_only_when_the_owner_turns_them_on(client, news_index, site, company):
    article = make_article(news_index, title="显示浏览量")
    beacon(client, article, "203.0.113.8")
    beacon(client, article, "203.0.113.9")
    counting.buffer.flush()
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    counter = html.select_one(".article__meta .views")
    assert counter.has_attr("hidden") and counter["data-views-url"] == f"/views/{article.pk}/"
    assert beacon(client, article, "203.0.113.10").status_code == 204

    settings = ViewCountSettings.for_site(site)
    settings.show_counts = True
    settings.save()  # a site-wide change: cached pages are drawn again
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    counter = html.select_one(".article__meta .views")
    assert not counter.has_attr("hidden")
    assert counter.get_text() == "浏览：3"
    answer = beacon(client, article, "203.0.113.11")
    assert answer.status_code == 200 and answer.json() == {"views": 4}
    english = BeautifulSoup(client.get(f"/en{article.url}").content, "html.parser")
    if english.select_one(".article__meta .views"):  # the article has an English version
        assert english.select_one(".article__meta .views").get_text().startswith("Views:")


def test_the_report_ranks_pages_by_views(admin_client, client, news_index, company):
    popular = make_article(news_index, title="热门新闻")
    quiet = make_article(news_index, title="冷门新闻")
    for n in range(3):
        beacon(client, popular, f"203.0.113.{n + 1}")
    beacon(client, quiet)
    counting.buffer.flush()
    html = BeautifulSoup(admin_client.get("/admin/reports/page-views/").content, "html.parser")
    assert html.select_one("h1, h2").get_text(strip=True) == "浏览量"
    rows = [[c.get_text(" ", strip=True) for c in r.select("td")] for r in html.select("tbody tr")]
    assert [r[0].split()[0] for r in rows] == ["热门新闻", "冷门新闻"]
    assert rows[0][1:] == ["3", "3", "3"]
    export = admin_client.get("/admin/reports/page-views/?export=csv")
    assert export.status_code == 200
    assert "热门新闻" in b"".join(export.streaming_content).decode("utf-8-sig")


def test_downloads_are_counted_like_views(admin_client, client, company):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from pressroom.pageviews.models import DocumentDownloads

    catalogue = get_document_model().objects.create(
        title="产品样本", file=ContentFile(b"%PDF-1.4\n", name="catalogue.pdf")
    )
    url = catalogue.url
    for address, agent in [
        ("203.0.113.7", BROWSER),
        ("203.0.113.7", BROWSER),  # again within the half hour
        ("198.51.100.20", PHONE),
        ("198.51.100.21", "Mozilla/5.0 (compatible; Baiduspider/2.0)"),
    ]:
        answer = client.get(url, REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
        assert answer.status_code == 200  # the file is served either way
        if answer.streaming:
            b"".join(answer.streaming_content)  # read through, as a browser does
    counting.downloads.flush()
    assert DocumentDownloads.objects.get(document=catalogue).count == 2
    html = BeautifulSoup(admin_client.get("/admin/reports/downloads/").content, "html.parser")
    assert html.select_one("h1, h2").get_text(strip=True) == "下载量"
    row = [c.get_text(" ", strip=True) for c in html.select_one("tbody tr").select("td")]
    assert row[0].startswith("产品样本") and row[1:] == ["2", "2", "2"]
