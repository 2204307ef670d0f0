"""`pressroom init` gives a new site its English skeleton beside the Chinese one."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def english_pages():
    return {
        (p.url, p.title, p.live) for p in Page.objects.filter(locale__language_code="en").specific()
    }


def test_init_creates_the_english_home_news_contact_sitemap_and_privacy(client, monkeypatch):
    monkeypatch.setenv("PRESSROOM_ADMIN_PASSWORD", "a-long-test-password")
    call_command("init", "--no-static", stdout=io.StringIO())
    expected = {
        ("/en/", "Home", True),
        ("/en/news/", "News center", True),
        ("/en/contact/", "Contact us", True),
        ("/en/sitemap/", "Sitemap", True),
        ("/en/privacy/", "Privacy policy", True),
    }
    assert english_pages() == expected
    for url, _title, _live in expected:
        assert client.get(url).status_code == 200, url
    # Run again: nothing new, nothing renamed.
    call_command("init", "--no-static", stdout=io.StringIO())
    assert english_pages() == expected


def test_english_skeleton_starts_without_chinese_text(home, client):
    home.intro = "<p>中文简介</p>"
    home.save_revision().publish()
    from pressroom.pages.setup import translate_site_tree

    en_home = translate_site_tree(home)[0]
    assert en_home.intro == ""
    assert "中文简介" not in client.get("/en/").content.decode()
