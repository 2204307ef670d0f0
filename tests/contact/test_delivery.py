"""Messages reach the company's mailbox through a real SMTP server, even after an outage."""

import email
import email.policy
import json
import os
import shutil
import ssl
import subprocess
import sys
from datetime import timedelta

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from pressroom.contact import delivery
from pressroom.contact.models import ContactMessage
from pressroom.core.management.commands.serve import background_commands


def make_due(message):
    ContactMessage.objects.filter(pk=message.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def test_notification_arrives_at_a_real_smtp_server(smtp_server, post_message, company):
    assert post_message().status_code == 200
    [received] = smtp_server.wait_for(1)
    assert received["to"] == [company.email]
    assert "Reply-To: li.ming@example.net" in received["data"]
    assert ContactMessage.objects.get().delivery == "sent"


def test_mail_server_down_keeps_the_message_and_delivers_after_it_returns(
    smtp_server, post_message
):
    smtp_server.stop()
    response = post_message(message="服务器停机时的留言")
    assert response.status_code == 200
    assert "感谢" in response.content.decode()
    message = ContactMessage.objects.get()
    assert message.delivery == "retry"
    assert message.attempts == 1
    assert "Connection refused" in message.last_error or "Error" in message.last_error
    assert message.next_attempt_at > timezone.now()

    # Not due yet: the sweep leaves it alone.
    assert delivery.sweep()["sent"] == 0
    make_due(message)
    assert delivery.sweep() == {
        "sent": 0,
        "retry": 1,
        "failed": 0,
        "held_summaries": 0,
        "purged": 0,
    }
    message.refresh_from_db()
    assert message.attempts == 2 and message.delivery == "retry"

    smtp_server.start()
    make_due(message)
    call_command("contact_sweep", stdout=open("/dev/null", "w"))  # noqa: SIM115
    message.refresh_from_db()
    assert message.delivery == "sent" and message.sent_at is not None
    [received] = smtp_server.wait_for(1)
    # The message as a mail client reads it, whatever transfer encoding the mail used.
    raw = received["data"].encode("utf-8")
    mail_message = email.message_from_bytes(raw, policy=email.policy.default)
    assert "服务器停机时的留言" in mail_message.get_body(("plain",)).get_content()


def test_notification_lists_the_answers_given(post_message):
    post_message(company="", message="第一行\n第二行")
    body = mail.outbox[0].body
    assert "姓名: 李明" in body and "留言内容:\n第一行\n第二行" in body
    assert "公司名称" not in body  # left empty
    assert "/admin/contact_message/inspect/" in body


def test_retries_back_off_up_to_five_minutes():
    delays = [delivery.retry_delay(n).total_seconds() for n in range(1, 8)]
    assert delays == [30, 60, 120, 240, 300, 300, 300]


def test_gives_up_after_the_last_attempt(smtp_server, post_message, settings):
    settings.PRESSROOM_CONTACT_MAX_ATTEMPTS = 2
    smtp_server.stop()
    post_message()
    message = ContactMessage.objects.get()
    make_due(message)
    delivery.sweep()
    message.refresh_from_db()
    assert message.delivery == "failed" and message.next_attempt_at is None
    assert delivery.due_message_ids() == []


def test_a_message_is_mailed_once_even_if_asked_twice(post_message):
    post_message()
    message = ContactMessage.objects.get()
    assert delivery.deliver(message.pk) == "skipped"
    make_due(message)
    assert delivery.deliver(message.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_lost_first_attempt_is_picked_up_by_the_sweep(post_message, monkeypatch):
    monkeypatch.setattr("pressroom.contact.views.enqueue_delivery", lambda pk: 1 / 0)
    assert post_message().status_code == 200
    message = ContactMessage.objects.get()
    assert message.delivery == "pending" and not mail.outbox
    assert delivery.sweep()["sent"] == 0  # the task may still come within a minute
    make_due(message)
    assert delivery.sweep()["sent"] == 1
    assert len(mail.outbox) == 1


def test_without_any_address_the_message_waits_for_one(post_message, company):
    company.email = ""
    company.save()
    post_message()
    message = ContactMessage.objects.get()
    assert message.delivery == "retry"
    assert "company email" in message.last_error
    company.email = "office@example.com"
    company.save()
    make_due(message)
    delivery.sweep()
    assert mail.outbox[0].to == ["office@example.com"]


def test_old_messages_are_deleted_only_when_retention_is_set(post_message, settings):
    post_message()
    post_message(name="新留言")
    old = ContactMessage.objects.get(form_data__name="李明")
    ContactMessage.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=40))
    assert delivery.purge_old_messages() == 0
    settings.PRESSROOM_CONTACT_RETENTION_DAYS = 30
    assert delivery.sweep()["purged"] == 1
    assert [m.name for m in ContactMessage.objects.all()] == ["新留言"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "submission://site%40example.com:p%40ss@mail.example.com:587/?tls=True",
            {"EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False, "EMAIL_PORT": 587},
        ),
        (
            "smtp://site:secret@mail.example.com:465/?ssl=True",
            {"EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False, "EMAIL_HOST_USER": "site"},
        ),
        ("smtp://127.0.0.1:1025", {"EMAIL_USE_TLS": False, "EMAIL_HOST": "127.0.0.1"}),
    ],
)
def test_email_url_options_reach_the_site_settings(url, expected, tmp_path):
    script = (
        "import json; from pressroom import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in dir(s) if k.startswith('EMAIL_')}))"
    )
    env = {**os.environ, "EMAIL_URL": url, "PRESSROOM_DATA_DIR": str(tmp_path)}
    env["SECRET_KEY"] = "x" * 50
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    parsed = json.loads(out.stdout)
    for key, value in expected.items():
        assert parsed[key] == value
    assert parsed["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert parsed["EMAIL_TIMEOUT"] == 10
    if "site%40example.com" in url:
        assert parsed["EMAIL_HOST_USER"] == "site@example.com"
        assert parsed["EMAIL_HOST_PASSWORD"] == "p@ss"


@pytest.fixture
def self_signed_cert(tmp_path, monkeypatch):
    """A certificate for 127.0.0.1 that this test's TLS clients trust."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def test_starttls_and_login_work_with_the_configured_account(
    smtp_server, self_signed_cert, post_message, settings
):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            b"site",
            b"s3cret",
        )
        return AuthResult(success=ok)

    smtp_server.stop()
    smtp_server.start(
        tls_context=self_signed_cert,
        require_starttls=True,
        authenticator=authenticate,
        auth_required=True,
    )
    settings.EMAIL_USE_TLS = True
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = "site", "wrong"
    settings.EMAIL_TIMEOUT = 1  # aiosmtpd stalls a failed login instead of answering
    post_message()
    message = ContactMessage.objects.get()
    assert message.delivery == "retry" and message.last_error
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_HOST_PASSWORD = "s3cret"
    make_due(message)
    delivery.sweep()
    message.refresh_from_db()
    assert message.delivery == "sent"
    assert len(smtp_server.wait_for(1)) == 1


def test_serve_runs_the_contact_worker():
    commands = [c[-1] for c in background_commands()]
    assert "contact_worker" in commands


def test_the_worker_sweep_delivers_due_messages(post_message, smtp_server):
    from pressroom.contact.management.commands.contact_worker import sweep_forever

    class OneRound:
        """Stands in for the stop event: lets the loop run exactly one sweep."""

        def is_set(self):
            return False

        def wait(self, timeout):
            return True

    smtp_server.stop()
    post_message()
    message = ContactMessage.objects.get()
    assert message.delivery == "retry"
    smtp_server.start()
    make_due(message)
    sweep_forever(30, OneRound())
    assert len(smtp_server.wait_for(1)) == 1
    message.refresh_from_db()
    assert message.delivery == "sent"


def test_a_stopping_worker_leaves_the_other_due_messages_for_later(smtp_server, post_message):
    smtp_server.stop()
    for n in range(3):
        post_message(message=f"第{n}条留言", remote_addr=f"203.0.113.{n + 1}")
    ContactMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    asked = []

    def stop_after_one():
        asked.append(1)
        return len(asked) > 1

    assert delivery.sweep(should_stop=stop_after_one)["retry"] == 1
    attempts = sorted(ContactMessage.objects.values_list("attempts", flat=True))
    assert attempts == [1, 1, 2]  # one tried again; two still due, untouched
    assert delivery.sweep(should_stop=lambda: True)["retry"] == 0
