"""The question board (在线留言) in a browser: the demo's board and its form on a phone and a
desktop in both languages (layout, console, axe-core), and its moderation screen as a Chinese
editor sees it. Screenshots go to test-artifacts/screenshots/board-*.png."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from pressroom.board.models import Question, QuestionBoardPage
from pressroom.security.roles import EDITORS, ensure_roles
from tests.browser import checks
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "Board-Editor-42"
VIEWPORTS = ["phone", "desktop"]


def board_path(language: str, ask: bool = False) -> str:
    board = QuestionBoardPage.objects.live().get(locale__language_code=language)
    return board.url + ("ask/" if ask else "")


def assert_reads_well(page, problems, axe_source):
    assert problems.console == [], "console errors"
    sizes = checks.horizontal_overflow(page)
    assert sizes["scrollWidth"] <= sizes["innerWidth"], f"sideways scrolling: {sizes}"
    assert checks.small_tap_targets(page) == [], "navigation targets under 24x24 px"
    failing = [
        (v["id"], v["help"], v["nodes"])
        for v in checks.run_axe(page, axe_source)
        if v["impact"] in checks.AXE_FAILING_IMPACTS
    ]
    assert failing == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_board_shows_answered_questions(
    new_page, problems, demo_site, axe_source, viewport, language
):
    page = new_page(viewport)
    response = page.goto(demo_site(board_path(language)), wait_until="load")
    assert response.status == 200
    screenshot(page, f"board-{language}-{viewport}")
    items = page.locator(".board-item")
    assert items.count() == 4
    first = items.first.inner_text()
    assert ("交货" in first) if language == "zh-hans" else ("delivery time" in first)
    assert page.locator(".board-item__a").count() == 4
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    assert_reads_well(page, problems, axe_source)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_question_form_reads_well(
    new_page, problems, demo_site, axe_source, viewport, language
):
    page = new_page(viewport)
    page.goto(demo_site(board_path(language, ask=True)), wait_until="load")
    # Sent empty: the errors name the fields, and the page still passes axe.
    with page.expect_navigation(wait_until="load"):
        page.click(".message-form button[type=submit]")
    assert page.locator(".form-field--error").count() == 2
    screenshot(page, f"board-ask-{language}-{viewport}")
    assert_reads_well(page, problems, axe_source)


@pytest.fixture
def editor(demo_site):
    ensure_roles()
    user = get_user_model().objects.filter(username="board-editor").first()
    user = user or get_user_model().objects.create_user(
        "board-editor", password=PASSWORD, first_name="小红", last_name="王"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_chinese_editor_moderates_a_question(new_page, demo_site, editor, viewport):
    board = QuestionBoardPage.objects.live().get(locale__language_code="zh-hans")
    question = Question.objects.create(
        page=board, name="赵先生", email="zhao@example.net", text="<b>泵</b>能用于海水吗？"
    )
    page = new_page(viewport)
    page.goto(demo_site("/admin/login/"))
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.click("button[type=submit]")
    page.goto(demo_site("/admin/board_question/?state=pending"), wait_until="load")
    assert "<b>泵</b>能用于海水吗？" in page.inner_text("main")
    assert "待审核" in page.inner_text("main")
    screenshot(page, f"board-admin-list-{viewport}")
    page.goto(demo_site(f"/admin/board_question/edit/{question.pk}/"), wait_until="load")
    page.select_option("#id_state", "approved")
    page.fill("#id_reply", "可以，请选用双相不锈钢材质。")
    screenshot(page, f"board-admin-edit-{viewport}")
    with page.expect_navigation(wait_until="load"):
        page.click("main button[type=submit]")
    question.refresh_from_db()
    # (Mailed once the transaction commits; this test's never does, so it waits, "pending".)
    assert (question.state, question.replied_by) == ("approved", editor)
    page.goto(demo_site(board.url), wait_until="load")
    assert "可以，请选用双相不锈钢材质。" in page.inner_text(".board-list")
    question.delete()
    page.goto("about:blank")
