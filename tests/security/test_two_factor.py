"""Two-factor sign-in for the admin: set up, the code step, backup codes, required mode, reset."""

import logging
import time
from base64 import b32decode
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from pressroom.security.two_factor import new_backup_codes

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
LOGIN = ADMIN + "login/"
VERIFY = ADMIN + "two-factor/verify/"
ENROL = ADMIN + "two-factor/enrol/"
PASSWORD = "right-Pass-42"
REFUSED = "That code was not accepted."


def code_for(key: bytes, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for this key now (or ``steps_ahead`` × 30 s on)."""
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def device_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    device.refresh_from_db()
    # A code is accepted once: a later sign-in in the same 30 s uses the next step's code,
    # which the device accepts as clock drift (tolerance 1).
    ahead = max(steps_ahead, device.last_t + 1 - TOTP(device.bin_key).t())
    return code_for(device.bin_key, ahead)


@pytest.fixture
def editor(home):
    user = get_user_model().objects.create_superuser("editor", "e@example.com", PASSWORD)
    # The admin in English for readable assertions; the Chinese is checked separately.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def enrolled(editor):
    device = TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)
    codes = new_backup_codes(editor)
    return device, codes


def sign_in(client, password=PASSWORD):
    return client.post(LOGIN, {"username": "editor", "password": password})


def page_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def errors(response) -> str:
    html = BeautifulSoup(response.content, "html.parser")
    return " ".join(el.get_text(" ", strip=True) for el in html.select("li.error, .help-critical"))


def test_setting_up_shows_a_qr_code_and_key_and_asks_for_a_first_code(client, editor):
    sign_in(client)
    account = client.get(ADMIN + "account/")
    assert "Two-factor sign-in" in page_text(account)
    page = client.get(ENROL)
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    assert html.select_one(".pressroom-qr svg") is not None
    secret = html.select_one("[data-secret]").get_text().replace(" ", "")
    key = b32decode(secret)
    # The same key on a reload: the phone already scanned it.
    again = BeautifulSoup(client.get(ENROL).content, "html.parser")
    assert again.select_one("[data-secret]").get_text().replace(" ", "") == secret

    wrong = client.post(ENROL, {"code": "000000" if code_for(key) != "000000" else "111111"})
    assert REFUSED in errors(wrong)
    assert not TOTPDevice.objects.filter(user=editor).exists()

    done = client.post(ENROL, {"code": code_for(key)})
    assert done.status_code == 200
    codes = [li.get_text() for li in BeautifulSoup(done.content, "html.parser").select("li code")]
    assert len(codes) == 10 and len(set(codes)) == 10
    device = TOTPDevice.objects.get(user=editor, confirmed=True)
    assert device.bin_key == key
    # This session gave the code, so the admin stays open.
    assert client.get(ADMIN).status_code == 200
    assert "Unused backup codes: 10" in page_text(client.get(ADMIN + "two-factor/"))


def test_after_the_password_every_admin_page_asks_for_the_code(client, enrolled, news_index):
    device, _codes = enrolled
    assert sign_in(client).status_code == 302
    for path in ["", "pages/", f"pages/{news_index.pk}/", "account/", "users/", "two-factor/"]:
        response = client.get(ADMIN + path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(VERIFY + "?next=")
    step = client.get(VERIFY + "?next=/admin/pages/")
    assert step.status_code == 200
    assert "six-digit code" in page_text(step)
    # The public site does not count the password alone as signed in either.
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    members_only = news_index.get_url()
    assert "/login/" in client.get(members_only)["Location"]

    done = client.post(VERIFY, {"code": device_code(device), "next": "/admin/pages/"})
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert client.get(ADMIN).status_code == 200
    assert client.get(ADMIN + "users/").status_code == 200
    assert client.get(members_only).status_code == 200


def test_the_code_step_rotates_the_session(client, enrolled):
    device, _codes = enrolled
    sign_in(client)
    before = client.cookies["sessionid"].value
    client.post(VERIFY, {"code": device_code(device)})
    assert client.cookies["sessionid"].value != before


def test_without_two_factor_the_password_is_enough(client, editor):
    assert sign_in(client).status_code == 302
    assert client.get(ADMIN).status_code == 200
    # The code step has nothing to ask and sends the user on.
    assert client.get(VERIFY + "?next=/admin/pages/")["Location"] == "/admin/pages/"


def test_wrong_codes_get_one_message_are_throttled_and_logged(client, enrolled, caplog):
    device, codes = enrolled
    sign_in(client)
    right = device_code(device)
    wrong = "123456" if right != "123456" else "654321"
    with caplog.at_level(logging.INFO, logger="pressroom.security"):
        bad_app_code = client.post(VERIFY, {"code": wrong})
        bad_backup_code = client.post(VERIFY, {"code": "notacode"})
        empty = client.post(VERIFY, {"code": ""})
        # Right after a wrong code the device waits: even the right code is refused ...
        throttled = client.post(VERIFY, {"code": right})
    for response in (bad_app_code, bad_backup_code, empty, throttled):
        assert response.status_code == 200
        assert errors(response) == errors(bad_app_code)
        assert REFUSED in errors(response)
    assert client.get(ADMIN).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the refused right code is not a new failure
    refused = [r for r in caplog.records if r.getMessage().startswith("two-factor code refused")]
    assert len(refused) == 4
    assert "for 'editor' from 127.0.0.1" in refused[0].getMessage()
    # ... until the wait is over (1 s after one failure, doubling with each).
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timezone.timedelta(seconds=2)
    )
    assert client.post(VERIFY, {"code": device_code(device)}).status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_the_throttle_doubles_with_each_wrong_code(client, enrolled):
    device, _codes = enrolled
    sign_in(client)
    for _n in range(4):
        TOTPDevice.objects.filter(pk=device.pk).update(
            throttling_failure_timestamp=timezone.now() - timezone.timedelta(hours=1)
        )
        client.post(VERIFY, {"code": "000001"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 4
    allowed, detail = device.verify_is_allowed()
    assert not allowed
    assert (detail["locked_until"] - device.throttling_failure_timestamp).total_seconds() == 8


def test_a_backup_code_signs_in_once(client, enrolled):
    _device, codes = enrolled
    sign_in(client)
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert client.get(ADMIN).status_code == 200
    assert "Unused backup codes: 9" in page_text(client.get(ADMIN + "two-factor/"))
    client.post(ADMIN + "logout/")

    sign_in(client)
    reused = client.post(VERIFY, {"code": codes[0]})
    assert REFUSED in errors(reused)
    assert client.get(ADMIN).status_code == 302
    assert StaticToken.objects.filter(token=codes[0]).count() == 0


def test_new_backup_codes_replace_the_old(client, enrolled):
    device, codes = enrolled
    sign_in(client)
    client.post(VERIFY, {"code": device_code(device)})
    shown = client.get(ADMIN + "two-factor/backup-codes/")
    listed = [li.get_text() for li in BeautifulSoup(shown.content, "html.parser").select("li code")]
    assert listed == codes
    made = client.post(ADMIN + "two-factor/backup-codes/")
    fresh = [li.get_text() for li in BeautifulSoup(made.content, "html.parser").select("li code")]
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    client.post(ADMIN + "logout/")
    sign_in(client)
    assert REFUSED in errors(client.post(VERIFY, {"code": codes[1]}))
    StaticDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    assert client.post(VERIFY, {"code": fresh[1]}).status_code == 302


def test_turning_it_off_takes_a_code(client, enrolled):
    device, _codes = enrolled
    sign_in(client)
    client.post(VERIFY, {"code": device_code(device)})
    assert client.get(ADMIN + "two-factor/disable/").status_code == 200
    refused = client.post(ADMIN + "two-factor/disable/", {"code": "999999"})
    assert REFUSED in errors(refused)
    assert TOTPDevice.objects.filter(user=device.user).exists()
    TOTPDevice.objects.update(throttling_failure_timestamp=None, throttling_failure_count=0)
    off = client.post(ADMIN + "two-factor/disable/", {"code": device_code(device)})
    assert off.status_code == 302
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    assert "Two-factor sign-in is off." in page_text(client.get(off["Location"]))
    client.post(ADMIN + "logout/")
    sign_in(client)
    assert client.get(ADMIN).status_code == 200


@override_settings(PRESSROOM_REQUIRE_2FA=True)
def test_required_mode_sends_admin_users_to_set_it_up_first(client, editor):
    sign_in(client)
    for path in ["", "pages/", "account/"]:
        response = client.get(ADMIN + path)
        assert response.status_code == 302
        assert response["Location"].startswith(ENROL + "?next=")
    page = client.get(ENROL)
    assert page.status_code == 200
    assert "requires two-factor sign-in" in page_text(page)
    key = b32decode(
        BeautifulSoup(page.content, "html.parser")
        .select_one("[data-secret]")
        .get_text()
        .replace(" ", "")
    )
    client.post(ENROL, {"code": code_for(key)})
    assert client.get(ADMIN).status_code == 200
    # And it cannot be switched off while required.
    assert client.get(ADMIN + "two-factor/disable/").status_code == 302
    assert TOTPDevice.objects.filter(user=editor).exists()


@override_settings(PRESSROOM_REQUIRE_2FA=True)
def test_required_mode_leaves_users_without_admin_access_alone(client, news_index):
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    client.force_login(get_user_model().objects.create_user("member", password=PASSWORD))
    assert client.get(news_index.get_url()).status_code == 200


def test_the_command_line_reset_removes_a_lost_phone(client, enrolled, caplog):
    out = StringIO()
    with caplog.at_level(logging.INFO, logger="pressroom.security"):
        call_command("reset_two_factor", "editor", stdout=out)
    assert "removed for editor" in out.getvalue()
    assert not TOTPDevice.objects.exists() and not StaticToken.objects.exists()
    assert any("two-factor sign-in reset for 'editor'" in r.getMessage() for r in caplog.records)
    sign_in(client)
    assert client.get(ADMIN).status_code == 200
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody", stdout=StringIO())
