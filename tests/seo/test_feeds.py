"""The news feeds advertised on every page parse cleanly and carry every entry field."""

from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.http import http_date
from wagtail.models import PageViewRestriction

from tests.factories import NewsCategoryFactory, make_article, make_image
from tests.seo.conftest import translate

pytestmark = pytest.mark.django_db


def advertised_feeds(client, url) -> dict[str, str]:
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        link["type"]: link["href"]
        for link in html.select('head link[rel="alternate"][type]')
        if link["type"].endswith("+xml")
    }


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed, response


@pytest.fixture
def articles(company, news_index):
    category = NewsCategoryFactory(slug="company", name="公司新闻", name_en="Company news")
    first = make_article(
        news_index,
        title="新厂房投产 <script>alert(1)</script>",
        summary="新厂房今日投产 & 扩产。",
        author="李记者",
        category=category,
        cover_image=make_image(size=(1600, 900)),
        when=timezone.now() - timedelta(days=2),
    )
    second = make_article(news_index, title="行业展会", author="", when=timezone.now())
    return first, second


@pytest.mark.parametrize("kind", ["application/rss+xml", "application/atom+xml"])
def test_feed_advertised_on_the_home_page_parses_with_every_field(client, articles, kind):
    first, second = articles
    feeds = advertised_feeds(client, "/")
    assert set(feeds) == {"application/rss+xml", "application/atom+xml"}
    feed, response = parse(client, feeds[kind])
    assert response["Content-Type"].startswith(kind)
    assert feed.feed.title == "明川测试仪器有限公司 - 新闻中心"
    assert feed.feed.link == "http://localhost/news/"
    assert [entry.link for entry in feed.entries] == [
        second.get_full_url(),
        first.get_full_url(),
    ]
    entry = feed.entries[1]
    assert entry.title == "新厂房投产 <script>alert(1)</script>"
    assert entry.summary.replace("&amp;", "&") == "新厂房今日投产 & 扩产。"
    assert entry.author == "李记者"
    assert [tag.term for tag in entry.tags] == ["公司新闻"]
    assert entry.published_parsed[:6] == first.first_published_at.utctimetuple()[:6]
    assert entry.updated_parsed[:6] == first.last_published_at.utctimetuple()[:6]
    (enclosure,) = entry.enclosures
    assert enclosure.type == "image/png"
    assert enclosure.href.startswith("http://localhost/media/images/")
    picture = client.get(enclosure.href[len("http://localhost") :])
    assert int(enclosure.length) == len(b"".join(picture.streaming_content)) > 0
    # An article without an author is credited to the company.
    assert feed.entries[0].author == "明川测试仪器有限公司"
    assert b"<script>" not in response.content


def test_english_feed_lists_only_english_articles(client, articles, english):
    zh_article = articles[0]
    en_article = translate(zh_article, title="New plant opens", summary="It opened today.")
    feeds = advertised_feeds(client, "/en/")
    assert feeds["application/rss+xml"] == "/en/news/feed/rss/"
    feed, _ = parse(client, feeds["application/rss+xml"])
    assert feed.feed.language == "en"
    assert [entry.link for entry in feed.entries] == [en_article.get_full_url()]
    assert feed.entries[0].tags[0].term == "Company news"


def test_category_feed_has_only_that_category_and_is_advertised_there(client, articles):
    first, _second = articles
    feeds = advertised_feeds(client, "/news/category/company/")
    assert feeds["application/atom+xml"] == "/news/category/company/feed/atom/"
    feed, _ = parse(client, feeds["application/atom+xml"])
    assert [entry.link for entry in feed.entries] == [first.get_full_url()]
    assert feed.feed.title.endswith("公司新闻")


def test_unpublished_private_and_expired_articles_stay_out(client, company, news_index):
    shown = make_article(news_index, title="公开")
    make_article(news_index, title="草稿", live=False)
    make_article(news_index, title="过期", expire_at=timezone.now() - timedelta(minutes=1))
    private = make_article(news_index, title="内部")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for kind in ("rss", "atom"):
        feed, _ = parse(client, f"/news/feed/{kind}/")
        assert [entry.title for entry in feed.entries] == [shown.title]


def test_feed_holds_the_newest_articles_up_to_the_limit(client, settings, company, news_index):
    settings.PRESSROOM_FEED_ITEMS = 3
    made = [make_article(news_index) for _ in range(5)]  # each older than the one before
    feed, _ = parse(client, "/news/feed/rss/")
    assert [entry.link for entry in feed.entries] == [a.get_full_url() for a in made[:3]]


def test_conditional_get_answers_304_until_an_article_is_published(client, articles, news_index):
    _feed, response = parse(client, "/news/feed/rss/")
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert etag and last_modified == http_date(articles[1].last_published_at.timestamp())

    again = client.get("/news/feed/rss/", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    since = client.get("/news/feed/rss/", headers={"if-modified-since": last_modified})
    assert since.status_code == 304

    make_article(news_index, title="新消息", when=timezone.now() + timedelta(seconds=5))
    fresh = client.get("/news/feed/rss/", headers={"if-none-match": etag})
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    # RSS and Atom of the same articles are different documents with different tags.
    assert client.get("/news/feed/atom/")["ETag"] != fresh["ETag"]


def test_unpublishing_changes_the_etag(client, articles):
    etag = client.get("/news/feed/atom/")["ETag"]
    articles[1].unpublish()
    response = client.get("/news/feed/atom/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert len(feedparser.parse(response.content).entries) == 1


@pytest.mark.parametrize(
    "url",
    [
        "/news/feed/json/",
        "/news/feed/rss/extra/",
        "/news/category/nope/feed/rss/",
        "/news/category/company/feed/xml/",
    ],
)
def test_unknown_feeds_are_404(client, articles, url):
    assert client.get(url).status_code == 404


def test_feed_with_a_missing_picture_file_still_parses(client, articles):
    first = articles[0]
    first.cover_image.renditions.all().delete()
    first.cover_image.file.storage.delete(first.cover_image.file.name)
    feed, _ = parse(client, "/news/feed/rss/")
    assert len(feed.entries) == 2
