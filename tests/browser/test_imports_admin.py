"""Settings → 导入 in a real browser, as a Chinese superuser: the form, an import of a feed
file run from it, and the report page (screenshots in test-artifacts/screenshots/)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from pressroom.importers.models import ImportRun
from tests.browser.conftest import screenshot
from tests.importers.conftest import FIXTURES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PASSWORD = "Chinese-Chief-42"


@pytest.fixture
def chief(demo_site, settings, tmp_path):
    settings.PRESSROOM_IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    user = get_user_model().objects.filter(username="laowang").first()
    user = user or get_user_model().objects.create_superuser(
        "laowang", password=PASSWORD, first_name="老王"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def test_a_chinese_superuser_imports_a_feed(new_page, demo_site, chief):
    page = new_page("desktop")
    page.goto(demo_site("/admin/login/"))
    page.fill("#id_username", chief.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.click("button[type=submit]")
    page.goto(demo_site("/admin/imports/"))
    assert page.locator("h1").inner_text() == "导入内容"
    screenshot(page, "admin-imports-form")
    page.select_option("#id_format", "feed")
    page.set_input_files("#id_upload", str(FIXTURES / "feed.rss"))
    page.check("#id_dry_run")
    with page.expect_navigation(wait_until="load"):
        page.click("button[type=submit]:has-text('开始导入')")
    run = ImportRun.objects.latest("pk")
    assert page.url.endswith(f"/admin/imports/{run.pk}/")
    text = page.locator("main").inner_text()
    assert "已完成" in text and "试运行" in text and "报告" in text
    screenshot(page, "admin-imports-report")
    ImportRun.objects.filter(pk=run.pk).delete()
