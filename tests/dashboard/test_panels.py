"""The dashboard's work panel: what waits for the editor, and where to deal with it."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from pressroom.contact.models import ContactMessage
from pressroom.dashboard import panels
from pressroom.news.models import NewsArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def work_panel(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".pressroom-work")


def counts(panel) -> dict[str, tuple[int, str | None]]:
    found = {}
    for item in panel.select(".pressroom-work__count"):
        link = item.find("a")
        label = item.select_one(".pressroom-work__label").get_text(strip=True)
        number = int(item.select_one(".pressroom-work__number").get_text(strip=True))
        found[label] = (number, link["href"] if link else None)
    return found


def test_an_empty_site_shows_nothing_waiting(client, editor):
    found = counts(work_panel(client, editor))
    assert found == {
        "未处理留言": (0, "/admin/contact_message/"),
        "待审核": (0, "/admin/reports/workflow/"),
        "定时发布": (0, None),
        "英文版待更新": (0, None),
    }


def test_unhandled_messages_are_counted_for_those_who_read_them(
    client, contact_page, boss, editor, django_user_model
):
    for handled in (False, False, True):
        ContactMessage.objects.create(page=contact_page, form_data={"name": "张"}, handled=handled)
    assert counts(work_panel(client, boss))["未处理留言"] == (2, reverse("contact_message:index"))
    # Every role reads messages (docs/security.md); someone let into the admin without a role
    # does not.
    assert counts(work_panel(client, editor))["未处理留言"][0] == 2
    stranger = django_user_model.objects.create_user("stranger", password="Dashboard-Pass-42")
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert "未处理留言" not in counts(work_panel(client, stranger))


def test_pages_waiting_for_approval_are_counted(client, news_index, editor):
    article = make_article(news_index)
    Workflow.objects.get(name="审核员审批").start(article, editor)
    assert counts(work_panel(client, editor))["待审核"][0] == 1


def test_scheduled_pages_are_listed_soonest_first(client, news_index, editor):
    later, sooner = (
        make_article(news_index, title="后上线"),
        make_article(news_index, title="先上线"),
    )
    for article, days in [(later, 5), (sooner, 2)]:
        when = timezone.now() + timedelta(days=days)
        article.save_revision(approved_go_live_at=when)
    panel = work_panel(client, editor)
    assert counts(panel)["定时发布"] == (2, None)
    titles = [a.get_text(strip=True) for a in panel.select(".pressroom-work__list a")]
    assert titles == ["先上线", "后上线"]


def test_english_pages_older_than_their_chinese_page_are_listed(
    client, news_index, en_news_index, editor
):
    from pressroom.i18n.tree import translate_page

    article = make_article(news_index, title="原文")
    english, _ = translate_page(article, en_news_index.locale, title="The original")
    english.save_revision()
    assert counts(work_panel(client, editor))["英文版待更新"][0] == 0
    NewsArticlePage.objects.get(pk=article.pk).save_revision()  # the Chinese page changes
    panel = work_panel(client, editor)
    assert counts(panel)["英文版待更新"][0] == 1
    assert [a.get_text(strip=True) for a in panel.select(".pressroom-work__list a")] == [
        "The original"
    ]
    NewsArticlePage.objects.get(pk=english.pk).save_revision()  # saved again: up to date
    assert counts(work_panel(client, editor))["英文版待更新"][0] == 0


def test_the_shortcut_adds_news_in_the_chinese_news_center(client, news_index, editor):
    shortcut = work_panel(client, editor).select_one(".pressroom-work__shortcuts a")
    assert shortcut.get_text(strip=True) == "发布新闻"
    assert shortcut["href"] == f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    assert client.get(shortcut["href"]).status_code == 200


def test_a_shortcut_shows_only_when_its_page_type_is_installed(client, home, editor, monkeypatch):
    monkeypatch.setattr(panels, "SHORTCUTS", [("products.ProductPage", "添加产品")])
    assert work_panel(client, editor).select(".pressroom-work__shortcuts a") == []
    monkeypatch.setattr(panels, "SHORTCUTS", [("pages.StandardPage", "添加页面")])
    shortcut = work_panel(client, editor).select_one(".pressroom-work__shortcuts a")
    assert shortcut["href"] == f"/admin/pages/add/pages/standardpage/{home.pk}/"


def test_no_shortcut_where_the_user_may_not_add(client, news_index, roles):
    from tests.dashboard.conftest import chinese_user

    outsider = chinese_user("outsider", superuser=False, group="编辑")
    outsider.groups.clear()
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert work_panel(client, outsider).select(".pressroom-work__shortcuts a") == []
