"""pressroom export DIR: the public site as files, as a visitor sees it."""

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, PageViewRestriction

from pressroom.export.export import target_for
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_export_writes_every_public_page(tmp_path, company, news_index, sitemap_page):
    article = make_article(news_index, title="导出的新闻", slug="exported")
    draft = make_article(news_index, title="草稿", slug="draft", live=False)
    secret = make_article(news_index, title="受保护", slug="secret")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    english = Locale.objects.get(language_code="en")
    home_en = news_index.get_parent().copy_for_translation(english)
    home_en.save_revision().publish()

    call_command("export", str(tmp_path))

    written = tmp_path / "news" / "exported" / "index.html"
    assert written.read_bytes() == Client().get(article.url).content
    assert "导出的新闻" in (tmp_path / "news" / "index.html").read_text()
    assert (tmp_path / "index.html").exists() and (tmp_path / "sitemap" / "index.html").exists()
    assert (tmp_path / "en" / "index.html").exists()
    assert not (tmp_path / "news" / "draft").exists() and draft.url is not None
    assert not (tmp_path / "news" / "secret").exists()
    assert "受保护" not in (tmp_path / "news" / "index.html").read_text()
    assert (tmp_path / "404.html").exists()


def test_paths_cannot_leave_the_export_directory(tmp_path):
    with pytest.raises(ValueError):
        target_for(tmp_path, "/../../etc/")
