"""The page editor's main button: 发布 for those who may publish, 提交审核 for the others."""

import pytest
from bs4 import BeautifulSoup

from pressroom.security.roles import MODERATORS
from tests.dashboard.conftest import chinese_user
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def footer_actions(client, user, page):
    client.force_login(user)
    html = BeautifulSoup(client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    footer = html.select_one("footer")
    buttons = [b for b in footer.select("button[type=submit]")]
    return [(b.get("name"), b.get_text(" ", strip=True)) for b in buttons]


def test_publish_is_the_main_button_for_those_who_may_publish(client, roles, news_index):
    article = make_article(news_index)
    moderator = chinese_user("moderator", MODERATORS)
    actions = footer_actions(client, moderator, article)
    assert actions[0] == ("action-publish", "发布")
    assert "保存草稿" in {text for _name, text in actions[1:]}  # under the arrow beside it


def test_submit_for_moderation_is_the_main_button_for_an_editor(client, editor, news_index):
    article = make_article(news_index)
    actions = footer_actions(client, editor, article)
    assert actions[0][0] == "action-submit", actions
    assert "action-publish" not in {name for name, _text in actions}


def test_the_new_page_form_leads_with_publish_too(client, boss, news_index):
    client.force_login(boss)
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    html = BeautifulSoup(client.get(url).content, "html.parser")
    first = html.select_one("footer button[type=submit]")
    assert first.get("name") == "action-publish"
