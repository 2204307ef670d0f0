"""Sign-in throttling that a stranger cannot turn against the owner (docs/security.md, D5).

Through the real admin login view, with REMOTE_ADDR varied: every spelling of a username ×
the owner's address (fresh, known, the attacker's) × second factor (none, set).
"""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from axes.models import AccessFailureLog
from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.db.models import F
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.security.test_two_factor import device_code

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
VERIFY = "/admin/two-factor/verify/"
PASSWORD = "right-Pass-42"
LIMIT = settings.AXES_FAILURE_LIMIT
ACCOUNT_LIMIT = getattr(settings, "PRESSROOM_LOGIN_ACCOUNT_LIMIT", LIMIT)
FIRST_COOL_OFF = int(getattr(settings, "PRESSROOM_LOGIN_COOLOFF_HOURS", 0.25) * 3600)

# Every way of typing the stored name "admin" that must reach the same account.
SAME_NAME = {
    "as stored": "admin",
    "leading space": " admin",
    "trailing space": "admin ",
    "upper case": "ADMIN",
    "mixed case": "AdMiN",
    "full-width": "ａｄｍｉｎ",
    "ideographic spaces": "\u3000admin\u3000",
    "NFKC equivalent (roman numerals ⅾⅿⅰ)": "a\u217e\u217f\u2170n",
    "full-width upper case": "ＡＤＭＩＮ",
}
# Names that look like it but are other names (no account can have them).
OTHER_NAME = {
    "zero-width space at the end": "admin\u200b",
    "zero-width joiner inside": "ad\u200dmin",
    "Cyrillic а": "\u0430dmin",
}
SPELLINGS = list(SAME_NAME.values())


@pytest.fixture(params=["no second factor", "second factor"])
def owner(request, home):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", PASSWORD)
    device = None
    if request.param == "second factor":
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return SimpleNamespace(user=user, device=device)


def attempt(client, username, password, ip):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def signed_in(client, owner, username, ip) -> int:
    """The owner signs in (password, then the code when set): the status of the password step,
    which is 302 when it let them in."""
    response = attempt(client, username, PASSWORD, ip)
    if response.status_code != 302:
        return response.status_code
    if owner.device is not None:
        step = client.post(VERIFY, {"code": device_code(owner.device)}, REMOTE_ADDR=ip)
        assert step.status_code == 302
    assert client.get("/admin/", REMOTE_ADDR=ip).status_code == 200
    return 302


def guess(n: int, ip: str, username=None):
    """One wrong password for admin (under one of its spellings) from ``ip``."""
    return attempt(Client(), username or SPELLINGS[n % len(SPELLINGS)], f"guess-{n}", ip)


def retry_after(response) -> int:
    assert response.status_code == 429
    return int(response["Retry-After"])


def elapse(seconds: float) -> None:
    """Move every recorded sign-in time back, as if ``seconds`` had passed."""
    delta = timedelta(seconds=seconds)
    for label, fields in {
        "axes.AccessAttempt": ["attempt_time"],
        "axes.AccessAttemptExpiration": ["expires_at"],
        "axes.AccessFailureLog": ["attempt_time"],
        "axes.AccessLog": ["attempt_time"],
        "security.LoginDelay": ["ready_at"],
    }.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        model.objects.update(**{field: F(field) - delta for field in fields})


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- One normal form for signing in and for counting --------------------------------------------


@pytest.mark.parametrize("spelling", SAME_NAME.values(), ids=SAME_NAME.keys())
def test_every_spelling_of_the_name_signs_in_to_the_account(client, owner, spelling):
    assert signed_in(client, owner, spelling, "192.0.2.10") == 302
    assert client.session["_auth_user_id"] == str(owner.user.pk)


