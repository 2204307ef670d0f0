"""`pressroom import wordpress`: the fixture export (an invented valve maker's WordPress site)
becomes articles, pages, categories and pictures that a visitor sees, and its old addresses
answer 301."""

from datetime import UTC, datetime

import pytest
from django.core.management import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import StandardPage
from tests.importers.conftest import WXR, run_import

pytestmark = pytest.mark.django_db


def article(title) -> NewsArticlePage:
    return NewsArticlePage.objects.get(title=title)


@pytest.fixture
def imported(home, uploads):
    return run_import("wordpress", WXR, "--media", uploads)


def test_posts_become_articles_with_their_date_author_category_and_cover(imported, client):
    plant = article("青岚新厂区正式投产")
    assert plant.live
    assert plant.first_published_at == datetime(2024, 3, 5, 2, 0, tzinfo=UTC)
    assert plant.author == "林晓岚"
    assert plant.category.name == "公司动态"
    assert plant.summary == "湖州新厂区投产，年产阀门十二万台。"
    assert [tag.name for tag in plant.tags.all()] == ["蝶阀"]
    assert plant.cover_image is not None and plant.cover_image.width == 64

    page = client.get(plant.url).content.decode()
    assert "新厂区占地八十亩" in page
    assert "年产各类阀门十二万台。<br/>车间全部采用自动化焊接线。" in page  # classic text
    assert "湖州新厂区外景" in page  # the [caption] as the picture's caption
    assert "产能翻番" in page

    english = article("Qinglan valves now certified to API 609")
    assert english.author == "Mark Hollis"
    assert english.category.name == "行业资讯"
    assert english.category.slug == "hang-ye-zi-xun"
    assert [block.block_type for block in english.body] == ["paragraph"]
    assert english.body[0].value.source.count("<p") == 2


def test_gutenberg_blocks_become_the_projects_blocks(imported, client):
    expo = article("春季展会圆满结束")
    kinds = [block.block_type for block in expo.body]
    assert kinds == ["paragraph", "heading", "image", "video", "quote", "image", "paragraph"]
    assert expo.body[2].value["caption"] == "青岚展台一角"
    assert "bilibili.com/video/BV1GJ411x7h7" in expo.body[3].value["url"]
    assert expo.body[4].value["attribution"] == "林晓岚"
    # Two categories: the first is the article's, the other becomes a tag.
    assert expo.category.name == "展会活动"
    assert [tag.name for tag in expo.tags.all()] == ["公司动态"]
    # Links between posts point at the new pages, also to a post imported after this one.
    page = client.get(expo.url).content.decode()
    assert f'href="{article("青岚新厂区正式投产").url}"' in page
    plant = client.get(article("青岚新厂区正式投产").url).content.decode()
    assert f'href="{expo.url}"' in plant


def test_bodies_are_cleaned_and_hidden_spam_links_reported(imported, client):
    page = client.get(article("青岚新厂区正式投产").url).content.decode()
    for left_out in (
        "cheap-pills",
        "百家乐",
        "tracker",
        "ads.evil.test",
        "contact-form-7",
        "display:none",
    ):
        assert left_out not in page
    assert "hidden or spam links left out: 2" in imported
    assert "http://cheap-pills.test/ (hidden)" in imported
    assert "shortcodes left out: [contact-form-7] ×1" in imported


def test_only_published_posts_without_a_password_are_public(imported, client):
    for title in ("草稿：新品预告", "待审：经销商大会", "内部：年终奖方案", "经销商专区价格"):
        draft = article(title)
        assert not draft.live, title
        assert client.get(f"/news/{draft.slug}/").status_code == 404
    assert article("草稿：新品预告").first_published_at.year == 2024  # kept for publishing
    scheduled = article("百年庆典预告")
    assert not scheduled.live
    assert scheduled.go_live_at == datetime(2100, 1, 1, tzinfo=UTC)
    assert scheduled.latest_revision.approved_go_live_at == datetime(2100, 1, 1, tzinfo=UTC)
    assert not NewsArticlePage.objects.filter(title="删掉的旧文").exists()
    assert "post 删掉的旧文: in the trash" in imported
    assert "经销商专区价格: password-protected, kept as a draft" in imported


def test_pages_keep_their_tree_and_categories_come_along(imported, home, client):
    about = StandardPage.objects.get(title="关于青岚")
    certificates = StandardPage.objects.get(title="资质证书")
    assert about.get_parent().pk == home.pk
    assert certificates.get_parent().pk == about.pk
    assert client.get("/about/certificates/").status_code == 200
    assert "专注蝶阀与球阀。" in client.get("/about/").content.decode()
    assert sorted(NewsCategory.objects.values_list("name", flat=True)) == sorted(
        ["公司动态", "展会活动", "行业资讯"]
    )  # "Uncategorized" is not a category worth having


def test_report_counts_what_was_made(imported):
    assert "post: 8 created, 0 updated, 0 unchanged" in imported
    assert "page: 2 created, 0 updated, 0 unchanged" in imported
    assert "image: 2 created" in imported
    assert "category: 3 created" in imported
    assert "comments (counted, not imported): 3" in imported
    assert "redirects (301): 8" in imported
    assert "gone.png (not in the media folder)" in imported
    assert "catalogue.pdf (not in the media folder)" in imported  # a document, its file lost


