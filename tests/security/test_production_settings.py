"""Production settings refuse to be unsafe: the deploy check, headers and the admin address."""

import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article

pytestmark = pytest.mark.django_db

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def production_env(tmp_path, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PRESSROOM_", "DJANGO_")) and key not in {"SECRET_KEY"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "pressroom.settings",
            "PRESSROOM_DATA_DIR": str(tmp_path),
            "PRESSROOM_DEBUG": "0",
            "SECRET_KEY": "k3y-" + "x7Qp9vR2mZ" * 6,
            "ALLOWED_HOSTS": "www.example.com",
            "PYTHONPATH": ROOT,
        }
    )
    env.update(extra)
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, "-m", "pressroom", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_no_warnings_when_https_is_configured(tmp_path):
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        production_env(tmp_path, PRESSROOM_HTTPS="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_deploy_check_fails_without_https(tmp_path):
    # The check above is real: without HTTPS the same command refuses.
    result = run(["check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))
    assert result.returncode != 0
    for check in ["security.W004", "security.W008", "security.W012", "security.W016"]:
        assert check in result.stderr


SHOW = (
    "from django.conf import settings; from django.urls import reverse; "
    "print(repr(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None))); "
    "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
    "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT); "
    "print(reverse('wagtailadmin_home'))"
)


def show(env):
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {SHOW}"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_proxy_header_is_trusted_only_when_proxies_are_named(tmp_path):
    plain = show(production_env(tmp_path, PRESSROOM_HTTPS="1"))
    assert plain[0] == "None"
    assert plain[1] == "31536000 True True True True"
    proxied = show(
        production_env(tmp_path, PRESSROOM_HTTPS="1", PRESSROOM_TRUSTED_PROXIES="10.0.0.2")
    )
    assert proxied[0] == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_admin_address_is_configurable(tmp_path):
    assert show(production_env(tmp_path))[2] == "/admin/"
    assert show(production_env(tmp_path, PRESSROOM_ADMIN_PATH="/backstage/"))[2] == "/backstage/"


def test_unknown_host_is_refused(client, home):
    response = client.get("/", HTTP_HOST="evil.test")
    assert response.status_code == 400


def csp(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def public_urls(news_index, contact_page, sitemap_page):
    article = make_article(news_index)
    return ["/", "/news/", article.url, "/contact/", "/sitemap/", "/en/", "/no-such-page/"]


def test_public_pages_have_strict_headers_and_no_inline_script(client, company, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        policy = csp(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        html = BeautifulSoup(response.content, "html.parser")
        # JSON-LD is data, not script: the CSP does not apply to it and it never runs.
        inline = [
            s
            for s in html.find_all("script")
            if not s.get("src") and s.get("type") != "application/ld+json"
        ]
        assert inline == [], url
        assert html.select("[style]") == [], url
        assert not [t for t in html.find_all(True) if any(a.startswith("on") for a in t.attrs)]


def test_admin_has_its_own_policy_that_allows_its_preview_frame(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
