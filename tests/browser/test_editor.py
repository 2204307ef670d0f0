"""An editor writes, previews, publishes, edits and unpublishes an article in Wagtail's admin.

This journey changes content, so it gets pytest-django's `live_server` with `transactional_db`
(a clean database of its own) instead of the shared read-only `demo_site`.
"""

import io
import time
from datetime import datetime

import pytest
from PIL import Image as PILImage

from tests.browser.conftest import PASSWORD, ensure_root_page, log_in, screenshot

pytestmark = pytest.mark.browser

TITLE = "青禾流体推出智能巡检机器人"
SUMMARY = "新一代巡检机器人可在泵房内自动记录振动与温度。"
EDITED_SUMMARY = "巡检机器人首批交付三家水厂，振动与温度数据实时上传。"


def cover_jpeg() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 750), "#1f7a5c").save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


@pytest.fixture
def editor(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", email="editor@example.com", password=PASSWORD
    )


@pytest.fixture(autouse=True)
def _one_writer_at_a_time(settings):
    """No draft autosave while the editor types.

    The test database is SQLite in memory, one connection shared by the live server's threads:
    an autosave landing while the preview renders fails with "database table is locked" (a 500
    no real deployment sees: there each request has its own connection and waits its turn).
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def demo(transactional_db):
    """The demo site in a database of the test's own (after an earlier test's flush the tree's
    root is put back first)."""
    from pressroom.demo.loader import load_demo
    from pressroom.news.models import NewsIndexPage

    ensure_root_page()
    load_demo()
    return NewsIndexPage.objects.get(locale__language_code="zh-hans")


def write_title(page, title: str):
    """Type the title as an editor does (Wagtail fills the slug from it when the field is
    left), and wait for the slug."""
    page.fill("#id_title", title)
    page.locator("#id_title").press("Tab")
    page.wait_for_function("document.querySelector('#id_slug').value !== ''")


def publish_from_footer(page):
    """The footer's main button: 发布, for an editor who may publish (保存草稿 is under the arrow
    beside it)."""
    assert page.locator("footer button[name=action-publish]").is_visible()
    with page.expect_navigation(wait_until="load"):
        page.locator("footer button[name=action-publish]").click()
    assert page.locator(".messages .success").count() == 1, (
        page.locator(".messages").inner_text(),
        page.locator(".error-message").all_inner_texts(),
        page.locator(".w-field--error").evaluate_all(
            "els => els.map(e => (e.querySelector('[name]') || {}).name)"
        ),
    )


def public_article(page, live_server, url):
    response = page.goto(live_server + url, wait_until="load")
    return response.status


def updated_time(page) -> datetime:
    """The time after 更新时间 in the article's meta line (发布日期 stands first)."""
    updated = page.locator(".article__meta > span").filter(
        has=page.locator(".label", has_text="更新时间")
    )
    return datetime.fromisoformat(updated.locator("time").get_attribute("datetime"))


def test_editor_publishes_edits_and_unpublishes_an_article(
    new_page, problems, live_server, demo, editor
):
    from pressroom.news.models import NewsArticlePage

    page = new_page("desktop")
    log_in(page, live_server, editor)

    # Write a new article under the news center, with a freshly uploaded cover image.
    page.goto(f"{live_server}/admin/pages/{demo.pk}/add_subpage/", wait_until="load")
    assert page.url.endswith(f"/add/news/newsarticlepage/{demo.pk}/")
    write_title(page, TITLE)
    page.fill("#id_summary", SUMMARY)
    page.click("#id_cover_image-chooser [data-chooser-action-choose]")
    modal = page.locator(".modal-dialog")
    modal.locator("#tab-label-upload").click()
    modal.locator("#tab-upload input[type=file]").set_input_files(
        files=[{"name": "robot-cover.jpg", "mimeType": "image/jpeg", "buffer": cover_jpeg()}]
    )
    modal.locator("#tab-upload input[name$=title]").fill("巡检机器人封面")
    modal.locator("#tab-upload [type=submit]").click()
    modal.wait_for(state="detached")
    assert page.input_value("#id_cover_image"), "no cover image chosen"

    # Preview it beside the form before anyone else can see it.
    page.click("[data-side-panel-toggle=preview]")
    preview = page.frame_locator("iframe[src*='/preview/']")
    preview.locator("h1").filter(has_text=TITLE).wait_for()
    assert preview.locator(".article__cover img").count() == 1
    screenshot(page, "editor-preview-desktop")
    # Nothing is saved by previewing, and a visitor sees nothing yet.
    assert not NewsArticlePage.objects.filter(title=TITLE).exists()
    visitor = new_page("phone")
    visitor.goto(live_server + demo.url, wait_until="load")
    assert TITLE not in visitor.locator(".card__title a").all_inner_texts()
    visitor.close()

    # Publish: visible on the public site and first in the news list straight away.
    publish_from_footer(page)
    article = NewsArticlePage.objects.get(title=TITLE)
    assert article.live
    news = page.goto(live_server + demo.url, wait_until="load")
    assert news.status == 200
    assert page.locator(".card__title a").first.inner_text() == TITLE
    with page.expect_navigation(wait_until="load"):
        page.locator(".card__title a").first.click()
    assert page.url == live_server + article.url
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator(".article__cover img").count() == 1
    first_update = updated_time(page)

    # Edit and publish again: the update time moves on, the new summary shows.
    time.sleep(1.1)  # the page shows the update time to the second
    page.goto(f"{live_server}/admin/pages/{article.pk}/edit/", wait_until="load")
    page.fill("#id_summary", EDITED_SUMMARY)
    publish_from_footer(page)
    assert public_article(page, live_server, article.url) == 200
    assert page.locator(".lead").inner_text() == EDITED_SUMMARY
    assert updated_time(page) > first_update
    screenshot(page, "editor-published-article-desktop")

    # Unpublish: the article is gone from its address and from the list.
    page.goto(f"{live_server}/admin/pages/{article.pk}/unpublish/", wait_until="load")
    with page.expect_navigation(wait_until="load"):
        page.locator("main form [type=submit]").click()
    problems.expected_statuses.add(live_server + article.url)
    assert public_article(page, live_server, article.url) == 404
    page.goto(live_server + demo.url, wait_until="load")
    assert TITLE not in page.locator(".card__title a").all_inner_texts()
    assert problems.console == []


