"""A Chinese editor in a real browser: what Wagtail's scripts draw is Chinese too.

The server-rendered admin is walked page by page in tests/i18n/test_admin_chinese.py; this
module reads what only appears once scripts run (the sidebar, dialogs, menus, the block
picker, the checks panel) from the text the browser shows, on a desktop and a phone, and
keeps screenshots of each step in test-artifacts/screenshots/.
"""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from pressroom.core.models import CompanyInfo
from pressroom.news.models import NewsArticlePage, NewsIndexPage
from pressroom.security.roles import EDITORS, ensure_roles
from tests.browser.conftest import LATE_REQUEST_GRACE_SECONDS, screenshot
from tests.i18n.admin_text import english_words

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "Chinese-Editor-42"
VIEWPORTS = ["desktop", "phone"]

# What the browser shows or reads out: the visible text, and the labels, placeholders and
# tooltips of visible elements.
SHOWN = """() => {
    const seen = [document.body.innerText];
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
        if (!el.getClientRects().length) continue;
        for (const name of ['placeholder', 'aria-label', 'title']) {
            if (el.getAttribute(name)) seen.push(el.getAttribute(name));
        }
    }
    return seen;
}"""


@pytest.fixture(autouse=True)
def _no_autosave(settings):
    """No draft autosave while pages stay open: the live server shares the test's SQLite
    connection, and a save landing during another request fails with "table is locked"."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def editor(demo_site):
    ensure_roles()
    user = get_user_model().objects.filter(username="xiaoming").first()
    user = user or get_user_model().objects.create_user(
        "xiaoming", password=PASSWORD, first_name="小明", last_name="李"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def leave_editor(page) -> None:
    """Close the editor: an open edit page keeps pinging the server (Wagtail's editing
    sessions), and the live server shares the test's SQLite connection, so a ping still
    running in an admin write's transaction would meet the next test's setup. Leaving
    sends the editing session's release beacon, which the browser does not wait for: it
    is given the time the module's end gives late requests (CI once had the next test's
    setup meet it: "cannot start a transaction within a transaction")."""
    page.goto("about:blank")
    page.wait_for_load_state()
    time.sleep(LATE_REQUEST_GRACE_SECONDS)


def english_on(page) -> set[str]:
    """English on the page that is neither the company's content nor an allowed name.

    The editor shows articles' text cut short in its block headers, so besides the whole
    content strings, the Latin words of the Chinese content (QH-50, kW) count as content.
    """
    from tests.i18n.test_admin_chinese import chinese_content_words, content_strings

    return english_words(page.evaluate(SHOWN), content_strings(), chinese_content_words())


def sign_in(page, demo_site, user):
    page.goto(demo_site("/admin/login/"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.click("button[type=submit]")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_sign_in_and_dashboard_show_the_company_in_chinese(new_page, demo_site, editor, viewport):
    company = CompanyInfo.objects.get()
    page = new_page(viewport)
    page.goto(demo_site("/admin/login/"))
    screenshot(page, f"admin-login-{viewport}")
    assert page.locator("h1").inner_text() == f"登录{company.name}网站后台"
    # The company's logo (the demo's made-up mark), not Wagtail's bird.
    assert page.locator(".login-logo img").get_attribute("alt") == company.name
    assert page.locator(".login-logo svg").count() == 0
    assert page.locator("label[for=id_password]").inner_text().startswith("密码")
    assert english_on(page) == set()

    sign_in(page, demo_site, editor)
    page.wait_for_load_state("networkidle")
    screenshot(page, f"admin-dashboard-{viewport}")
    assert page.locator("h1").first.inner_text() == company.name
    assert page.get_by_role("link", name="发布新闻").count() == 1
    assert english_on(page) == set()
    if viewport == "phone":  # the menu folds away; open it to see the brand and the labels
        page.locator("button[aria-label='切换侧边栏']").first.click()
        page.wait_for_timeout(400)
    brand = page.locator("#wagtail-sidebar .pressroom-brand img")  # the company's logo
    assert brand.get_attribute("alt") == company.name and brand.is_visible()
    screenshot(page, f"admin-menu-{viewport}")
    assert english_on(page) == set()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_an_editor_schedules_an_article_in_chinese(new_page, demo_site, editor, viewport):
    news = NewsIndexPage.objects.get(locale__language_code="zh-hans")
    article = NewsArticlePage.objects.child_of(news).order_by("path").first()
    page = new_page(viewport)
    sign_in(page, demo_site, editor)

    page.goto(demo_site(f"/admin/pages/{news.pk}/"))
    page.wait_for_load_state("networkidle")
    screenshot(page, f"admin-pages-{viewport}")
    assert page.get_by_text("已发布").count() > 0
    assert english_on(page) == set()

    page.goto(demo_site(f"/admin/pages/{article.pk}/edit/"))
    page.wait_for_load_state("networkidle")
    screenshot(page, f"admin-edit-{viewport}")
    assert english_on(page) == set()

    page.locator("[data-side-panel-toggle=status]").first.click()
    page.get_by_role("button", name="设置定时").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.get_by_text("设置此页面的上线和下线时间").wait_for()
    screenshot(page, f"admin-schedule-{viewport}")
    assert english_on(page) == set()
    page.keyboard.press("Escape")
    page.locator("[data-side-panel-toggle=status]").first.click()  # closed again

    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.get_by_role("button", name="提交给审核员审批").wait_for()
    assert english_on(page) == set()
    leave_editor(page)


def test_the_block_picker_and_checks_are_chinese(new_page, demo_site, editor):
    news = NewsIndexPage.objects.get(locale__language_code="zh-hans")
    article = NewsArticlePage.objects.child_of(news).order_by("path").first()
    page = new_page("desktop")
    sign_in(page, demo_site, editor)
    page.goto(demo_site(f"/admin/pages/{article.pk}/edit/"))
    page.wait_for_load_state("networkidle")

    page.get_by_title("插入内容块").first.click()
    page.get_by_placeholder("搜索项…").wait_for()
    screenshot(page, "admin-block-picker-desktop")
    assert english_on(page) == set()

    page.keyboard.press("Escape")
    page.locator("[data-side-panel-toggle=checks]").first.click()
    page.get_by_role("heading", name="内容统计").wait_for()
    page.get_by_text("发现的问题").first.wait_for()
    screenshot(page, "admin-checks-desktop")
    assert english_on(page) == set()
    leave_editor(page)
