"""`pressroom init`, as an installer runs it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from pressroom.contact.models import ContactPage
from pressroom.news.models import NewsIndexPage
from pressroom.pages.models import HomePage, SitemapPage

pytestmark = pytest.mark.django_db


def signs_in(client, username, password) -> bool:
    """Sign in through the admin's login form, as a person would."""
    response = client.post("/admin/login/", {"username": username, "password": password})
    return response.status_code == 302 and response["Location"] == "/admin/"


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_init_builds_the_site_tree_and_prints_a_generated_password(client, monkeypatch):
    monkeypatch.delenv("PRESSROOM_ADMIN_USER", raising=False)
    monkeypatch.delenv("PRESSROOM_ADMIN_PASSWORD", raising=False)
    output = run("init", "--no-static")
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert {type(p.specific) for p in home.get_children()} == {
        NewsIndexPage,
        ContactPage,
        SitemapPage,
    }
    # Wagtail's placeholder page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    password = output.split("password: ")[1].split()[0]
    assert signs_in(client, "admin", password)
    # A second run changes nothing and prints no password.
    again = run("init", "--no-static")
    assert "password:" not in again
    # Tree root, and in each language a home, news center, contact page and sitemap.
    assert Page.objects.count() == 9
    assert get_user_model().objects.count() == 1


def test_init_is_non_interactive_with_environment_credentials(client, monkeypatch):
    monkeypatch.setenv("PRESSROOM_ADMIN_USER", "chief")
    monkeypatch.setenv("PRESSROOM_ADMIN_PASSWORD", "a-long-test-password-1")
    output = run("init", "--no-static")
    assert "chief" in output
    assert signs_in(client, "chief", "a-long-test-password-1")
    response = client.get("/admin/")
    assert response.status_code == 200


def test_init_takes_the_public_address_from_the_base_url(monkeypatch):
    monkeypatch.setenv("PRESSROOM_BASE_URL", "https://www.example.com")
    run("init", "--no-static")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.example.com", 443)
    assert site.root_page.get_full_url() == "https://www.example.com/"
