"""Editors translate a page from the admin; taking the original offline takes its translations."""

import pytest
from wagtail.models import Locale, Page

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_editor_creates_the_english_copy_of_an_article(admin_client, company, news_index, en_home):
    article = make_article(news_index, title="中文原文")
    edit = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert f"/admin/translation/submit/page/{article.pk}/" in edit.content.decode()
    english = Locale.objects.get(language_code="en")
    response = admin_client.post(
        f"/admin/translation/submit/page/{article.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302
    copy = article.get_translation(english)
    # A draft to translate: the visitor sees nothing until an editor publishes it.
    assert not copy.live
    assert admin_client.get(f"/en/news/{article.slug}/").status_code == 404
    copy.title = "English original"
    copy.save_revision().publish()
    assert admin_client.get(f"/en/news/{article.slug}/").status_code == 200


def test_article_cannot_be_translated_before_its_news_center(admin_client, news_index):
    # Without the English skeleton the admin refuses rather than inventing English parents.
    article = make_article(news_index)
    english = Locale.objects.get(language_code="en")
    response = admin_client.post(
        f"/admin/translation/submit/page/{article.pk}/", {"locales": [english.pk]}
    )
    assert article.get_translation_or_none(english) is None
    assert response.status_code == 200
    body = response.content.decode()
    assert "请先把上级页面翻译成该语言" in body


def translated_article(news_index):
    from pressroom.i18n.tree import translate_page

    article = make_article(news_index)
    copy, _created = translate_page(
        article, Locale.objects.get(language_code="en"), title="In English"
    )
    return article, copy


def test_unpublishing_the_original_unpublishes_its_translation(admin_client, news_index, en_home):
    article, copy = translated_article(news_index)
    response = admin_client.post(f"/admin/pages/{article.pk}/unpublish/")
    assert response.status_code == 302
    copy.refresh_from_db()
    article.refresh_from_db()
    assert not article.live and not copy.live


def test_unpublishing_a_translation_leaves_the_original(admin_client, news_index, en_home):
    article, copy = translated_article(news_index)
    admin_client.post(f"/admin/pages/{copy.pk}/unpublish/")
    copy.refresh_from_db()
    article.refresh_from_db()
    assert article.live and not copy.live


def test_translations_take_their_originals_place_in_the_menu(client, company, home, en_home):
    from pressroom.i18n.tree import translate_page
    from pressroom.pages.models import StandardPage
    from tests.factories import publish

    news = home.get_children().get(slug="news")
    about = StandardPage(title="关于", slug="about", show_in_menus=True)
    service = StandardPage(title="服务", slug="service", show_in_menus=True)
    publish(home, about)
    publish(home, service)
    for page in [about, service]:  # fresh rows: each move renumbers the siblings' paths
        Page.objects.get(pk=page.pk).move(Page.objects.get(pk=news.pk), pos="left")
    english = Locale.objects.get(language_code="en")
    # Translated in the opposite order, they still line up like the Chinese menu.
    translate_page(service, english, title="Service")
    translate_page(about, english, title="About")
    from bs4 import BeautifulSoup

    zh = BeautifulSoup(client.get("/").content, "html.parser")
    en = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert [a.get_text() for a in zh.select(".main-nav a")] == [
        "首页",
        "关于",
        "服务",
        "新闻中心",
        "联系我们",
    ]
    assert [a.get_text() for a in en.select(".main-nav a")] == [
        "Home",
        "About",
        "Service",
        "News center",
        "Contact us",
    ]