def test_old_addresses_answer_301_to_the_new_pages(imported, client):
    plant, expo = article("青岚新厂区正式投产"), article("春季展会圆满结束")
    for old, new in [
        ("/2024/03/new-plant/", plant.url),
        ("/2024/03/new-plant", plant.url),
        ("/?p=11", plant.url),
        ("/?p=12", expo.url),
        ("/2024/04/expo/", expo.url),
        ("/?page_id=31", StandardPage.objects.get(title="资质证书").url),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
    # A draft's old address showed nothing: it still shows nothing here.
    assert client.get("/?p=14").status_code == 200  # the home page, not the draft
    assert client.get("/2024/05/bonus/").status_code == 404
    assert client.get("/?utm_source=x").status_code == 200


def test_the_home_page_with_another_query_costs_no_redirect_lookup(imported, client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/?uncached=2").status_code == 200
    assert not [q for q in queries.captured_queries if "wagtailredirects" in q["sql"]]


def test_a_second_run_updates_nothing_and_duplicates_nothing(imported, uploads):
    counts = (
        NewsArticlePage.objects.count(),
        StandardPage.objects.count(),
        get_image_model().objects.count(),
        NewsCategory.objects.count(),
        Redirect.objects.count(),
    )
    again = run_import("wordpress", WXR, "--media", uploads)
    # The expo post shows a picture that is missing (gone.png): it is tried again each run.
    assert "post: 0 created, 1 updated, 7 unchanged" in again
    assert "redirects (301): 0" in again
    assert counts == (
        NewsArticlePage.objects.count(),
        StandardPage.objects.count(),
        get_image_model().objects.count(),
        NewsCategory.objects.count(),
        Redirect.objects.count(),
    )


def test_a_changed_source_updates_its_page_unless_an_editor_changed_it(imported, uploads, tmp_path):
    changed = tmp_path / "changed.xml"
    changed.write_text(
        WXR.read_text(encoding="utf-8").replace("春季展会圆满结束", "春季展会圆满落幕"),
        encoding="utf-8",
    )
    report = run_import("wordpress", changed, "--media", uploads)
    assert "post: 0 created, 1 updated, 7 unchanged" in report
    expo = article("春季展会圆满落幕")

    expo.title = "编辑改过的标题"
    expo.save_revision().publish()
    changed.write_text(
        WXR.read_text(encoding="utf-8").replace("春季展会圆满结束", "春季展会第三版"),
        encoding="utf-8",
    )
    report = run_import("wordpress", changed, "--media", uploads)
    assert "春季展会第三版: changed by an editor since the last import" in report
    assert article("编辑改过的标题").pk == expo.pk
    run_import("wordpress", changed, "--media", uploads, "--overwrite")
    assert article("春季展会第三版").pk == expo.pk


def test_a_dry_run_reports_and_writes_nothing(home, uploads, tmp_path):
    saved = tmp_path / "report.txt"
    report = run_import("wordpress", WXR, "--media", uploads, "--dry-run", "--report", saved)
    assert report.startswith("Dry run: nothing was written.")
    assert saved.read_text(encoding="utf-8") == report
    assert "post: 8 created" in report
    assert not NewsArticlePage.objects.exists()
    assert not get_image_model().objects.exists()
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (lambda text: text[: len(text) // 2], "not well-formed XML"),
        (lambda text: text.replace("林晓岚", "林晓岚\udcff"), "not well-formed XML"),
        (
            lambda text: text.replace(
                "<rss", '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss', 1
            ),
            "declares a DTD or entities",
        ),
        (
            lambda text: (
                '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
                "<rss><channel><title>&lol2;</title></channel></rss>"
            ),
            "declares a DTD or entities",
        ),
        (lambda text: "<html><body>not an export</body></html>", "not a WordPress export"),
        (
            lambda text: text.replace("<wp:wxr_version>1.2</wp:wxr_version>", ""),
            "not a WordPress export",
        ),
    ],
    ids=[
        "truncated",
        "wrong-encoding",
        "external-entity",
        "entity-expansion",
        "not-rss",
        "plain-rss",
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_written(
    home, tmp_path, content, message
):
    bad = tmp_path / "export.xml"
    bad.write_bytes(
        content(WXR.read_text(encoding="utf-8")).encode("utf-8", errors="surrogateescape")
    )
    with pytest.raises(CommandError, match=message) as refused:
        run_import("wordpress", bad)
    assert refused.value.returncode == 1
    assert not NewsArticlePage.objects.exists()
    assert not NewsCategory.objects.exists()


def test_a_missing_file_is_refused(home, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run_import("wordpress", tmp_path / "nowhere.xml")


def test_a_file_with_a_byte_order_mark_imports(home, uploads, tmp_path):
    marked = tmp_path / "bom.xml"
    marked.write_bytes(b"\xef\xbb\xbf" + WXR.read_bytes())
    assert "post: 8 created" in run_import("wordpress", marked, "--media", uploads)


def test_an_item_whose_picture_was_missing_is_tried_again(home, uploads):
    (uploads / "2024/04/booth.png").rename(uploads / "booth.png.away")
    first = run_import("wordpress", WXR, "--media", uploads)
    assert "booth.png (not in the media folder)" in first
    expo = article("春季展会圆满结束")
    assert [block.block_type for block in expo.body].count("image") == 0
    (uploads / "booth.png.away").rename(uploads / "2024/04/booth.png")
    again = run_import("wordpress", WXR, "--media", uploads)
    assert "post: 0 created, 1 updated, 7 unchanged" in again
    assert [block.block_type for block in article("春季展会圆满结束").body].count("image") == 2


def search_titles(client, query: str) -> list[str]:
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/search/", {"q": query}).content.decode(), "html.parser")
    return [title.get_text() for title in page.select(".search-result__title")]


def test_the_site_search_finds_the_published_articles_and_keeps_up_after(imported, client):
    assert search_titles(client, "新厂区") == ["青岚新厂区正式投产", "春季展会圆满结束"]
    assert search_titles(client, "新品预告") == []  # a draft
    plant = article("青岚新厂区正式投产")
    plant.unpublish()  # after the import, each change is in the results at once again
    assert search_titles(client, "新厂区") == ["春季展会圆满结束"]
