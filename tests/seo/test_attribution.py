"""Editors must name an outside source, and decide whether the original is canonical."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pressroom.news.models import NewsArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db

NEEDS_NAME = "Name the publisher of the original article: its link points to another site."
NEEDS_LINK = "Give the source link of the original article first."


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    return client


def publish_in_admin(client, article, **fields):
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": streamfield([("paragraph", rich_text("<p>正文。</p>"))]),
        "author": article.author,
        "source_name": "",
        "source_url": "",
        "category": "",
        "tags": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(fields)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), nested_form_data(data)
    )


def field_error(response, name) -> str:
    html = BeautifulSoup(response.content, "html.parser")
    field = html.find(attrs={"name": name})
    assert field is not None
    wrapper = field.find_parent(attrs={"data-field-wrapper": True})
    errors = wrapper.select(".error-message") if wrapper else []
    return " ".join(error.get_text(" ", strip=True) for error in errors)


def chinese(message):
    with translation.override("zh-hans"):
        return translation.gettext(message)


def test_outside_source_without_its_name_is_refused(editor, company, news_index):
    article = make_article(news_index, title="转载新闻")
    response = publish_in_admin(editor, article, source_url="https://news.example.com/a.html")
    assert response.status_code == 200  # the form again, not a redirect
    assert chinese(NEEDS_NAME) in field_error(response, "source_name")
    article.refresh_from_db()
    assert article.source_url == "" and article.live_revision.content["source_url"] == ""


def test_outside_source_with_its_name_is_published_and_credited(
    client, editor, company, news_index
):
    article = make_article(news_index, title="转载新闻")
    response = publish_in_admin(
        editor,
        article,
        source_url="https://news.example.com/a.html",
        source_name="示例日报",
        canonical_to_source="on",
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(pk=article.pk)
    assert (article.source_name, article.canonical_to_source) == ("示例日报", True)
    client.logout()
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    source = html.select_one(".article__meta a")
    assert (source.get_text(), source["href"]) == ("示例日报", "https://news.example.com/a.html")
    assert html.select_one('link[rel="canonical"]')["href"] == "https://news.example.com/a.html"


def test_a_link_to_our_own_site_needs_no_source_name(editor, company, news_index):
    article = make_article(news_index)
    response = publish_in_admin(editor, article, source_url="http://localhost/news/older/")
    assert response.status_code == 302


def test_canonical_to_source_needs_a_source_link(editor, company, news_index):
    article = make_article(news_index)
    response = publish_in_admin(editor, article, canonical_to_source="on")
    assert response.status_code == 200
    assert chinese(NEEDS_LINK) in field_error(response, "canonical_to_source")
    assert NewsArticlePage.objects.get(pk=article.pk).canonical_to_source is False
