"""`pressroom init`, as an installer runs it."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from pressroom.contact.models import ContactPage
from pressroom.core.setup import login_hint
from pressroom.news.models import NewsIndexPage
from pressroom.pages.models import HomePage, PrivacyPage, SitemapPage

pytestmark = pytest.mark.django_db


def signs_in(client, username, password) -> bool:
    """Sign in through the admin's login form, as a person would."""
    response = client.post("/admin/login/", {"username": username, "password": password})
    return response.status_code == 302 and response["Location"] == "/admin/"


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_init_builds_the_site_tree_and_prints_a_generated_password(bare_tree, client, monkeypatch):
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
        PrivacyPage,
    }
    # Wagtail's placeholder page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    password = output.split("password: ")[1].split()[0]
    assert signs_in(client, "admin", password)
    # A second run changes nothing and prints no password.
    again = run("init", "--no-static")
    assert "password:" not in again
    # Tree root, and in each language a home, news center, contact page, sitemap and privacy page.
    assert Page.objects.count() == 11
    assert get_user_model().objects.count() == 1


def test_init_is_non_interactive_with_environment_credentials(client, monkeypatch):
    monkeypatch.setenv("PRESSROOM_ADMIN_USER", "chief")
    monkeypatch.setenv("PRESSROOM_ADMIN_PASSWORD", "a-long-test-password-1")
    output = run("init", "--no-static")
    assert "chief" in output
    assert signs_in(client, "chief", "a-long-test-password-1")
    response = client.get("/admin/")
    assert response.status_code == 200


def test_init_takes_the_public_address_from_the_base_url(bare_tree, monkeypatch):
    monkeypatch.setenv("PRESSROOM_BASE_URL", "https://www.example.com")
    run("init", "--no-static")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("www.example.com", 443)
    assert site.root_page.get_full_url() == "https://www.example.com/"


def test_init_keeps_a_made_password_in_the_file_and_never_calls_it_shown_once(
    client, monkeypatch, tmp_path
):
    monkeypatch.delenv("PRESSROOM_ADMIN_USER", raising=False)
    monkeypatch.delenv("PRESSROOM_ADMIN_PASSWORD", raising=False)
    kept = tmp_path / "data" / "admin-password"
    output = run("init", "--no-static", "--password-file", str(kept))
    password = kept.read_text().strip()
    assert kept.stat().st_mode & 0o777 == 0o600
    assert password not in output and "only this once" not in output
    assert str(kept) in output
    assert signs_in(client, "admin", password)
    assert login_hint(kept) == f"admin / {password}"


def test_a_given_password_wins_over_the_kept_one(client, monkeypatch, tmp_path):
    kept = tmp_path / "admin-password"
    kept.write_text("the-kept-password-1\n")
    monkeypatch.setenv("PRESSROOM_ADMIN_USER", "chief")
    monkeypatch.setenv("PRESSROOM_ADMIN_PASSWORD", "a-given-password-22")
    output = run("init", "--no-static", "--password-file", str(kept))
    assert "only this once" not in output
    assert signs_in(client, "chief", "a-given-password-22")
    assert login_hint(kept) == "chief / a-given-password-22"
    # Given another password later, the account keeps its own; the login line says so.
    monkeypatch.setenv("PRESSROOM_ADMIN_PASSWORD", "another-password-333")
    run("init", "--no-static", "--password-file", str(kept))
    assert signs_in(client, "chief", "a-given-password-22")
    assert "another-password-333" not in login_hint(kept)
    assert "changepassword chief" in login_hint(kept)


def canonical(client, path="/") -> str:
    html = client.get(path).content.decode()
    return re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)


def test_absolute_links_follow_the_base_url_on_every_init(client, monkeypatch):
    monkeypatch.setenv("PRESSROOM_BASE_URL", "http://127.0.0.1:9000")
    run("init", "--no-static")
    run("demo")
    assert canonical(client) == "http://127.0.0.1:9000/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:9000/" in sitemap and ":8000" not in sitemap
    # Served on another port the next time: the links follow.
    monkeypatch.setenv("PRESSROOM_BASE_URL", "http://127.0.0.1:9100")
    output = run("init", "--no-static")
    assert "Site address: http://127.0.0.1:9100 (was http://127.0.0.1:9000)" in output
    assert canonical(client) == "http://127.0.0.1:9100/"
    sections = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    assert sections and all(loc.startswith("http://127.0.0.1:9100/") for loc in sections)
    # Without PRESSROOM_BASE_URL the Site is left as the editors set it.
    monkeypatch.delenv("PRESSROOM_BASE_URL")
    assert "Site address" not in run("init", "--no-static")
    assert canonical(client) == "http://127.0.0.1:9100/"
