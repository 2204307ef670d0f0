"""Changing a slug keeps old addresses working with a 301; editors manage redirects by hand.

Wagtail creates the redirect when the publish transaction commits; tests run inside one
transaction, so they run the commit callbacks explicitly.
"""

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from tests.factories import make_article
from tests.seo.conftest import translate
from tests.seo.test_attribution import publish_in_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    return client


def test_renamed_article_answers_301_at_its_old_address(
    client, editor, company, news_index, django_capture_on_commit_callbacks
):
    article = make_article(news_index, slug="old-name")
    assert client.get("/news/old-name/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert publish_in_admin(editor, article, slug="new-name").status_code == 302
    client.logout()
    response = client.get("/news/old-name/")
    assert response.status_code == 301
    assert response["Location"].endswith("/news/new-name/")
    assert client.get(response["Location"]).status_code == 200


def test_renamed_english_article_and_renamed_news_center(
    client, company, news_index, english, django_capture_on_commit_callbacks
):
    article = make_article(news_index, slug="plant")
    en = translate(article, title="Plant")
    en.slug = "new-plant"
    with django_capture_on_commit_callbacks(execute=True):
        en.save_revision().publish()
    response = client.get("/en/news/plant/")
    assert response.status_code == 301
    assert response["Location"].endswith("/en/news/new-plant/")

    news_index.slug = "newsroom"
    with django_capture_on_commit_callbacks(execute=True):
        news_index.save_revision().publish()
    for old, new in [("/news/", "/newsroom/"), ("/news/plant/", "/newsroom/plant/")]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(new)
        assert client.get(new).status_code == 200


def test_editors_add_redirects_by_hand(client, editor, company, news_index):
    article = make_article(news_index, slug="launch")
    listing = editor.get(reverse("wagtailredirects:index"))
    assert listing.status_code == 200
    response = editor.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/2019/launch.html",
            "site": "",
            "is_permanent": "on",
            "redirect_page": article.pk,
            "redirect_link": "",
        },
    )
    assert response.status_code == 302
    assert Redirect.objects.filter(old_path="/2019/launch.html").exists()
    client.logout()
    moved = client.get("/2019/launch.html")
    assert moved.status_code == 301 and moved["Location"].endswith("/news/launch/")
