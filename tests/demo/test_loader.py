"""`pressroom demo` shows visitors what the data files say, in each language, word for word."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from PIL import Image as PILImage
from wagtail.models import Locale

from pressroom.demo.loader import load_demo, read_demo
from pressroom.demo.pictures import IMAGE_TITLE
from pressroom.news.models import NewsArticlePage
from pressroom.pages.models import StandardPage

pytestmark = pytest.mark.django_db
LOCALES = {"zh": "zh-hans", "en": "en"}


def small_picture(n: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 40), (n * 30 % 255, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (with small pictures) and rolled back after it."""
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock(), transaction.atomic():
        patch.setattr("pressroom.demo.pictures.draw_picture", small_picture)
        load_demo()
        yield read_demo()
        transaction.set_rollback(True)


def words(html: str) -> str:
    """What a visitor reads of some HTML: its text, spaces run together."""
    return re.sub(r"\s+", " ", BeautifulSoup(html, "html.parser").get_text(" ")).strip()


def block_words(kind, value) -> list[str]:
    if kind in ("heading", "paragraph"):
        return [words(value)]
    if kind == "quote":
        return [value["text"], value["attribution"]]
    if kind == "image":
        return [value["caption"]]
    return [value["caption"], *(cell for row in value["rows"] for cell in row)]


def read(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


def check_page(html: BeautifulSoup, texts: dict) -> None:
    assert html.h1.get_text(strip=True) == texts["title"]
    assert html.select_one(".lead").get_text(strip=True) == texts["summary"]
    stream = words(str(html.select_one(".stream")))
    for kind, value in texts["body"]:
        for text in block_words(kind, value):
            assert words(text) in stream, (kind, text)


def test_every_page_and_article_shows_its_file(demo, client):
    for language, code in LOCALES.items():
        locale = Locale.objects.get(language_code=code)
        for item in demo["pages"]:
            page = StandardPage.objects.get(slug=item["slug"], locale=locale)
            check_page(read(client, page), item[language])
        for item in demo["news"]:
            texts = item[language]
            article = NewsArticlePage.objects.get(slug=item["slug"], locale=locale)
            html = read(client, article)
            check_page(html, texts)
            meta = html.select_one(".article__meta").get_text(" ")
            assert f"{item['updated']:%Y-%m-%d %H:%M:%S}" in meta
            assert f"{item['published']:%Y-%m-%d}" in meta
            assert texts["author"] in html.select_one(".article__byline").get_text()
            if texts["source_name"]:
                source = html.select_one(".article__meta a")
                assert (source.get_text(), source["href"]) == (
                    texts["source_name"],
                    item["source_url"],
                )
            footer = html.select_one(".article__footer")
            assert sorted(a.get_text() for a in footer.select(".tag")) == sorted(texts["tags"])
            category = next(c for c in demo["categories"] if c["slug"] == item["category"])
            assert category[language]["name"] in footer.get_text()
            assert article.cover_image.title == IMAGE_TITLE.format(n=item["cover_image"])


def test_the_company_home_and_contact_pages_show_their_files(demo, client):
    company, home, contact = demo["company"][0], demo["home"][0], demo["contact"][0]
    sections = demo["home_sections"][0]
    for language, prefix in (("zh", ""), ("en", "/en")):
        html = BeautifulSoup(client.get(f"{prefix}/").content, "html.parser")
        assert html.h1.get_text(strip=True) == home[language]["headline"]
        # The made-up mark beside the name, and as the site icon.
        assert html.select_one(".brand img.brand__logo")
        assert html.select_one('link[rel="icon"]')["type"] == "image/png"
        assert [p.get_text() for p in html.select(".banner__title")] == [
            banner[language]["title"] for banner in sections["banner"]
        ]
        texts = sections[language]
        assert [h.get_text() for h in html.select(".home-section h2")] == [
            texts[f"{name}_heading"]
            for name in ("about", "figures", "products", "cases", "honours", "news")
        ] + [texts["partners_heading"], texts["links_heading"], contact[language]["title"]]
        about = html.select_one(".home-about")
        assert words(str(about.select_one(".rich-text"))) == words(company[language]["intro"])
        assert about.figcaption.get_text() == texts["about_caption"]
        page = words(str(html))
        for name in ("name", "welcome", "address", "intro"):
            assert words(company[language][name]) in page, name
        for name in ("hotline", "phone", "fax", "email", "icp_number"):
            assert company[name] in page, name
        html = BeautifulSoup(client.get(f"{prefix}/contact/").content, "html.parser")
        assert html.h1.get_text(strip=True) == contact[language]["title"]
        assert words(str(html.select_one(".lead"))) == words(contact[language]["intro"])


def test_pictures_loaded_under_their_old_english_titles_are_renamed(db):
    from wagtail.images import get_image_model

    from pressroom.demo.pictures import IMAGE_COUNT, IMAGE_TITLE, OLD_IMAGE_TITLE, ensure_images

    Image = get_image_model()
    first = ensure_images()
    Image.objects.filter(pk=first[1].pk).update(title=OLD_IMAGE_TITLE.format(n=1))
    again = ensure_images()
    assert again[1].pk == first[1].pk and again[1].title == "演示配图 1"
    # One picture per number, none left under the old title.
    titles = [IMAGE_TITLE.format(n=n) for n in range(1, IMAGE_COUNT + 1)]
    assert Image.objects.filter(title__in=titles).count() == IMAGE_COUNT
    assert not Image.objects.filter(title=OLD_IMAGE_TITLE.format(n=1)).exists()
