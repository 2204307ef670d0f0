"""Two editors on one page: each is told the other is there, and of a newer version saved
meanwhile (Wagtail's editing sessions, kept on in Pressroom's settings)."""

import re

import pytest
from django.test import Client

from pressroom.security.roles import MODERATORS
from tests.dashboard.conftest import chinese_user
from tests.factories import make_article
from tests.faults.admin_forms import article_form

pytestmark = pytest.mark.django_db


def open_editor(user, page):
    """A browser of ``user`` on the page's edit view: (client, ping address)."""
    client = Client()
    client.force_login(user)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    ping = re.search(r'data-w-swap-src-value="([^"]+/editing-sessions/ping/[^"]+)"', html)
    assert ping, "the editor has no editing-session ping"
    revision = re.search(r'name="revision_id" value="(\d+)"', html)
    created = re.search(r'name="revision_created_at" value="([^"]+)"', html)
    return client, ping.group(1), revision and revision.group(1), created and created.group(1)


def test_a_second_editor_is_told_who_else_is_editing_and_of_a_newer_version(roles, news_index):
    article = make_article(news_index, title="共同编辑的新闻")
    wang = chinese_user("wang", MODERATORS)
    wang.first_name, wang.last_name = "伟", "王"
    wang.save()
    li = chinese_user("li", MODERATORS)

    wang_browser, wang_ping, *_ = open_editor(wang, article)
    li_browser, li_ping, revision_id, created_at = open_editor(li, article)
    assert revision_id and created_at  # the version 李 started from
    wang_browser.post(wang_ping, {"is_editing": "1"})

    answer = li_browser.post(li_ping).json()
    others = answer["other_sessions"]
    assert [o["user"] for o in others] == ["伟 王"] and others[0]["is_editing"]
    assert "伟 王" in answer["html"]

    # 王 saves a new version; 李's editor learns of it before saving over it.
    form = article_form(title="共同编辑的新闻（王改）", slug=article.slug, publish=False)
    assert wang_browser.post(f"/admin/pages/{article.pk}/edit/", form).status_code == 302
    answer = li_browser.post(
        li_ping, {"revision_id": revision_id, "revision_created_at": created_at}
    ).json()
    (newer,) = [o for o in answer["other_sessions"] if o["revision_id"]]
    assert newer["user"] == "伟 王"
