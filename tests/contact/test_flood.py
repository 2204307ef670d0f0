"""A flood from many addresses cannot close the contact form to a real customer."""

import socket
import time
import uuid
from collections import Counter
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pressroom.contact.models import ContactMessage

FLOODERS = 50
CUSTOMER = "203.0.113.200"
JUNK = [{"name": ""}, {"pr_hp": "http://spam.example"}, {"pr_ts": "1700000000"}]


def flood(post_message, junk: bool) -> Counter:
    """Each of 50 addresses posts until it is refused (its own limit: 5 per window)."""
    statuses = Counter()
    for n in range(FLOODERS):
        for k in range(20):
            answers = JUNK[k % len(JUNK)] if junk else {}
            response = post_message(
                remote_addr=f"198.51.100.{n + 1}", message=f"广告 {n}-{k}", **answers
            )
            statuses[response.status_code] += 1
            if response.status_code == 429:
                break
    return statuses


def customer_posts(post_message):
    started = time.perf_counter()
    response = post_message(remote_addr=CUSTOMER, name="真实客户", message="请报价 200 台。")
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one(".thank-you")
    return ContactMessage.objects.get(form_data__name="真实客户"), elapsed_ms


def test_junk_from_fifty_addresses_does_not_count_for_the_site(post_message, settings):
    assert settings.PRESSROOM_CONTACT_SITE_LIMIT_POSTS == 200  # the shipped default
    statuses = flood(post_message, junk=True)
    assert statuses == {200: FLOODERS * 5, 429: FLOODERS}  # each flooder stopped at its limit
    assert not ContactMessage.objects.exists()
    message, elapsed_ms = customer_posts(post_message)
    assert message.delivery == ContactMessage.Delivery.SENT  # mailed as on a quiet day
    print(f"\njunk flood: {dict(statuses)}; the customer's post {elapsed_ms:.0f} ms, mailed")


def test_a_valid_flood_from_fifty_addresses_is_held_and_a_customer_still_gets_through(
    post_message, settings
):
    limit = settings.PRESSROOM_CONTACT_SITE_LIMIT_POSTS
    statuses = flood(post_message, junk=False)
    assert statuses == {200: FLOODERS * 5, 429: FLOODERS}
    held = ContactMessage.objects.filter(delivery=ContactMessage.Delivery.HELD)
    assert held.count() == FLOODERS * 5 - limit
    message, elapsed_ms = customer_posts(post_message)
    assert message.delivery == ContactMessage.Delivery.HELD  # stored, shown in the admin
    assert len(mail.outbox) == limit  # the flood beyond the limit mailed nobody one by one
    print(
        f"\nvalid flood: {dict(statuses)}; stored {ContactMessage.objects.count()}, held "
        f"{held.count()}, mails {len(mail.outbox)}; the customer's post {elapsed_ms:.0f} ms, "
        "stored and held for review"
    )


def test_one_flooding_address_still_gets_429_with_fixed_windows(post_message):
    statuses = [
        post_message(remote_addr="192.0.2.70", message=f"{n}").status_code for n in range(9)
    ]
    assert statuses == [200] * 5 + [429] * 4
    assert ContactMessage.objects.count() == 5


def redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def contact_cache(kind: str, tmp_path) -> dict:
    if kind == "file":
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "contact-cache"),
        }
    if kind == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": kind}
    if not redis_available():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return {
        "BACKEND": "pressroom.core.cache.FailOpenRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/0",
        "KEY_PREFIX": f"test-contact-{uuid.uuid4().hex}",  # shared server: keys of our own
    }


@pytest.mark.parametrize("kind", ["file", "locmem", "redis"])
def test_retries_do_not_keep_a_closed_window_closed(kind, settings, tmp_path):
    """A refused address that keeps trying gets in again when the window ends, not later."""
    from pressroom.contact.spam import count_post

    window = 2
    settings.CACHES = {**settings.CACHES, "contact": contact_cache(kind, tmp_path)}
    settings.PRESSROOM_CONTACT_CACHE = "contact"
    settings.PRESSROOM_CONTACT_RATE_LIMIT_WINDOW = window
    time.sleep(window - time.time() % window + 0.05)  # start just after a window begins
    first = int(time.time() // window)
    assert [count_post("192.0.2.90") for _ in range(6)] == [True] * 5 + [False]
    retries = 0
    while True:
        allowed = count_post("192.0.2.90")
        if int(time.time() // window) != first:
            break  # the window may have ended during that call: either answer is right
        assert allowed is False
        retries += 1
        time.sleep(0.05)
    assert count_post("192.0.2.90") is True, f"still closed after {retries} retries"


@pytest.fixture
def held_messages(post_message, settings):
    settings.PRESSROOM_CONTACT_SITE_LIMIT_POSTS = 1
    for n, name in enumerate(["客户一", "客户二", "客户三", "客户四"]):
        assert post_message(remote_addr=f"198.51.100.{n + 1}", name=name).status_code == 200
    assert len(mail.outbox) == 1  # only the first was mailed on its own
    return ContactMessage.objects.filter(delivery=ContactMessage.Delivery.HELD)


def test_held_messages_are_named_in_one_summary_mail_per_window(held_messages, company, settings):
    from pressroom.contact import delivery

    settings.PRESSROOM_CONTACT_RATE_LIMIT_WINDOW = 600  # at most one summary per 10 minutes
    assert delivery.sweep()["held_summaries"] == 1
    summary = mail.outbox[-1]
    assert summary.to == [company.email]
    assert "待审核" in summary.subject and "3" in summary.subject
    for message in held_messages:
        assert f"#{message.pk} " in summary.body and message.name in summary.body
        assert message.sent_at is not None and message.next_attempt_at is None
    assert "客户一" not in summary.body  # mailed on its own already
    assert "/admin/contact_message/?delivery=held" in summary.body
    assert delivery.sweep()["held_summaries"] == 0 and len(mail.outbox) == 2

    # More held messages in the same window wait for the next one, then get a summary of their own.
    ContactMessage.objects.create(
        page=held_messages[0].page,
        form_data={"name": "客户五", "phone": "13800000005", "message": "x"},
        delivery=ContactMessage.Delivery.HELD,
    )
    assert delivery.sweep()["held_summaries"] == 0
    earlier = timezone.now() - timedelta(minutes=11)
    ContactMessage.objects.filter(sent_at__isnull=False).update(sent_at=earlier)
    assert delivery.sweep()["held_summaries"] == 1
    assert "客户五" in mail.outbox[-1].body and "客户二" not in mail.outbox[-1].body


def test_a_summary_the_mail_server_refuses_is_tried_again(held_messages, smtp_server):
    from pressroom.contact import delivery

    smtp_server.stop()
    assert delivery.sweep()["held_summaries"] == 0
    for message in held_messages:
        assert message.last_error and message.next_attempt_at > timezone.now()
        assert message.delivery == ContactMessage.Delivery.HELD
    held_messages.update(next_attempt_at=timezone.now())
    smtp_server.start()
    assert delivery.sweep()["held_summaries"] == 1
    [received] = smtp_server.wait_for(1)
    assert "Subject:" in received["data"]


def test_the_admin_lists_held_messages_for_review(held_messages, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw"))
    response = client.get(reverse("contact_message:index") + "?delivery=held")
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    assert len(rows) == 3
    assert all("待审核" in row.get_text() for row in rows)
