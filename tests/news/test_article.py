"""An article shows title, source, update time, published date, author, body and neighbours."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import NewsCategoryFactory, every_block_body, make_article, make_image

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta_text(html):
    return html.select_one(".article__meta").get_text()


def test_article_shows_every_part(client, company, news_index):
    image = make_image()
    category = NewsCategoryFactory(slug="company", name="公司新闻")
    article = make_article(
        news_index,
        title="新厂房投产",
        summary="新厂房今日投产。",
        author="李记者",
        category=category,
        body=every_block_body(image),
        when=datetime(2024, 6, 14, 5, 32, 53, tzinfo=SHANGHAI),
    )
    article.tags.add("投产")
    article.save_revision().publish()
    type(article).objects.filter(pk=article.pk).update(
        last_published_at=datetime(2024, 6, 15, 8, 1, 2, tzinfo=SHANGHAI)
    )
    article.refresh_from_db()
    html = html_of(client, article)
    assert html.h1.get_text() == "新厂房投产"
    meta = meta_text(html)
    assert "来源：明川测试仪器有限公司" in meta
    assert "更新时间：2024-06-15 08:01:02" in meta
    assert "发布日期：2024-06-14" in meta
    assert html.select_one(".article__byline").get_text() == "作者：李记者"
    # One line, in the order readers of such sites expect: 发布日期, 更新时间, 来源, 作者.
    labels = [label.get_text() for label in html.select(".article__meta .label")]
    assert labels == ["发布日期：", "更新时间：", "来源：", "作者："]
    stream = html.select_one(".stream")
    assert stream.select_one("h2").get_text() == "产能翻番"
    assert stream.strong.get_text() == "全面"
    assert stream.select_one(".block-image figcaption").get_text() == "新车间"
    assert stream.select_one(".block-image img")["alt"] == "新车间"
    assert stream.blockquote.get_text(strip=True) == "这是新的起点"
    assert [th.get_text() for th in stream.select("thead th")] == ["指标", "数值"]
    assert stream.caption.get_text() == "对比"
    footer = html.select_one(".article__footer").get_text(" ")
    assert "公司新闻" in footer and "投产" in footer
    crumbs = [li.get_text(strip=True) for li in html.select(".breadcrumb li")]
    assert crumbs == ["首页", "新闻中心", "新厂房投产"]


def test_outside_source_is_named_and_linked(client, company, news_index):
    article = make_article(
        news_index, source_name="流体装备周刊", source_url="https://news.example.org/a/1"
    )
    link = html_of(client, article).select_one(".article__meta a")
    assert link.get_text() == "流体装备周刊"
    assert link["href"] == "https://news.example.org/a/1"


def test_source_without_link_is_plain_text(client, company, news_index):
    article = make_article(news_index, source_name="行业年鉴")
    html = html_of(client, article)
    assert "来源：行业年鉴" in meta_text(html)
    assert html.select_one(".article__meta a") is None


def test_update_time_moves_on_publish_only(client, company, news_index):
    article = make_article(news_index, when=datetime(2024, 1, 2, 3, 4, 5, tzinfo=SHANGHAI))
    assert "更新时间：2024-01-02 03:04:05" in meta_text(html_of(client, article))
    # Saving a draft changes nothing a visitor sees.
    article.title = "改了标题的草稿"
    article.save_revision()
    html = html_of(client, article)
    assert "更新时间：2024-01-02 03:04:05" in meta_text(html)
    assert html.h1.get_text() != "改了标题的草稿"
    # Publishing moves it to now, and keeps the first-published date.
    before = timezone.localtime().replace(microsecond=0)
    article.get_latest_revision().publish()
    article.refresh_from_db()
    html = html_of(client, article)
    shown = meta_text(html).split("更新时间：")[1].strip()[:19]
    assert datetime.strptime(shown, "%Y-%m-%d %H:%M:%S").replace(tzinfo=SHANGHAI) >= before
    assert "发布日期：2024-01-02" in meta_text(html)
    assert html.h1.get_text() == "改了标题的草稿"


def test_previous_and_next_article(client, company, news_index):
    old = make_article(news_index, title="较早", when=datetime(2024, 1, 1, tzinfo=SHANGHAI))
    middle = make_article(news_index, title="中间", when=datetime(2024, 2, 1, tzinfo=SHANGHAI))
    new = make_article(news_index, title="较新", when=datetime(2024, 3, 1, tzinfo=SHANGHAI))
    make_article(news_index, title="草稿", live=False)
    html = html_of(client, middle)
    assert html.select_one("a[rel=prev]").get_text() == "较早"
    assert html.select_one("a[rel=next]").get_text() == "较新"
    assert html_of(client, old).select_one("a[rel=prev]") is None
    assert html_of(client, new).select_one(".prev-next a[rel=next]") is None


def test_unpublished_article_is_gone(client, company, news_index):
    article = make_article(news_index)
    url = article.url
    article.unpublish()
    assert client.get(url).status_code == 404


def test_article_query_count_is_constant(client, company, news_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    image = make_image()
    first = make_article(news_index, cover_image=image)
    client.get(first.url)
    with CaptureQueriesContext(connection) as few:
        client.get(first.url)
    for _ in range(10):
        make_article(news_index, cover_image=image)
    client.get(first.url)
    with CaptureQueriesContext(connection) as many:
        client.get(first.url)
    assert len(many) == len(few)
