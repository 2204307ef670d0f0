"""Company info sits at the top of the menu for those who may edit it, not under Settings."""

import json

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

COMPANY_INFO = "/admin/settings/core/companyinfo/"


def menu(client, user) -> list[dict]:
    client.force_login(user)
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    props = json.loads(page.find("script", id="wagtail-sidebar-props").string)
    main = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    return main["_args"][0]


def entry(item) -> dict:
    return item["_args"][0]


def test_company_info_is_at_the_top_of_the_menu(client, site, administrator):
    items = menu(client, administrator)
    top = [entry(item)["label"] for item in items]
    assert "公司信息" in top
    assert top.index("公司信息") < top.index("设置")
    settings_menu = next(item for item in items if entry(item)["label"] == "设置")
    assert COMPANY_INFO not in [entry(sub).get("url") for sub in settings_menu["_args"][1]]
    assert client.get(COMPANY_INFO, follow=True).status_code == 200


def test_editors_do_not_see_company_info(client, site, editor):
    assert "公司信息" not in [entry(item)["label"] for item in menu(client, editor)]


def test_a_chinese_field_reminds_of_its_english_twin(client, site, administrator):
    client.force_login(administrator)
    page = BeautifulSoup(client.get(COMPANY_INFO, follow=True).content, "html.parser")
    help_text = page.find(id=lambda value: value and value.endswith("-name-helptext"))
    assert help_text.get_text(strip=True) == "修改后请同时更新“公司名称（英文）”。"
    welcome = page.find(id=lambda value: value and value.endswith("-welcome-helptext"))
    assert welcome.get_text(strip=True).endswith("修改后请同时更新“欢迎语（英文）”。")
