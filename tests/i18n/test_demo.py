"""The demo company in both languages: translated, published, crawlable, loaded idempotently."""

import io
import re
from collections import deque

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from PIL import Image as PILImage
from wagtail.models import Locale, Page, Revision

from pressroom.careers.models import JobPostingPage
from pressroom.demo.loader import load_demo, read_demo
from pressroom.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def small_picture(n: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 40), (n * 30 % 255, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def demo(monkeypatch):
    # Full-size pictures only cost time here.
    monkeypatch.setattr("pressroom.demo.pictures.draw_picture", small_picture)
    return load_demo()


def locale(code):
    return Locale.objects.get(language_code=code)


def check_every_page_is_live_in_both_languages_once(demo):
    assert demo["articles"] == len(read_demo()["news"])
    zh = Page.objects.filter(locale=locale("zh-hans"), depth__gte=2)
    en = Page.objects.filter(locale=locale("en"), depth__gte=2)
    # home, news, contact, sitemap, privacy
    assert zh.count() == en.count() == demo["translations"] + 5
    assert not en.not_live().exists()
    assert set(zh.values_list("translation_key", flat=True)) == set(
        en.values_list("translation_key", flat=True)
    )
    # A second run changes nothing, in either language.
    before = (Page.objects.count(), Revision.objects.count())
    assert load_demo() == {"articles": 0, "translations": 0}
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_demo_is_translated_published_and_loaded_once(demo, client):
    """Every article has its English texts and the same publish times; running twice is a no-op."""
    for item in read_demo()["news"]:
        zh = NewsArticlePage.objects.get(slug=item["slug"], locale=locale("zh-hans"))
        en = zh.get_translation(locale("en")).specific
        english = item["en"]
        assert (en.title, en.summary, en.author) == (
            english["title"],
            english["summary"],
            english["author"],
        )
        assert en.source_name == english["source_name"]
        assert sorted(t.name for t in en.tags.all()) == sorted(english["tags"])
        assert en.first_published_at == zh.first_published_at
        assert en.last_published_at == zh.last_published_at
        assert en.category_id == zh.category_id and en.cover_image_id == zh.cover_image_id
        assert not CJK.search(en.title + en.summary + str(en.body.raw_data))
    check_menus(client)
    check_dates(client)
    check_every_page_is_live_in_both_languages_once(demo)


def check_menus(client):
    zh = BeautifulSoup(client.get("/").content, "html.parser")
    en = BeautifulSoup(client.get("/en/").content, "html.parser")
    zh_links = [a["href"] for a in zh.select(".main-nav a")]
    en_links = [a["href"] for a in en.select(".main-nav a")]
    assert en_links == ["/en" + href for href in zh_links]
    titles = [a.get_text() for a in en.select(".main-nav a")]
    assert titles[1] == read_demo()["pages"][0]["en"]["title"]
    assert "Contact us" in titles and "News center" in titles


def check_dates(client):
    """Articles show YYYY-MM-DD HH:MM:SS and lists YYYY-MM-DD, in both languages."""
    item = read_demo()["news"][0]
    for prefix in ["", "/en"]:
        html = BeautifulSoup(client.get(f"{prefix}/news/{item['slug']}/").content, "html.parser")
        meta = html.select_one(".article__meta").get_text(" ")
        assert f"{item['updated']:%Y-%m-%d %H:%M:%S}" in meta
        card = BeautifulSoup(client.get(f"{prefix}/news/").content, "html.parser")
        dates = [t.get_text() for t in card.select(".card__meta time")]
        assert dates and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dates)


def crawl(client, start="/") -> dict[str, BeautifulSoup]:
    """Every page reachable by following links from ``start``: path -> parsed page."""
    seen, queue, pages = {start}, deque([start]), {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        assert response.status_code == 200, path
        html = BeautifulSoup(response.content, "html.parser")
        pages[path] = html
        for a in html.select("a[href^='/']"):
            href = a["href"].split("#")[0]
            if href.startswith(("/admin/", "/media/", "/documents/", "/static/", "//")):
                continue
            if href not in seen:
                seen.add(href)
                queue.append(href)
    return pages


def visible_text(html: BeautifulSoup, other_lang: str) -> str:
    """Text and labels a visitor meets, leaving out what is marked as the other language."""
    body = BeautifulSoup(str(html), "html.parser")
    for marked in body.select(f"[lang='{other_lang}']"):
        if marked.name != "html":
            marked.decompose()
    labels = [
        el[attr]
        for attr in ["aria-label", "alt", "title", "placeholder"]
        for el in body.select(f"[{attr}]")
    ]
    return body.get_text(" ") + " " + " ".join(labels)


def english_labels() -> list[re.Pattern]:
    """The English of every interface string that templates show, as word patterns."""
    catalog = polib.pofile(str(settings.LOCALE_PATHS[0] / "zh_Hans/LC_MESSAGES/django.po"))
    patterns = set()
    for entry in catalog:
        if entry.msgstr == entry.msgid:
            continue
        if not any(path.endswith(".html") for path, _line in entry.occurrences):
            continue
        for fragment in re.split(r"%\(\w+\)s", entry.msgid):
            fragment = fragment.strip(" :“”.,©")
            if len(fragment) >= 3 and fragment not in {"Copyright"}:
                patterns.add(re.compile(rf"(?<![\w-]){re.escape(fragment)}(?![\w-])"))
    return sorted(patterns, key=lambda p: p.pattern)


def test_both_languages_are_crawlable_linked_and_unmixed(demo, client):
    pages = crawl(client)
    # Job postings past their last day are linked from nowhere (their page answers 410).
    closed = JobPostingPage.objects.closed().values("pk")
    live = Page.objects.live().filter(depth__gte=2).exclude(pk__in=closed).specific()
    missing = [page.url for page in live if page.url not in pages]
    assert missing == []
    assert any(path.startswith("/en/") for path in pages)
    assert "/news/category/company/" in pages and "/en/news/category/company/" in pages
    # No interface label of one language shows on the other's pages.
    labels = english_labels()
    assert len(labels) > 30
    for path, html in pages.items():
        if path.startswith("/en/"):
            assert html.html["lang"] == "en", path
            text = visible_text(html, "zh-Hans")
            assert CJK.findall(text) == [], path
        else:
            assert html.html["lang"] == "zh-Hans", path
            text = visible_text(html, "en")
            found = [p.pattern for p in labels if p.search(text)]
            assert found == [], path


def test_label_check_finds_english_labels_on_a_chinese_page():
    html = BeautifulSoup(
        '<html lang="zh-Hans"><body><p>来源：Source: 新华社</p><p aria-label="Pagination">1</p>'
        '<a lang="en" href="/en/">English</a><p>ISO 9001 QH-50</p></body></html>',
        "html.parser",
    )
    found = {p.pattern for p in english_labels() if p.search(visible_text(html, "en"))}
    assert any("Source" in pattern for pattern in found)
    assert any("Pagination" in pattern for pattern in found)
    assert not any("English" in pattern for pattern in found)