@pytest.mark.parametrize("spelling", OTHER_NAME.values(), ids=OTHER_NAME.keys())
def test_look_alike_names_are_other_names(client, owner, spelling):
    response = attempt(client, spelling, PASSWORD, "192.0.2.10")
    assert response.status_code == 200  # the usual "wrong username or password"
    assert "_auth_user_id" not in client.session
    assert not AccessFailureLog.objects.filter(username="admin").exists()


def test_failures_under_every_spelling_count_for_one_account(owner):
    for n, spelling in enumerate(SPELLINGS):
        assert guess(n, f"198.51.100.{n + 1}", username=spelling).status_code == 200
    assert set(AccessFailureLog.objects.values_list("username", flat=True)) == {"admin"}


# --- A stranger cannot lock the owner out -------------------------------------------------------


@pytest.mark.parametrize("owner_comes_from", ["known browser", "known address", "new browser"])
def test_the_owner_gets_in_while_strangers_guess_from_many_addresses(owner, owner_comes_from):
    browser = Client()
    if owner_comes_from != "new browser":  # the owner has signed in before, from 192.0.2.10
        assert signed_in(browser, owner, "admin", "192.0.2.10") == 302
        browser.post("/admin/logout/", REMOTE_ADDR="192.0.2.10")
    if owner_comes_from != "known browser":
        browser = Client()
    address = "192.0.2.10" if owner_comes_from == "known address" else "203.0.113.7"

    # 50 wrong passwords from 50 addresses, under every spelling of the name.
    for n in range(50):
        guess(n, f"198.51.100.{n + 1}")

    if owner_comes_from == "new browser":
        # Strangers' guessing makes a new address wait its turn; retrying sooner, or more
        # guessing by others meanwhile, does not move it.
        wait = retry_after(attempt(browser, " ADMIN", PASSWORD, address))
        assert 0 < wait <= settings.PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX
        for n in range(50, 70):
            guess(n, f"198.51.100.{n + 1}")
        assert retry_after(attempt(browser, "admin", PASSWORD, address)) <= wait
        elapse(wait)
    assert signed_in(browser, owner, "ａｄｍｉｎ", address) == 302


@pytest.mark.parametrize("owner_address", ["the attacker's", "another"])
def test_one_address_guessing_locks_only_that_address(client, owner, owner_address):
    for n in range(LIMIT - 1):
        assert guess(n, "192.0.2.66").status_code == 200
    refused = guess(LIMIT, "192.0.2.66")  # the failure that reaches the limit is refused
    assert retry_after(refused) == FIRST_COOL_OFF
    assert "登录尝试次数过多" in page_text(refused)
    address = "192.0.2.66" if owner_address == "the attacker's" else "192.0.2.67"
    status = signed_in(client, owner, "Admin", address)
    # Locked per address (any account) and per address + account; nowhere else.
    assert status == (429 if owner_address == "the attacker's" else 302)
    other = get_user_model().objects.create_user("other", password=PASSWORD, is_superuser=True)
    assert attempt(Client(), "other", PASSWORD, "192.0.2.66").status_code == 429
    assert attempt(Client(), "other", PASSWORD, "192.0.2.68").status_code == 302
    assert other.pk


def test_one_address_is_slowed_with_growing_delays(owner):
    address, tried = "192.0.2.66", 0
    expected = FIRST_COOL_OFF
    for _lockout in range(4):
        for _n in range(LIMIT - 1):
            # Other names each time: the address is what is being throttled.
            assert guess(tried, address, username=f"name-{tried}").status_code == 200
            tried += 1
        wait = retry_after(guess(tried, address, username=f"name-{tried}"))
        tried += 1
        assert wait == expected
        # Retrying does not move the end, and the right password is not looked at either.
        elapse(60)
        # (A second or two of the test's own run time may pass on a loaded machine.)
        assert wait - 63 <= retry_after(attempt(Client(), "admin", PASSWORD, address)) <= wait - 60
        elapse(wait - 60)
        expected *= 2
    assert signed_in(Client(), owner, "admin", address) == 302


