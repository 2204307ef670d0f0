"""One normal form for usernames (NFKC, case-folded, trimmed): signing in compares names in it,
so no two accounts may share it, whichever way an account is made."""

import os
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from pressroom.core.setup import ensure_admin

pytestmark = pytest.mark.django_db

PASSWORD = "right-Pass-42"
LOOK_ALIKES = {
    "upper case": "ADMIN",
    "title case": "Admin",
    "full-width": "ａｄｍｉｎ",
    "full-width upper case": "ＡＤＭＩＮ",
    "roman numerals ⅾⅿⅰ": "a\u217e\u217f\u2170n",
}
User = get_user_model()


@pytest.fixture
def admin_user(home):
    return User.objects.create_superuser("admin", "admin@example.com", PASSWORD)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def user_form(username, **extra):
    return {
        "username": username,
        "email": "new@example.com",
        "first_name": "New",
        "last_name": "Person",
        "password1": "Quite-long-Pass-42",
        "password2": "Quite-long-Pass-42",
        **extra,
    }


@pytest.mark.parametrize("spelling", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_the_admin_refuses_a_new_user_named_like_another(admin_client, spelling):
    response = admin_client.post(reverse("wagtailusers_users:add"), user_form(spelling))
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert User.objects.count() == 1


def test_the_admin_still_makes_users_with_other_names(admin_client):
    response = admin_client.post(reverse("wagtailusers_users:add"), user_form("editor"))
    assert response.status_code == 302
    assert User.objects.filter(username="editor").exists()


@pytest.mark.parametrize("spelling", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_the_admin_refuses_renaming_a_user_like_another(admin_client, spelling):
    other = User.objects.create_user("other", "other@example.com", PASSWORD)
    url = reverse("wagtailusers_users:edit", args=[other.pk])
    response = admin_client.post(url, user_form(spelling, password1="", password2=""))
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    other.refresh_from_db()
    assert other.username == "other"
    # Changing the case of one's own name is no clash.
    assert admin_client.post(url, user_form("OTHER", password1="", password2="")).status_code == 302
    other.refresh_from_db()
    assert other.username == "OTHER"


@pytest.mark.parametrize("spelling", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_the_model_refuses_a_second_account_named_like_another(admin_user, spelling):
    with pytest.raises(ValidationError):
        User.objects.create_user(spelling, password=PASSWORD)
    other = User.objects.create_user("other", password=PASSWORD)
    other.username = spelling
    with pytest.raises(ValidationError):
        other.save()


def test_createsuperuser_refuses_a_name_like_another(admin_user):
    with pytest.raises(CommandError, match="“admin”"):  # names the account it clashes with
        call_command(
            "createsuperuser",
            "--noinput",
            username="Admin",
            email="boss@example.com",
            stdout=StringIO(),
            stderr=StringIO(),
        )
    assert User.objects.count() == 1


def test_pressroom_init_takes_another_spelling_for_the_existing_admin(admin_user):
    os.environ["PRESSROOM_ADMIN_USER"] = "Admin"
    try:
        account = ensure_admin()
    finally:
        del os.environ["PRESSROOM_ADMIN_USER"]
    assert (account.username, account.created) == ("admin", False)
    assert User.objects.count() == 1


def test_two_old_accounts_that_differ_in_case_sign_in_only_by_their_exact_names(client, home):
    """Made before the rule (here without the model's check): neither is taken for the other."""
    bob, big_bob = User(username="bob", is_superuser=True), User(username="Bob", is_superuser=True)
    for user in (bob, big_bob):
        user.set_password(PASSWORD)
    User.objects.bulk_create([bob, big_bob])

    def signs_in_as(name, ip):
        client.logout()
        response = client.post(
            "/admin/login/", {"username": name, "password": PASSWORD}, REMOTE_ADDR=ip
        )
        return response.status_code == 302 and client.session.get("_auth_user_id")

    assert signs_in_as("bob", "192.0.2.1") == str(User.objects.get(username="bob").pk)
    assert signs_in_as("Bob", "192.0.2.2") == str(User.objects.get(username="Bob").pk)
    assert not signs_in_as("BOB", "192.0.2.3")
    # Each can still change its own password (saving without a new name is no clash).
    old = User.objects.get(username="Bob")
    old.set_password("another-Pass-43")
    old.save()
