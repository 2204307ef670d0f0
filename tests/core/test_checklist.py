"""发布前检查 at the top of the SEO tab: what the saved page lacks to be found and shared well."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from pressroom.core.checklist import checks_for
from pressroom.i18n.tree import translate_page
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def todo(page) -> list[str]:
    return [str(check.text) for check in checks_for(page) if not check.ok]


@pytest.fixture
def english(home):
    locale, _created = Locale.objects.get_or_create(language_code="en")
    translate_page(home, locale, title="Home")
    return locale


def test_a_bare_article_is_told_what_it_lacks(news_index):
    picture = make_image(title="车间照片")
    body = [
        {"type": "image", "value": {"image": picture.pk, "caption": "", "alt_text": ""}},
        {"type": "image", "value": {"image": picture.pk, "caption": "装配线", "alt_text": ""}},
    ]
    article = make_article(news_index, title="很" * 31, summary="", body=body)
    assert todo(article) == [
        "标题在搜索结果中偏长：大约只显示 30 个汉字。",
        "没有描述：请填写摘要或元描述。",
        "没有图片：分享预览将显示公司标志。",
        "正文中有 1 张图片没有替代文字或图注：车间照片",
        "还没有已发布的英文版。",
    ]


def test_a_complete_article_with_an_up_to_date_translation_passes(news_index, english):
    news_index_en, _ = translate_page(news_index, english, title="News")
    article = make_article(news_index, title="新品发布", summary="摘要", cover_image=make_image())
    translation, _ = translate_page(article, english, title="Launch")
    assert todo(article) == []
    assert todo(translation) == []
    # The original changes: both sides say the English version needs an update.
    article.title = "新品发布（更新）"
    article.save_revision().publish()
    assert todo(article) == ["英文版比本页旧：请更新英文版。"]
    translation.refresh_from_db()
    assert todo(translation) == ["翻译之后中文原文有改动：请更新本页。"]


def test_the_seo_tab_opens_with_the_checklist_in_chinese(editor_client, news_index):
    article = make_article(news_index, title="新品发布", summary="")
    html = BeautifulSoup(
        editor_client.get(f"/admin/pages/{article.pk}/edit/").content, "html.parser"
    )
    checklist = html.select_one(".pressroom-checklist")
    assert checklist is not None
    items = [li.get_text(" ", strip=True) for li in checklist.select("li")]
    assert "没有描述：请填写摘要或元描述。" in items
    new = editor_client.get(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    assert "保存页面后即可检查。" in new.content.decode()


def test_a_translation_older_than_its_original_is_marked_in_the_admin_lists(
    editor_client, news_index, english
):
    translate_page(news_index, english, title="News")
    article = make_article(news_index, title="新品发布", summary="摘要")
    translation, _ = translate_page(article, english, title="Launch")
    listing = f"/admin/pages/{translation.get_parent().pk}/"
    assert "Launch（待更新）" not in editor_client.get(listing).content.decode()

    article.save_revision().publish()  # the Chinese original changes
    assert "Launch（待更新）" in editor_client.get(listing).content.decode()

    translation.save_revision().publish()  # saved again: no longer marked
    assert "Launch（待更新）" not in editor_client.get(listing).content.decode()
    assert "Launch" in editor_client.get(listing).content.decode()
