"""Editors work in Wagtail's admin: every page type edits, previews and publishes there."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, get_page_models

from pressroom.news.models import NewsArticlePage
from tests.factories import NewsCategoryFactory, make_article, make_image
from tests.faults.admin_forms import article_form as admin_article_form

pytestmark = pytest.mark.django_db


def article_form(**fields):
    return admin_article_form(
        **{
            "title": "后台发布的新闻",
            "slug": "from-admin",
            "summary": "编辑在后台写的摘要。",
            "author": "后台编辑",
            "tags": "后台, 测试",
            "text": "<p>后台写的正文。</p>",
            "publish": False,
            **fields,
        }
    )


def test_admin_is_in_chinese(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="zh-hans"' in response.content.decode()


def test_every_page_type_has_a_working_edit_view(editor_client, news_index, company):
    call_command("demo", stdout=io.StringIO())
    seen = set()
    for page in Page.objects.filter(depth__gte=2).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page
    # The demo has a page of every Pressroom page type, and each one's editor opens.
    assert seen == {
        model for model in get_page_models() if model.__module__.startswith("pressroom.")
    }


def test_company_info_is_edited_once_for_every_page(editor_client, site, company):
    response = editor_client.get(f"/admin/settings/core/companyinfo/{site.pk}/")
    assert response.status_code == 200
    assert "全国咨询热线" in response.content.decode()


def test_editor_creates_previews_and_publishes_an_article(editor_client, news_index, company):
    category = NewsCategoryFactory(slug="company", name="公司新闻")
    image = make_image()
    form = article_form(category=category.pk, cover_image=image.pk)
    add_url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    assert editor_client.get(add_url).status_code == 200
    # Preview before saving.
    preview_url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/preview/"
    assert editor_client.post(preview_url, form).json()["is_valid"] is True
    preview = editor_client.get(preview_url)
    assert "后台写的正文" in preview.content.decode()
    # The editor shows the preview in a frame: the page's policy must allow its own admin.
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # Publish.
    response = editor_client.post(add_url, {**form, "action-publish": "publish"})
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="from-admin")
    assert article.live and article.category == category
    assert sorted(t.name for t in article.tags.all()) == ["后台", "测试"]
    editor_client.logout()
    page = editor_client.get(article.url).content.decode()
    assert "后台写的正文" in page
    byline = BeautifulSoup(page, "html.parser").select_one(".article__byline")
    assert byline.get_text() == "作者：后台编辑"
    assert "后台发布的新闻" in editor_client.get("/news/").content.decode()


def test_draft_edit_is_not_public_until_published(editor_client, news_index, company):
    article = make_article(news_index, title="原标题")
    edit_url = f"/admin/pages/{article.pk}/edit/"
    form = article_form(title="草稿标题", slug=article.slug)
    assert editor_client.post(edit_url, form).status_code == 302  # save draft
    assert "原标题" in editor_client.get(article.url).content.decode()
    revisions = article.revisions.count()
    assert revisions == 2
    editor_client.post(edit_url, {**form, "action-publish": "publish"})
    assert "草稿标题" in editor_client.get(article.url).content.decode()


def test_scheduled_article_appears_when_its_time_comes(editor_client, news_index, company):
    article = make_article(news_index, title="定时发布", live=False)
    go_live = timezone.now() + timedelta(hours=1)
    article.go_live_at = go_live
    article.save_revision(approved_go_live_at=go_live).publish()
    article.refresh_from_db()
    assert not article.live
    editor_client.logout()
    assert "定时发布" not in editor_client.get("/news/").content.decode()
    # An hour later the scheduler (`pressroom publish_scheduled`) publishes it.
    later = go_live + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", stdout=io.StringIO())
    article.refresh_from_db()
    assert article.live
    assert "定时发布" in editor_client.get("/news/").content.decode()
