"""Password-reset mail: capped per account and per address, in fixed windows, with one answer
whether a mail goes out, is held back or no account has the address (D2, D5)."""

import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"
PER_ACCOUNT = getattr(settings, "PRESSROOM_RESET_MAILS_PER_ACCOUNT", 3)
PER_ADDRESS = getattr(settings, "PRESSROOM_RESET_REQUESTS_PER_ADDRESS", 10)
WINDOW = getattr(settings, "PRESSROOM_RESET_WINDOW", 3600)
DATABASE_QUEUE = {
    **settings.TASKS,
    "contact": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# One account, as people type its address.
SPELLINGS = {
    "as stored": "mike@example.org",
    "upper case": "MIKE@EXAMPLE.ORG",
    "surrounding spaces": "  mike@example.org ",
    "mixed case": "Mike@Example.Org",
}


@pytest.fixture
def mike(home):
    return get_user_model().objects.create_user("mike", "mike@example.org", "mike-Pass-42")


def ask(email, ip="192.0.2.1"):
    return Client().post(RESET, {"email": email}, REMOTE_ADDR=ip)


def answer(response):
    return response.status_code, response.get("Location"), response.content


def mails_to(address):
    return sum(address in message.to for message in mail.outbox)


def elapse(seconds):
    """Move the reset windows back, as if ``seconds`` had passed."""
    try:
        model = apps.get_model("security", "RateWindow")
    except LookupError:
        return
    model.objects.update(started=F("started") - timedelta(seconds=seconds))


@pytest.mark.parametrize("spread", ["one address", "many addresses"])
def test_ten_requests_for_one_account_send_at_most_the_cap(mike, spread):
    answers = []
    for n in range(10):
        spelling = list(SPELLINGS.values())[n % len(SPELLINGS)]
        ip = "192.0.2.1" if spread == "one address" else f"198.51.100.{n + 1}"
        answers.append(answer(ask(spelling, ip)))
    assert mails_to("mike@example.org") == PER_ACCOUNT
    assert len(mail.outbox) == PER_ACCOUNT
    assert set(answers) == {(302, DONE, b"")}


def test_one_address_is_capped_across_accounts(home):
    User = get_user_model()
    for n in range(PER_ADDRESS + 2):
        User.objects.create_user(f"user{n}", f"user{n}@example.org", "some-Pass-42")
    answers = [answer(ask(f"user{n}@example.org")) for n in range(PER_ADDRESS + 2)]
    assert len(mail.outbox) == PER_ADDRESS
    assert set(answers) == {(302, DONE, b"")}
    # The limit is the address's: the same accounts from elsewhere still get their mail.
    ask(f"user{PER_ADDRESS}@example.org", ip="192.0.2.2")
    assert mails_to(f"user{PER_ADDRESS}@example.org") == 1


def test_windows_are_fixed_and_retrying_does_not_extend_them(mike):
    for _n in range(PER_ACCOUNT):
        ask("mike@example.org", ip="198.51.100.1")
    assert mails_to("mike@example.org") == PER_ACCOUNT
    for minute in range(10, WINDOW // 60, 10):  # asking again every 10 minutes ...
        elapse(600)
        ask("mike@example.org", ip=f"198.51.100.{minute}")
        assert mails_to("mike@example.org") == PER_ACCOUNT
    elapse(WINDOW - (WINDOW // 60 - 1) // 10 * 600)  # ... does not move the window's end
    ask("mike@example.org", ip="198.51.100.99")
    assert mails_to("mike@example.org") == PER_ACCOUNT + 1


def statements_of(email, ip, asked_before=0):
    """The answer to one request and its SQL (values blanked), after ``asked_before`` earlier
    requests for the same address from elsewhere."""
    for n in range(asked_before):
        ask(email, ip=f"198.51.{len(email)}.{n + 1}")
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        response = ask(email, ip)
    assert mail.outbox == []  # nothing is mailed while the visitor waits
    values = r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b|\"s\d+_x\d+\""  # values, savepoint names
    return answer(response), [re.sub(values, "?", q["sql"]) for q in queries.captured_queries]


@override_settings(TASKS=DATABASE_QUEUE)
def test_the_answer_and_the_work_are_the_same_whether_sent_held_back_or_unknown(mike, home):
    """Same page, same status, and the same statements in the same order: the mail leaves
    through the task queue, so no request waits for the mail server, and the look-up is the
    same query whether it finds an account or not."""
    get_user_model().objects.create_user("anna", "anna@example.org", "anna-Pass-42")
    ask("warm@example.org", ip="203.0.113.1")  # the same caches for every case below

    first_sent = statements_of("mike@example.org", "192.0.2.1")
    first_unknown = statements_of("nobody@example.org", "192.0.2.2")
    assert first_sent[0] == first_unknown[0] == (302, DONE, b"")
    assert first_sent[1] == first_unknown[1]

    again_sent = statements_of("mike@example.org", "192.0.2.3", asked_before=1)
    held_back = statements_of("anna@example.org", "192.0.2.4", asked_before=PER_ACCOUNT)
    again_unknown = statements_of("ghost@example.org", "192.0.2.5", asked_before=PER_ACCOUNT)
    assert again_sent[0] == held_back[0] == again_unknown[0] == (302, DONE, b"")
    assert again_sent[1] == held_back[1] == again_unknown[1]
    assert len(mail.outbox) == 0
    # Mails were queued for mike each time and for anna up to her cap, never for the unknown.
    queued = [task.args_kwargs["kwargs"]["user_ids"] for task in DBTaskResult.objects.all()]
    anna = get_user_model().objects.get(username="anna")
    assert sum(mike.pk in ids for ids in queued) == 3
    assert sum(anna.pk in ids for ids in queued) == PER_ACCOUNT
    assert sum(map(len, queued)) == 3 + PER_ACCOUNT


@override_settings(TASKS=DATABASE_QUEUE)
def test_an_address_over_its_cap_gets_the_same_page(mike):
    for n in range(PER_ADDRESS):
        ask(f"someone{n}@example.org", ip="192.0.2.9")
    assert answer(ask("mike@example.org", ip="192.0.2.9")) == (302, DONE, b"")


@override_settings(TASKS=DATABASE_QUEUE)
def test_the_queued_mail_is_sent_by_the_worker_and_its_link_works(mike):
    assert answer(ask("MIKE@example.org")) == (302, DONE, b"")
    assert mail.outbox == []
    call_command("db_worker", "--backend", "contact", "--batch", "--no-startup-delay")
    assert [message.to for message in mail.outbox] == [["mike@example.org"]]
    link = re.search(r"https?://[^\s]+/password_reset/confirm/[^\s]+", mail.outbox[0].body)
    assert link and "evil.test" not in link.group(0)
    page = Client().get(link.group(0).split("testserver", 1)[-1], follow=True)
    assert page.status_code == 200
    assert b"new_password1" in page.content


@override_settings(
    CACHES={
        **settings.CACHES,
        "default": {
            "BACKEND": "pressroom.core.cache.FailOpenRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens: Redis is down
        },
    }
)
def test_the_caps_hold_while_redis_is_down(mike):
    answers = [answer(ask("mike@example.org")) for _n in range(10)]
    assert mails_to("mike@example.org") == PER_ACCOUNT
    assert set(answers) == {(302, DONE, b"")}
