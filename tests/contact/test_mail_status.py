"""Mail status that tells the truth: no mail server means 邮件未配置, and the dashboard says so."""

from email.header import decode_header, make_header

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from pressroom.contact import delivery
from pressroom.contact.mailconfig import mail_configured, sender
from pressroom.contact.models import ContactMessage
from pressroom.security.roles import EDITORS
from tests.contact.test_admin import role_user
from tests.factories import make_message

CONSOLE = "django.core.mail.backends.console.EmailBackend"
PANEL_HEADING = "留言邮件通知未开启"


@pytest.fixture
def no_mail_server(settings):
    """What `pressroom serve` runs with when EMAIL_URL is unset: mail printed to the console."""
    settings.EMAIL_BACKEND = CONSOLE


@pytest.fixture
def boss(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw"))
    return client


@pytest.mark.parametrize(
    ("backend", "configured"),
    [
        ("django.core.mail.backends.smtp.EmailBackend", True),
        (CONSOLE, False),
        ("django.core.mail.backends.dummy.EmailBackend", False),
        ("django.core.mail.backends.filebased.EmailBackend", False),
    ],
)
def test_which_backends_reach_someone(settings, backend, configured):
    settings.EMAIL_BACKEND = backend
    assert mail_configured() is configured


def test_without_a_mail_server_a_message_says_mail_not_configured(
    no_mail_server, post_message, boss, capsys
):
    assert post_message().status_code == 200
    message = ContactMessage.objects.get()
    assert message.delivery == "off" and message.sent_at is None
    assert "li.ming@example.net" in capsys.readouterr().out  # printed for whoever runs it
    page = BeautifulSoup(
        boss.get(f"/admin/contact_message/inspect/{message.pk}/").content, "html.parser"
    )
    mail_section = page.select_one(".inbox-message__mail").get_text(" ", strip=True)
    assert "邮件未配置" in mail_section and "已发送" not in mail_section
    row = BeautifulSoup(boss.get("/admin/contact_message/").content, "html.parser").select_one(
        ".inbox-table tbody tr"
    )
    assert "邮件未配置" in row.get_text()


def test_with_a_mail_server_it_is_sent(post_message):
    assert post_message().status_code == 200
    assert ContactMessage.objects.get().delivery == "sent"
    assert len(mail.outbox) == 1


def test_a_message_queued_before_the_server_went_away_is_not_called_sent(
    contact_page, company, settings
):
    message = make_message(contact_page)
    settings.EMAIL_BACKEND = CONSOLE
    assert delivery.deliver(message.pk) == "off"
    assert ContactMessage.objects.get(pk=message.pk).delivery == "off"


# --- the From address -------------------------------------------------------------------------


def test_mail_comes_from_the_company_by_name(post_message, company):
    post_message()
    assert mail.outbox[0].from_email == "明川测试仪器有限公司 <hello@example.com>"
    header = str(make_header(decode_header(mail.outbox[0].message()["From"])))
    assert header == "明川测试仪器有限公司 <hello@example.com>"  # as a mail program shows it


def test_the_operators_sending_address_keeps_the_company_name(post_message, company, settings):
    settings.PRESSROOM_FROM_EMAIL_SET = True
    settings.DEFAULT_FROM_EMAIL = "notify@mail.example.com"
    post_message()
    assert mail.outbox[0].from_email == "明川测试仪器有限公司 <notify@mail.example.com>"


def test_the_pages_own_from_address_wins(post_message, company, contact_page):
    contact_page.from_address = "sales@example.com"
    contact_page.save()
    post_message()
    assert mail.outbox[0].from_email == "sales@example.com"


def test_a_company_name_cannot_add_a_header(company, site):
    company.name = "明川\r\nBcc: victim@example.net"
    company.save()
    assert sender(site) == '"明川 Bcc: victim@example.net" <hello@example.com>'
    assert "\n" not in sender(site)


def test_without_company_details_the_placeholder_address_is_used(site, settings):
    settings.DEFAULT_FROM_EMAIL = "pressroom@localhost"
    assert sender(None) == "pressroom@localhost"


# --- the dashboard ---------------------------------------------------------------------------


def dashboard(client) -> BeautifulSoup:
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_dashboard_says_once_that_notifications_are_off(no_mail_server, boss, company):
    page = dashboard(boss)
    panels = page.select(".inbox-mail-off")
    assert len(panels) == 1
    text = panels[0].get_text(" ", strip=True)
    assert PANEL_HEADING in text and "EMAIL_URL" in text and "重启网站" in text
    assert panels[0].select_one("a")["href"] == "/admin/contact_message/"


def test_the_dashboard_is_quiet_when_mail_works(boss, company, contact_page):
    assert PANEL_HEADING not in dashboard(boss).get_text()


def test_no_address_to_notify_is_said_too(boss, site, contact_page, client, django_user_model):
    # Mail works, but neither the page nor the company info names an address.
    text = dashboard(boss).select_one(".inbox-mail-off").get_text(" ", strip=True)
    assert "没有收件地址" in text and "EMAIL_URL" not in text
    link = dashboard(boss).select_one(".inbox-mail-off a[href*=companyinfo]")
    assert link.get_text(strip=True) == "填写公司邮箱"
    client.force_login(role_user(django_user_model, "editor", EDITORS))
    panel = dashboard(client).select_one(".inbox-mail-off")
    assert "请联系管理员填写公司邮箱" in panel.get_text() and not panel.select(
        "a[href*=companyinfo]"
    )


def test_only_those_who_read_messages_are_told(no_mail_server, client, django_user_model):
    client.force_login(role_user(django_user_model, "outsider"))
    assert PANEL_HEADING not in dashboard(client).get_text()