def test_guessing_one_account_from_500_addresses_is_slowed(owner):
    answers = [guess(n, f"10.0.{n // 250}.{n % 250 + 1}") for n in range(500)]
    statuses = [response.status_code for response in answers]
    # The first failures are checked; then every address that has never signed in to the
    # account waits its turn, and none of those attempts is looked at.
    assert statuses[:ACCOUNT_LIMIT] == [200] * ACCOUNT_LIMIT
    assert set(statuses[ACCOUNT_LIMIT:]) == {429}
    waits = [int(r["Retry-After"]) for r in answers[ACCOUNT_LIMIT:]]
    assert waits == sorted(waits)  # growing with the failures on the account
    assert waits[0] == settings.PRESSROOM_LOGIN_ACCOUNT_WAIT
    assert waits[-1] == settings.PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX
    # Even the right password from a new address waits (it is not checked).
    assert attempt(Client(), "admin", PASSWORD, "10.0.9.9").status_code == 429
    # Once the first turn comes, exactly that address may try once more, and then waits again.
    elapse(waits[0])
    first = f"10.0.0.{ACCOUNT_LIMIT + 1}"
    assert guess(1000, first).status_code == 200
    assert retry_after(guess(1001, first)) == settings.PRESSROOM_LOGIN_ACCOUNT_WAIT_MAX
    assert guess(1002, "10.0.0.250").status_code == 429  # its turn is still far off


def test_an_ipv6_network_counts_as_one_address(owner):
    for n in range(LIMIT - 1):
        assert guess(n, f"2001:db8:1:2::{n + 1:x}", username=f"name-{n}").status_code == 200
    assert guess(LIMIT, "2001:db8:1:2:ffff::1").status_code == 429
    assert guess(LIMIT, "2001:db8:1:3::1", username="someone").status_code == 200


def test_a_delayed_attempt_is_logged_once(owner, caplog):
    for n in range(ACCOUNT_LIMIT):
        guess(n, f"198.51.100.{n + 1}")
    caplog.clear()
    with caplog.at_level("INFO", logger="pressroom.security"):
        guess(99, "203.0.113.50", username="ADMIN\r\nforged: 1")
        guess(100, "203.0.113.51", username="ADMIN")
    lines = [r.getMessage() for r in caplog.records if r.name == "pressroom.security"]
    assert len(lines) == 2
    assert lines[1].startswith("login delayed for 'ADMIN' from 203.0.113.51")
    assert all("\n" not in line for line in lines)


def test_every_sign_in_door_follows_the_same_rules(owner, rf):
    """The rules live in the authentication backends, not in one view: any login form that
    calls ``authenticate`` (Wagtail's page-privacy login too, were it routed) gets them."""

    def request(ip):
        return rf.post("/elsewhere/login/", REMOTE_ADDR=ip)

    assert (
        authenticate(request("192.0.2.5"), username=" ＡＤＭＩＮ", password=PASSWORD) == owner.user
    )
    for n in range(ACCOUNT_LIMIT):
        guess(n, f"198.51.100.{n + 1}")
    delayed = request("203.0.113.9")
    assert authenticate(delayed, username="admin", password=PASSWORD) is None
    assert delayed.pressroom_login_wait.total_seconds() == settings.PRESSROOM_LOGIN_ACCOUNT_WAIT


def test_the_browser_is_remembered_only_after_the_whole_sign_in(owner):
    browser = Client()
    response = attempt(browser, "admin", PASSWORD, "192.0.2.10")
    assert response.status_code == 302
    remembered = "pressroom_known" in response.cookies
    assert remembered == (owner.device is None)
    if owner.device is not None:
        step = browser.post(VERIFY, {"code": device_code(owner.device)}, REMOTE_ADDR="192.0.2.10")
        assert "pressroom_known" in step.cookies
        cookie = step.cookies["pressroom_known"]
    else:
        cookie = response.cookies["pressroom_known"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert "admin" not in cookie.value  # a keyed hash of the name, not the name
