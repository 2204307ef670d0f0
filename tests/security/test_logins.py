"""Admin sign-in: throttled (in detail: test_signin_throttle.py), logged; sessions rotate, end."""

import logging

import pytest
from axes.models import AccessFailureLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session

from tests.security.test_signin_throttle import elapse

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def editor(home):
    user = get_user_model().objects.create_superuser("editor", "e@example.com", "right-Pass-42")
    return user


def attempt(client, username, password, ip="192.0.2.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def error_text(response):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(response.content, "html.parser")
    return " ".join(el.get_text(" ", strip=True) for el in html.select(".messages li.error"))


def test_unknown_user_and_wrong_password_get_the_same_answer(client, editor):
    wrong_password = attempt(client, "editor", "nope")
    unknown_user = attempt(client, "nobody-here", "nope")
    assert wrong_password.status_code == unknown_user.status_code == 200
    assert error_text(wrong_password)
    assert error_text(wrong_password) == error_text(unknown_user)


def test_right_password_signs_in(client, editor):
    response = attempt(client, "editor", "right-Pass-42")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_one_address_is_locked_after_failures_across_accounts(client, editor):
    for n in range(LIMIT):
        attempt(client, f"user{n}", "password1", ip="192.0.2.50")
    assert attempt(client, "editor", "right-Pass-42", ip="192.0.2.50").status_code == 429
    # The real editor elsewhere still gets in.
    assert attempt(client, "editor", "right-Pass-42", ip="192.0.2.51").status_code == 302


def test_lock_ends_after_the_cool_off(client, editor):
    for n in range(LIMIT):
        attempt(client, "editor", f"guess-{n}")
    assert attempt(client, "editor", "right-Pass-42").status_code == 429
    elapse(settings.PRESSROOM_LOGIN_COOLOFF_HOURS * 3600 + 5)
    assert attempt(client, "editor", "right-Pass-42").status_code == 302


def test_every_attempt_is_logged(client, editor, caplog):
    with caplog.at_level(logging.INFO, logger="pressroom.security"):
        attempt(client, "editor", "nope")
        attempt(client, "ghost", "nope")
        attempt(client, "editor", "right-Pass-42")
    messages = [r.getMessage() for r in caplog.records if r.name == "pressroom.security"]
    assert "login failed for 'editor' from 192.0.2.1" in messages
    assert "login failed for 'ghost' from 192.0.2.1" in messages
    assert "login succeeded for 'editor' from 192.0.2.1" in messages
    assert AccessFailureLog.objects.filter(username="editor").count() == 1
    assert AccessFailureLog.objects.filter(username="ghost").count() == 1


@pytest.mark.parametrize(
    "username",
    [
        "x" * 10_000,
        "a\r\nInjected: 1",
        "\\'.phpinfo();?>",
        "key with spaces\x00\x07",
        "管理员\u202e",
    ],
)
def test_hostile_usernames_are_just_failed_logins(client, editor, username, caplog):
    with caplog.at_level(logging.INFO, logger="pressroom.security"):
        response = attempt(client, username, "nope")
    assert response.status_code in {200, 400}
    for record in caplog.records:
        assert "\n" not in record.getMessage()


def test_session_rotates_at_login_and_dies_at_logout(client, editor):
    session = client.session
    session["visited"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert attempt(client, "editor", "right-Pass-42").status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()

    assert client.post("/admin/logout/").status_code == 302
    assert not Session.objects.filter(session_key=after).exists()
    # Replaying the old cookie gets the login page, not the admin.
    client.cookies[settings.SESSION_COOKIE_NAME] = after
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_get_to_the_sign_out_address_signs_nobody_out(client, editor):
    """A link or image on another site pointing at the sign-out address changes nothing."""
    assert attempt(client, "editor", "right-Pass-42").status_code == 302
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert settings.SESSION_COOKIE_NAME not in response.cookies  # the cookie is left alone
    assert Session.objects.filter(session_key=session).exists()
    assert client.get("/admin/").status_code == 200
    # The admin's own sign-out button still works.
    assert client.post("/admin/logout/").status_code == 302
    assert not Session.objects.filter(session_key=session).exists()


def test_session_cookie_is_httponly_and_lax(client, editor):
    attempt(client, "editor", "right-Pass-42")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_deactivated_user_is_signed_out(client, editor):
    attempt(client, "editor", "right-Pass-42")
    assert client.get("/admin/").status_code == 200
    editor.is_active = False
    editor.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
