"""The privacy page: the editors' text, then what is turned on, in both languages."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from pressroom.integrations.models import IntegrationSettings
from pressroom.pages.models import PrivacyPage
from pressroom.pages.setup import translate_site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_languages(home, company):
    translate_site_tree(home)
    return home


def listed(path) -> list[str]:
    html = BeautifulSoup(Client().get(path).content, "html.parser")
    return [h3.get_text(strip=True) for h3 in html.select(".privacy-item h3")]


def text(path) -> str:
    return BeautifulSoup(Client().get(path).content, "html.parser").get_text(" ", strip=True)


def test_a_new_site_has_a_privacy_page_linked_from_every_footer(both_languages):
    for home_path, privacy_path, label in [
        ("/", "/privacy/", "隐私政策"),
        ("/en/", "/en/privacy/", "Privacy"),
    ]:
        html = BeautifulSoup(Client().get(home_path).content, "html.parser")
        link = html.select_one(f"footer a[href='{privacy_path}']")
        assert link is not None and link.get_text(strip=True) == label
        assert Client().get(privacy_path).status_code == 200


def test_it_lists_the_message_form_and_what_is_on_not_what_is_off(both_languages, site):
    assert listed("/privacy/") == ["留言表单", "浏览量统计"]
    assert listed("/en/privacy/") == ["Message form", "View counts"]
    row = IntegrationSettings.for_site(site)
    row.ga4 = "G-AB12CD34EF"
    row.save()
    assert listed("/privacy/") == ["留言表单", "浏览量统计", "Google Analytics 4（谷歌分析）"]
    assert listed("/en/privacy/") == ["Message form", "View counts", "Google Analytics 4"]
    chinese, english = text("/privacy/"), text("/en/privacy/")
    assert "服务器位于中国大陆以外" in chinese and "outside mainland China" in english
    assert "https://policies.google.com/privacy" in chinese
    for absent in ("百度统计", "51.la", "53KF", "爱番番", "QQ"):
        assert absent not in chinese
    for absent in ("Baidu", "51.la", "53KF", "Aifanfan", "QQ"):
        assert absent not in english


def test_the_message_form_entry_names_the_form_s_own_fields(both_languages):
    chinese = text("/privacy/")
    assert "姓名" in chinese and "留言" in chinese
    english = text("/en/privacy/")
    assert "Name" in english and "Message" in english


def test_qq_and_wecom_links_are_listed_as_links_only(both_languages, company):
    company.qq = "123456789"
    company.wecom_url = "https://work.weixin.qq.com/kfid/kfc0123456789abcdef"
    company.save()
    assert listed("/privacy/")[-2:] == ["QQ 对话链接", "企业微信客服链接"]
    assert "在您点击之前不会发送任何信息" in text("/privacy/")
    assert "nothing is sent until you follow it" in text("/en/privacy/")


def test_view_counts_say_no_cookie_and_how_long_the_address_is_kept(both_languages):
    assert "不设置 Cookie" in text("/privacy/") and "30 分钟" in text("/privacy/")
    assert "No cookie is set" in text("/en/privacy/") and "30 minutes" in text("/en/privacy/")


def test_without_a_contact_page_the_form_is_not_listed(home, company):
    from pressroom.contact.models import ContactPage

    ContactPage.objects.child_of(home).get().unpublish()
    assert listed("/privacy/") == ["浏览量统计"]


def test_with_nothing_that_collects_the_page_says_so(home, company, settings):
    settings.PRESSROOM_PRIVACY_SECTIONS = []  # no form, no counts, no services
    assert listed("/privacy/") == []
    assert "不收集您的任何信息" in text("/privacy/")


def test_the_editors_text_comes_first_and_the_page_is_cached_and_purged(home, company, site):
    page = PrivacyPage.objects.child_of(home).get()
    page.intro = "<p>我们重视您的隐私。</p>"
    page.save_revision().publish()
    assert "我们重视您的隐私" in text("/privacy/")
    Client().get("/privacy/")
    assert Client().get("/privacy/")["X-Page-Cache"] == "hit"
    row = IntegrationSettings.for_site(site)
    row.baidu_tongji = "0123456789abcdef0123456789abcdef"
    row.save()
    assert "百度统计" in listed("/privacy/")


def test_it_is_one_page_per_home_and_only_under_a_home(home):
    from wagtail.models import Page

    from pressroom.pages.models import HomePage, StandardPage

    assert PrivacyPage.can_create_at(Page.objects.get(pk=home.pk)) is False  # already has one
    assert PrivacyPage.parent_page_types == ["pages.HomePage"]
    assert "pages.PrivacyPage" not in (StandardPage.subpage_types or [])
    assert HomePage.objects.filter(pk=home.pk).exists()
