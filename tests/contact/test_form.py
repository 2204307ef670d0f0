"""What a visitor sees when they leave a message, including when they (or a robot) misbehave."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from pressroom.contact.forms import validate_phone
from pressroom.contact.models import ContactMessage
from pressroom.contact.spam import retry_after

from .conftest import message_post


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def errors(response) -> str:
    page = soup(response)
    return " ".join(e.get_text() for e in page.select(".error, .form-errors"))


def test_contact_page_shows_the_form_with_chinese_labels(client, contact_page):
    response = client.get(contact_page.url)
    assert response.status_code == 200
    form = soup(response).select_one("form[method=post]")
    labels = [label.get_text(" ", strip=True) for label in form.select(".form-field label")]
    assert labels[:5] == ["姓名 *", "电话", "邮箱", "公司名称", "留言内容 *"]
    names = [field["name"] for field in form.select("input, textarea") if field.get("name")]
    assert {"name", "phone", "email", "company", "message", "pr_hp", "pr_ts"} <= set(names)
    assert form.select_one("[name=csrfmiddlewaretoken]") is not None
    assert form.select_one("[name=message]")["maxlength"] == "5000"
    assert form.select_one("[name=name]")["maxlength"] == "100"
    assert "仅用于回复您的咨询" in form.select_one(".privacy-note").get_text()


def test_form_page_is_never_cached_and_sets_the_csrf_cookie(client, contact_page):
    response = client.get(contact_page.url)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert "Cookie" in response["Vary"]
    assert "csrftoken" in response.cookies


def test_message_is_stored_and_mailed_to_the_company(post_message, company):
    response = post_message()
    assert response.status_code == 200
    assert "感谢您的留言" in soup(response).select_one(".thank-you").get_text()
    message = ContactMessage.objects.get()
    assert message.name == "李明" and message.phone == "138 0013 8000"
    assert message.form_data["message"] == "请问QH系列水泵的交货期是多久？"
    assert "pr_ts" not in message.form_data and "pr_hp" not in message.form_data
    assert message.delivery == "sent" and message.attempts == 1
    [email] = mail.outbox
    assert email.to == [company.email]
    assert email.reply_to == ["li.ming@example.net"]
    assert "请问QH系列水泵的交货期是多久？" in email.body
    assert "姓名: 李明" in email.body


def test_page_address_overrides_the_company_email(post_message, contact_page):
    contact_page.to_address = "sales@example.com, service@example.com"
    contact_page.save_revision().publish()
    post_message()
    assert mail.outbox[0].to == ["sales@example.com", "service@example.com"]


def test_phone_or_email_is_needed(post_message):
    response = post_message(phone="", email="")
    assert response.status_code == 200
    assert "请至少填写电话号码或邮箱" in errors(response)
    assert not ContactMessage.objects.exists()
    assert post_message(phone="", email="a@example.com").status_code == 200
    assert post_message(phone="0571-8888 8888", email="").status_code == 200
    assert ContactMessage.objects.count() == 2


@pytest.mark.parametrize(
    "number",
    [
        "13800138000",
        "138 0013 8000",
        "+86 138-0013-8000",
        "0086 13800138000",
        "0571-88888888",
        "(0571) 8888 8888",
        "010-12345678-123",
        "010 1234 5678 转 123",
        "400-820-8820",
        "+1 202 555 0100",
        "+44 20 7946 0958",
        "１３８００１３８０００",
    ],
)
def test_chinese_and_international_numbers_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize(
    "number", ["12345", "abc", "1380013800", "2025550100", "+0 123 4567", "138 0013 8000 abc"]
)
def test_malformed_numbers_get_a_form_error(post_message, number):
    response = post_message(phone=number)
    assert response.status_code == 200
    assert "0571-8888 8888" in errors(response)
    assert not ContactMessage.objects.exists()


HOSTILE_REJECTED = [
    ("name", "李明\r\nBcc: victim@example.org"),
    ("name", "李明\nX"),
    ("company", "a\x00b"),
    ("message", "hello\x00world"),
    ("message", "x" * 200_000),
    ("name", "名" * 101),
    ("email", "li@example.net\r\nBcc: victim@example.org"),
    ("phone", "138 0013 8000\r\nBcc: victim@example.org"),
    ("message", ""),
    ("name", "   "),
]


@pytest.mark.parametrize(("field", "value"), HOSTILE_REJECTED)
def test_hostile_or_oversized_input_gets_a_clear_form_error(post_message, field, value):
    response = post_message(**{field: value})
    assert response.status_code == 200
    assert errors(response).strip()
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_an_empty_post_gets_form_errors_not_a_server_error(client, contact_page):
    response = client.post(contact_page.url, {})
    assert response.status_code == 200
    assert errors(response).strip()
    assert not ContactMessage.objects.exists()


def test_markup_and_emoji_are_kept_verbatim_and_shown_as_text(post_message, client):
    hostile = {
        "name": "<img src=x onerror=alert(1)>🚀",
        "company": "{{7*7}} {% debug %}",
        "email": '"<svg/onload=alert(1)>"@x.test',
        "message": "<script>alert(1)</script>\n第二行 𝔘𝔫𝔦 💙",
    }
    response = post_message(**hostile)
    assert response.status_code == 200
    message = ContactMessage.objects.get()
    for key, value in hostile.items():
        assert message.form_data[key] == value
    body = mail.outbox[0].body
    # Kept as typed, never run as a template (which would have made the company "49 ..."),
    # whatever second the received time shows.
    assert hostile["message"] in body and hostile["company"] in body
    assert "<script>" not in mail.outbox[0].subject
    assert mail.outbox[0].reply_to == [hostile["email"]]
    assert "\n" not in mail.outbox[0].message()["Reply-To"]


def test_honeypot_gets_a_thank_you_but_nothing_is_kept_or_sent(post_message):
    response = post_message(pr_hp="http://spam.example")
    assert response.status_code == 200
    assert soup(response).select_one(".thank-you") is not None
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_forged_post_without_csrf_token_is_refused(contact_page, company):
    client = Client(enforce_csrf_checks=True)
    response = client.post(contact_page.url, message_post(), REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 403
    assert not ContactMessage.objects.exists()
    page = client.get(contact_page.url)
    token = soup(page).select_one("[name=csrfmiddlewaretoken]")["value"]
    response = client.post(
        contact_page.url, message_post(csrfmiddlewaretoken=token), REMOTE_ADDR="198.51.100.7"
    )
    assert response.status_code == 200
    assert ContactMessage.objects.count() == 1


def test_too_fast_or_forged_time_stamps_ask_to_send_again(post_message, settings, client):
    settings.PRESSROOM_CONTACT_MIN_SECONDS = 60
    response = post_message()
    assert "提交得太快了" in errors(response)
    response = post_message(pr_ts="1700000000")
    assert "表单已过期" in errors(response)
    # The re-rendered form carries a fresh, valid stamp, so the visitor can send again.
    fresh = soup(response).select_one("[name=pr_ts]")["value"]
    assert fresh != "1700000000"
    assert not ContactMessage.objects.exists()
    settings.PRESSROOM_CONTACT_MIN_SECONDS = 0
    assert post_message(pr_ts=fresh).status_code == 200
    assert ContactMessage.objects.count() == 1


def test_a_flood_from_one_address_gets_429(post_message, settings):
    statuses = [
        post_message(remote_addr="192.0.2.50", message=f"第{n}条").status_code for n in range(40)
    ]
    assert 500 not in statuses
    assert statuses[:5] == [200] * 5
    assert statuses.count(429) == 35
    assert ContactMessage.objects.count() == 5
    # Another visitor is not affected.
    assert post_message(remote_addr="192.0.2.51").status_code == 200


def test_spam_and_invalid_posts_count_towards_the_limit(post_message):
    for _ in range(3):
        post_message(pr_hp="spam")
    for _ in range(2):
        post_message(name="")
    response = post_message()
    assert response.status_code == 429
    assert abs(int(response["Retry-After"]) - retry_after()) <= 1  # until the window ends


def test_retry_after_is_the_rest_of_the_current_window(settings):
    settings.PRESSROOM_CONTACT_RATE_LIMIT_WINDOW = 600
    expected = 600 - time.time() % 600
    assert 0 < retry_after() <= 600 and abs(retry_after() - expected) <= 1


def test_forged_forwarded_for_changes_nothing(post_message):
    statuses = [
        post_message(forwarded_for=f"10.0.0.{n}", remote_addr="192.0.2.60").status_code
        for n in range(8)
    ]
    assert statuses.count(429) == 3


def test_behind_a_trusted_proxy_each_visitor_counts_alone(post_message, settings):
    settings.PRESSROOM_TRUSTED_PROXIES = ["127.0.0.1", "10.1.0.0/16"]
    statuses = [
        post_message(forwarded_for=f"198.51.100.{n}, 10.1.1.1", remote_addr="127.0.0.1").status_code
        for n in range(8)
    ]
    assert statuses == [200] * 8


def test_the_deprecated_contact_proxy_setting_still_works_and_warns(post_message, settings):
    from django.core import checks

    settings.PRESSROOM_TRUSTED_PROXIES = []
    settings.PRESSROOM_CONTACT_TRUSTED_PROXIES = ["127.0.0.1"]
    statuses = [
        post_message(forwarded_for=f"198.51.100.{n}", remote_addr="127.0.0.1").status_code
        for n in range(8)
    ]
    assert statuses == [200] * 8
    warnings = [m for m in checks.run_checks() if m.id == "contact.W001"]
    assert len(warnings) == 1 and "PRESSROOM_TRUSTED_PROXIES" in warnings[0].hint


def test_the_one_proxy_setting_wins_over_the_deprecated_one(post_message, settings):
    from django.core import checks

    settings.PRESSROOM_TRUSTED_PROXIES = ["10.9.9.9"]  # not the peer below
    settings.PRESSROOM_CONTACT_TRUSTED_PROXIES = ["127.0.0.1"]
    statuses = [
        post_message(forwarded_for=f"198.51.100.{n}", remote_addr="127.0.0.1").status_code
        for n in range(8)
    ]
    assert statuses.count(429) == 3  # the proxy's own address is counted: one visitor
    warnings = [m for m in checks.run_checks() if m.id == "contact.W001"]
    assert "ignored" in warnings[0].hint


def test_rate_limit_is_shared_by_worker_processes(settings, tmp_path):
    from django.core.cache.backends.filebased import FileBasedCache

    from pressroom.contact.spam import count_post, rate_key, window_key

    location = str(tmp_path / "contact-cache")
    settings.CACHES = {
        **settings.CACHES,
        "contact": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": location,
        },
    }
    settings.PRESSROOM_CONTACT_CACHE = "contact"
    window = settings.PRESSROOM_CONTACT_RATE_LIMIT_WINDOW
    assert all(count_post("192.0.2.80") for _ in range(5))
    other_process = FileBasedCache(location, {})
    assert other_process.get(window_key(rate_key("192.0.2.80"), window)) == 5
    assert count_post("192.0.2.80") is False
    # IPv6 visitors are counted per /64 network.
    assert all(count_post(f"2001:db8::{n}") for n in range(1, 6))
    assert count_post("2001:db8::ffff") is False


def test_a_body_over_the_upload_limit_gets_400_not_500(post_message):
    response = post_message(message="长" * 1_500_000)  # about 4.5 MB once encoded
    assert response.status_code == 400
    assert not ContactMessage.objects.exists()


def test_a_double_click_stores_and_mails_the_message_once(post_message):
    first, second = post_message(), post_message()
    assert first.status_code == second.status_code == 200
    assert "感谢您的留言" in second.content.decode()
    assert ContactMessage.objects.count() == 1
    assert len(mail.outbox) == 1
    post_message(message="另一条留言")
    assert ContactMessage.objects.count() == 2


def test_over_the_site_wide_limit_messages_are_held_not_refused(post_message, settings):
    settings.PRESSROOM_CONTACT_SITE_LIMIT_POSTS = 3
    statuses = [
        post_message(remote_addr=f"198.51.100.{n}", message=f"{n}").status_code for n in range(5)
    ]
    assert statuses == [200] * 5  # every visitor is thanked and every message is kept
    deliveries = list(ContactMessage.objects.order_by("pk").values_list("delivery", flat=True))
    assert deliveries == ["sent"] * 3 + ["held"] * 2
    assert len(mail.outbox) == 3  # a flood from many addresses cannot become many mails


def test_when_the_database_fails_the_visitor_is_asked_to_resend(post_message, monkeypatch):
    from django.db import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(ContactMessage.objects, "create", broken)
    response = post_message(message="数据库故障时的留言")
    assert response.status_code == 503
    page = soup(response)
    assert "暂时无法保存您的留言" in errors(response)
    assert page.select_one(".thank-you") is None
    assert page.select_one("[name=message]").get_text().strip() == "数据库故障时的留言"
    assert not mail.outbox
