"""A Chinese editor works the 留言 inbox in a real browser: opens a message, finds the reply
link, marks it handled, writes a note and exports the list; on a phone the list is cards.

It changes data, so it gets pytest-django's `live_server` with `transactional_db`.
"""

import csv
import io
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import PASSWORD, ensure_root_page, log_in, screenshot

pytestmark = pytest.mark.browser

# 05:32 on 2 December, Beijing time.
MORNING = datetime(2026, 12, 1, 21, 32, tzinfo=UTC)


@pytest.fixture
def inbox(transactional_db, django_user_model):
    """A site with its contact page, the roles, an Editor, and the messages of a week."""
    from django.contrib.auth.models import Group

    from pressroom.contact.models import ContactPage
    from pressroom.core.models import CompanyInfo
    from pressroom.pages.setup import create_site_tree
    from pressroom.security.roles import EDITORS, ensure_roles
    from tests.factories import make_message

    ensure_root_page()
    home = create_site_tree()
    page = ContactPage.objects.child_of(home).get()
    info = CompanyInfo.for_site(home.get_site())
    info.name, info.email = "明川测试仪器有限公司", "hello@example.com"
    info.save()
    ensure_roles()
    editor = django_user_model.objects.create_user("xiaoli", "xiaoli@example.com", PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    older = [
        dict(name="张伟", company="宁波港机械有限公司", phone="0574-8765 4321", email="",
             message="我们需要 200 台 QH-50 水泵，请报价并说明交货期。", handled=True,
             read_at=MORNING, delivery="sent"),
        dict(name="Li Ming", company="Acme Pumps Ltd", phone="", email="li.ming@acme.example",
             message="Could you send the English catalogue and the CE certificate?",
             read_at=MORNING, note="已寄英文目录", delivery="sent"),
        dict(name="陈静", company="", phone="139 0571 0000", email="chen.jing@example.net",
             message="请问贵公司的售后服务电话是多少？设备出现异响。", delivery="off"),
    ]  # fmt: skip
    for days, answers in enumerate(older, start=1):
        make_message(page, when=MORNING - timedelta(days=days), **answers)
    newest = make_message(
        page,
        when=MORNING,
        name="王芳",
        company="杭州示例贸易有限公司",
        phone="138 0013 8000",
        email="wang.fang@example.net",
        message="想了解不锈钢离心泵的报价，能否寄一份样本？\n我们下月在杭州有项目。",
        delivery="sent",
    )
    return {"editor": editor, "message": newest}


def test_an_editor_opens_answers_marks_and_exports_a_message(
    new_page, problems, live_server, inbox
):
    from pressroom.contact.models import ContactMessage

    message = inbox["message"]
    page = new_page("desktop")
    log_in(page, live_server, inbox["editor"])

    # The menu leads to the inbox; the new message is first, in bold, at Beijing time.
    with page.expect_navigation(wait_until="load"):
        page.locator("a[href='/admin/contact_message/']").first.click()
    first = page.locator(".inbox-table tbody tr").first
    assert "is-unread" in first.get_attribute("class")
    assert first.locator(".inbox-time").inner_text().strip() == "2026-12-02 05:32"
    assert first.locator(".inbox-phone a").get_attribute("href") == "tel:13800138000"
    weight = first.locator(".inbox-name a").evaluate("a => getComputedStyle(a).fontWeight")
    assert int(weight) >= 700
    screenshot(page, "inbox-list-desktop")

    # The row opens the message.
    with page.expect_navigation(wait_until="load"):
        first.locator(".inbox-name a").click()
    assert page.url == f"{live_server}/admin/contact_message/inspect/{message.pk}/"
    assert page.locator(".inbox-message h2").inner_text() == "王芳"
    assert "我们下月在杭州有项目" in page.locator(".inbox-message__text").inner_text()
    reply = urlsplit(page.locator("a.inbox-reply").get_attribute("href"))
    assert reply.scheme == "mailto" and reply.path == "wang.fang@example.net"
    assert parse_qs(reply.query)["subject"][0].startswith("Re: 想了解不锈钢离心泵的报价")
    screenshot(page, "inbox-message-desktop")

    # Mark it handled and leave a note for the sales team.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="标记为已处理").click()
    assert "已标记为已处理" in page.locator(".messages").inner_text()
    assert page.locator(".inbox-message__head .inbox-badge").inner_text().strip() == "已处理"
    page.fill("#id_note", "已电话联系，周五寄样本。")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="保存备注").click()
    assert "备注已保存" in page.locator(".messages").inner_text()
    message.refresh_from_db()
    assert message.handled and message.note == "已电话联系，周五寄样本。"
    assert message.read_at is not None

    # Export the list as CSV: opens in Excel (BOM), Beijing time, Chinese words.
    page.goto(f"{live_server}/admin/contact_message/", wait_until="load")
    assert "is-unread" not in page.locator(".inbox-table tbody tr").first.get_attribute("class")
    page.locator("#w-slim-header-buttons [data-w-dropdown-target=toggle]").click()
    with page.expect_download() as download:
        page.locator("a[href*='export=csv']").click()
    data = open(download.value.path(), "rb").read()  # noqa: SIM115
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    wang = dict(zip(rows[0], next(row for row in rows if "王芳" in row), strict=True))
    assert wang["时间"] == "2026-12-02 05:32:00"
    assert (wang["状态"], wang["销售备注"]) == ("已处理", "已电话联系，周五寄样本。")
    assert problems.console == []
    assert ContactMessage.objects.filter(handled=True).count() == 2


def test_on_a_phone_the_inbox_is_a_list_of_cards(new_page, problems, live_server, inbox):
    page = new_page("phone")
    log_in(page, live_server, inbox["editor"])
    page.goto(f"{live_server}/admin/contact_message/", wait_until="load")
    assert not page.locator(".inbox-table thead").is_visible()
    cards = page.locator(".inbox-table tbody tr")
    assert cards.count() == 4
    width = page.evaluate("window.innerWidth")
    for n in range(cards.count()):
        box = cards.nth(n).bounding_box()
        assert box["width"] > width * 0.8, box  # one card across, not a column of a table
        assert cards.nth(n).evaluate("row => getComputedStyle(row).display") == "grid"
    call = cards.first.locator(".inbox-phone a")
    assert call.get_attribute("href") == "tel:13800138000"
    tap = call.bounding_box()
    assert tap["height"] >= 24 and tap["width"] >= 24
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, "inbox-list-phone")

    with page.expect_navigation(wait_until="load"):
        cards.first.locator(".inbox-name a").click()
    assert page.locator("a.inbox-call").get_attribute("href") == "tel:13800138000"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, "inbox-message-phone")
    assert problems.console == []