def add_block(page, kind: str, position: int = -1):
    """Open the body's "+" inserter (the last one unless ``position``) and pick ``kind``."""
    page.locator(".c-sf-add-button").nth(position).click()  # the body is the only stream
    page.get_by_role("option", name=kind).first.click()


def test_editor_writes_an_article_with_a_picture_beside_the_text_and_a_video(
    new_page, problems, live_server, demo, editor
):
    from pressroom.news.models import NewsArticlePage

    page = new_page("desktop")
    log_in(page, live_server, editor)
    page.goto(f"{live_server}/admin/pages/add/news/newsarticlepage/{demo.pk}/", wait_until="load")
    write_title(page, "泵站视频巡检")
    page.fill("#id_summary", "一段巡检视频和一张现场照片。")

    # A picture, chosen from the library and placed left of the text.
    add_block(page, "图片")
    block_chooser = page.locator("[data-streamfield-stream-container] [data-chooser-action-choose]")
    block_chooser.last.wait_for()  # the new block's chooser, not the cover's above it
    block_chooser.last.click()
    modal = page.locator(".modal-dialog")
    choice = modal.locator("a[data-chooser-modal-choice]").first
    choice.click()
    modal.wait_for(state="detached")
    page.wait_for_function(
        "[...document.querySelectorAll(\"input[name$='-value-image']\")].every(i => i.value)"
    )
    page.locator("select[name$='-value-placement']").last.select_option("left")
    page.locator("input[name$='-value-caption']").last.fill("泵房现场")

    # A paragraph with a picture inside it: the paragraph's "/" menu, the library, a format.
    add_block(page, "段落")
    paragraph = page.locator(".Draftail-Editor [contenteditable=true]").last
    paragraph.click()
    page.keyboard.type("巡检从进水口开始。")
    page.keyboard.press("Enter")
    page.keyboard.type("/")
    page.get_by_role("option", name="图片").first.click()
    modal.locator("a[data-chooser-modal-choice]").first.click()
    modal.locator("input[name='image-chooser-insertion-alt_text']").fill("进水口的格栅")
    modal.locator("input[name='image-chooser-insertion-format'][value='right']").check()
    modal.locator("[type=submit]").click()
    modal.wait_for(state="detached")
    page.locator(".Draftail-Editor .MediaBlock").last.wait_for()

    # A video: the address of its page on Bilibili.
    add_block(page, "视频")
    page.locator("input[name$='-value-url']").last.fill(
        "https://www.bilibili.com/video/BV1GJ411x7h7"
    )
    publish_from_footer(page)

    article = NewsArticlePage.objects.get(title="泵站视频巡检")
    assert [block.block_type for block in article.body] == ["image", "paragraph", "video"]
    assert article.cover_image is None  # the picture went into the body, not the cover
    page.route("https://player.bilibili.com/**", lambda route: route.abort())  # offline here
    page.goto(live_server + article.url, wait_until="load")
    assert page.locator(".stream figure.figure--left figcaption").inner_text() == "泵房现场"
    inline = page.locator(".stream .rich-text img.richtext-image.right")
    assert inline.get_attribute("alt") == "进水口的格栅"
    assert inline.evaluate("img => img.complete && img.naturalWidth") == 480
    frame = page.locator(".video iframe")
    assert frame.get_attribute("src").startswith("https://player.bilibili.com/player.html?")
