"""`pressroom export-content --format wxr`: the site's content as a WordPress export that
`pressroom import wordpress` reads back into an empty site with the same content."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from defusedxml.ElementTree import parse
from django.conf import settings
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from pressroom.importers.models import ImportedItem
from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import StandardPage
from tests.importers.conftest import WXR, run_import

pytestmark = pytest.mark.django_db
WP = "{http://wordpress.org/export/1.2/}"


def export(path: Path, *args) -> str:
    out = StringIO()
    call_command("export-content", "--format", "wxr", str(path), *args, stdout=out)
    return out.getvalue()


def text_of(blocks) -> str:
    html = "".join(str(block.render()) for block in blocks if block.block_type != "image")
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def snapshot() -> dict:
    """What a reader sees of each article and page, by title."""
    seen = {}
    for article in NewsArticlePage.objects.all():
        seen[article.title] = {
            "live": article.live,
            "date": article.first_published_at,
            "author": article.author,
            "source": (article.source_name, article.source_url),
            "category": article.category.name if article.category else None,
            "tags": sorted(tag.name for tag in article.tags.all()),
            "summary": article.summary,
            "body": text_of(article.body),
            "pictures": sum(block.block_type == "image" for block in article.body),
            "cover": article.cover_image is not None,
        }
    for page in StandardPage.objects.all():
        parent = page.get_parent().specific
        seen[page.title] = {
            "parent": parent.title if isinstance(parent, StandardPage) else None,
            "summary": page.summary,
            "body": text_of(page.body),
        }
    return seen


def empty_the_site() -> None:
    for page in Page.objects.type(NewsArticlePage, StandardPage).order_by("-depth"):
        if Page.objects.filter(pk=page.pk).exists():
            page.delete()
    NewsCategory.objects.all().delete()
    ImportedItem.objects.all().delete()
    Redirect.objects.all().delete()
    get_image_model().objects.all().delete()


def test_round_trip_export_then_import_into_an_empty_site(home, uploads, tmp_path):
    run_import("wordpress", WXR, "--media", uploads)
    reprint = NewsArticlePage.objects.filter(live=True).last()
    reprint.source_name, reprint.source_url = "流体机械网", "https://fluid.example.com/a/1"
    reprint.save_revision().publish()
    before = snapshot()
    assert len(before) >= 5 and any(value.get("pictures") for value in before.values())
    exported = tmp_path / "export.xml"
    assert "Wrote" in export(exported)
    pictures = tmp_path / "pictures"  # the exported pictures, as a copy of the old uploads
    shutil.copytree(Path(settings.MEDIA_ROOT) / "original_images", pictures)

    empty_the_site()
    assert not NewsArticlePage.objects.exists()
    report = run_import("wordpress", exported, "--media", pictures)
    assert "missing files" not in report
    after = snapshot()
    for title in before:
        assert after.get(title) == before[title], title


def test_the_file_is_wxr_with_its_namespaces_and_items(home, uploads, tmp_path):
    run_import("wordpress", WXR, "--media", uploads)
    exported = tmp_path / "export.xml"
    export(exported)
    head = exported.read_text(encoding="utf-8")[:1000]
    for uri in (
        "http://wordpress.org/export/1.2/",
        "http://wordpress.org/export/1.2/excerpt/",
        "http://purl.org/rss/1.0/modules/content/",
        "http://purl.org/dc/elements/1.1/",
    ):
        assert uri in head
    channel = parse(exported, forbid_dtd=True).getroot().find("channel")
    assert channel.find(f"{WP}wxr_version").text == "1.2"
    items = channel.findall("item")
    kinds = [item.find(f"{WP}post_type").text for item in items]
    assert kinds.count("post") == NewsArticlePage.objects.count()
    assert kinds.count("page") == StandardPage.objects.count()
    assert kinds.count("attachment") == get_image_model().objects.count()
    for item in items:
        if item.find(f"{WP}post_type").text == "attachment":
            assert item.find(f"{WP}attachment_url").text.startswith("http://localhost/media/")
    plant = next(item for item in items if item.find("title").text == "青岚新厂区正式投产")
    languages = [c.text for c in plant.findall("category") if c.get("domain") == "language"]
    assert languages == ["zh-hans"]
    metas = {
        meta.find(f"{WP}meta_key").text: meta.find(f"{WP}meta_value").text
        for meta in plant.findall(f"{WP}postmeta")
    }
    assert metas["_thumbnail_id"] in {
        item.find(f"{WP}post_id").text
        for item in items
        if item.find(f"{WP}post_type").text == "attachment"
    }
    body = plant.find("{http://purl.org/rss/1.0/modules/content/}encoded").text
    assert 'src="http://localhost/media/original_images/' in body


def test_language_option_picks_one_tree(home, uploads, tmp_path):
    run_import("wordpress", WXR, "--media", uploads)
    for language, posts in [("en", 0), ("zh-hans", NewsArticlePage.objects.count())]:
        exported = tmp_path / f"{language}.xml"
        export(exported, "--language", language)
        items = parse(exported, forbid_dtd=True).getroot().find("channel").findall("item")
        assert [item.find(f"{WP}post_type").text for item in items].count("post") == posts
