"""The admin wears the company's name and logo, not Wagtail's bird."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_image

pytestmark = pytest.mark.django_db

BIRD = "wagtail-logo"  # the class of Wagtail's own logo (wagtailadmin/logo.html)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_sign_in_page_names_the_company_without_the_bird(client, company):
    page = soup(client.get("/admin/login/"))
    assert page.h1.get_text(strip=True) == "登录明川测试仪器有限公司网站后台"
    assert BIRD not in str(page)
    assert page.title.get_text(strip=True).endswith("明川测试仪器有限公司")
    assert page.find("label", attrs={"for": "id_password"}).get_text(strip=True).startswith("密码")


def test_sign_in_page_shows_the_logo_when_there_is_one(client, company):
    company.logo = make_image(title="公司标志")
    company.save()
    page = soup(client.get("/admin/login/"))
    logo = page.select_one(".login-logo img")
    assert logo["alt"] == "明川测试仪器有限公司"
    assert BIRD not in str(page)


def test_the_menu_shows_the_company_name_then_its_logo(client, company, editor):
    client.force_login(editor)
    branding = soup(client.get("/admin/")).find(
        "template", {"data-wagtail-sidebar-branding-logo": True}
    )
    assert branding.select_one(".pressroom-brand__name").string == "明川测试仪器有限公司"
    company.logo = make_image(title="公司标志")
    company.save()
    branding = soup(client.get("/admin/")).find(
        "template", {"data-wagtail-sidebar-branding-logo": True}
    )
    assert branding.select_one("img")["alt"] == "明川测试仪器有限公司"


def test_the_dashboard_is_headed_with_the_company_name(client, company, editor):
    client.force_login(editor)
    page = soup(client.get("/admin/"))
    assert page.h1.get_text(strip=True) == "明川测试仪器有限公司"


def test_an_english_admin_names_the_company_in_english(client, company, editor):
    editor.wagtail_userprofile.preferred_language = "en"
    editor.wagtail_userprofile.save()
    client.force_login(editor)
    page = soup(client.get("/admin/"))
    assert page.h1.get_text(strip=True) == "Mingchuan Test Instruments"
