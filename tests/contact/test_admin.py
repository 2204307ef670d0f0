"""The 留言 inbox: rows open the message, which is read, marked, answered and annotated there."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from pressroom.contact.models import ContactFormField, ContactMessage
from pressroom.security.roles import EDITORS, ensure_roles
from tests.factories import make_message

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
INDEX = "contact_message:index"
# 05:32 on 2 December in Beijing is 21:32 on 1 December in UTC.
BEIJING_MORNING = datetime(2026, 12, 1, 21, 32, tzinfo=UTC)


def message_url(message):
    return reverse("contact_message:inspect", args=[message.pk])


def status_url(message):
    return reverse("contact_message:status", args=[message.pk])


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def messages(contact_page):
    names = ["王芳", HOSTILE_NAME, '=HYPERLINK("http://evil","x")']
    return [
        make_message(
            contact_page,
            name=name,
            phone=f"1380013800{n}",
            email="",
            company="",
            message=f"第{n}条留言 <script>alert({n})</script>",
        )
        for n, name in enumerate(names)
    ]


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(user)
    return client


def refused(response) -> bool:
    """Wagtail's answer to a missing permission: back to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def role_user(django_user_model, username, group=None, permissions=()):
    """A user of a role group (after `pressroom init` made the roles), or with bare permissions."""
    ensure_roles()
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        *[Permission.objects.get(codename=codename) for codename in permissions],
    )
    return type(user).objects.get(pk=user.pk)


# --- the list -------------------------------------------------------------------------------


def test_messages_are_listed_newest_first_and_escaped(admin_client, messages):
    html = admin_client.get(reverse(INDEX)).content.decode()
    assert "<img src=x onerror" not in html and "<script>alert(" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    rows = soup(admin_client.get(reverse(INDEX))).select("tbody tr.inbox-row")
    names = [row.get_text(" ", strip=True) for row in rows]
    assert "HYPERLINK" in names[0] and "王芳" in names[-1]


def test_the_columns_are_the_ones_a_sales_team_reads(admin_client, messages):
    page = soup(admin_client.get(reverse(INDEX)))
    headings = [th.get_text(strip=True) for th in page.select(".inbox-table thead th")]
    # No product column: this site's messages have no product field.
    assert headings == ["时间", "姓名", "公司", "电话", "邮箱", "产品", "摘要", "状态"]


def test_each_row_opens_its_message(admin_client, messages):
    for row, message in zip(
        soup(admin_client.get(reverse(INDEX))).select("tbody tr.inbox-row"),
        sorted(messages, key=lambda m: m.pk, reverse=True),
        strict=True,
    ):
        link = row.select_one("td.inbox-name a")
        assert link["href"] == message_url(message)
        assert admin_client.get(link["href"]).status_code == 200


def test_times_are_in_the_sites_time_zone(admin_client, contact_page, settings):
    assert settings.TIME_ZONE == "Asia/Shanghai"
    message = make_message(contact_page, when=BEIJING_MORNING)
    cell = soup(admin_client.get(reverse(INDEX))).select_one("td.inbox-time time")
    assert cell.get_text(strip=True) == "2026-12-02 05:32"
    page = soup(admin_client.get(message_url(message))).select_one(".inbox-message__time time")
    assert page.get_text(strip=True) == "2026-12-02 05:32"
    assert page["datetime"] == "2026-12-02T05:32:00+08:00"


def test_unread_messages_are_bold_until_someone_opens_them(admin_client, contact_page, client):
    first, second = make_message(contact_page), make_message(contact_page, name="赵六")
    rows = soup(admin_client.get(reverse(INDEX))).select(".inbox-table tbody tr")
    assert all("is-unread" in row["class"] for row in rows)
    admin_client.get(message_url(first))
    opened = ContactMessage.objects.get(pk=first.pk).read_at
    assert opened is not None and ContactMessage.objects.get(pk=second.pk).read_at is None
    rows = {
        row.select_one(".inbox-name").get_text(strip=True): row["class"]
        for row in soup(admin_client.get(reverse(INDEX))).select(".inbox-table tbody tr")
    }
    assert "is-unread" not in rows["李明"] and "is-unread" in rows["赵六"]
    # Opened by anyone: a colleague sees it read too, and opening it again keeps the first time.
    admin_client.get(message_url(first))
    assert ContactMessage.objects.get(pk=first.pk).read_at == opened
    assert ContactMessage.objects.unread().get() == second


def test_phone_numbers_are_tap_to_call_and_emails_answer(admin_client, contact_page):
    make_message(contact_page, phone="+86 138-0013 8000", email="buyer@example.net")
    row = soup(admin_client.get(reverse(INDEX))).select_one(".inbox-table tbody tr")
    assert row.select_one(".inbox-phone a")["href"] == "tel:+8613800138000"
    assert row.select_one(".inbox-email a")["href"].startswith(
        "mailto:buyer@example.net?subject=Re"
    )


# --- one message ----------------------------------------------------------------------------


def test_the_message_page_is_chinese_without_raw_values(admin_client, contact_page):
    message = make_message(contact_page, email="", company="")
    page = soup(admin_client.get(message_url(message)))
    article = page.select_one("article.inbox-message")
    text = article.get_text(" ", strip=True)
    for raw in ("None", "False", "True", "Delivery", "Handled", "Inspect"):
        assert raw not in text, raw
    for label in ("电话", "留言内容", "销售备注", "邮件通知", "未处理", "标记为已处理", "来自页面"):
        assert label in text, label
    assert "请问QH系列水泵的交货期是多久？" in text
    assert "邮箱" not in [dt.get_text(strip=True) for dt in article.select("dt")]  # empty: hidden


def test_message_detail_is_escaped(admin_client, messages):
    html = admin_client.get(message_url(messages[1])).content.decode()
    assert "<img src=x" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_reply_link_answers_the_visitor(admin_client, contact_page):
    message = make_message(contact_page, email="li.ming@example.net")
    link = soup(admin_client.get(message_url(message))).select_one("a.inbox-reply")
    assert link.get_text(strip=True) == "回复邮件"
    address = urlsplit(link["href"])
    assert (address.scheme, unquote(address.path)) == ("mailto", "li.ming@example.net")
    assert parse_qs(address.query)["subject"] == ["Re: 请问QH系列水泵的交货期是多久？"]
    call = soup(admin_client.get(message_url(message))).select_one("a.inbox-call")
    assert call["href"] == "tel:13800138000"


@pytest.mark.parametrize("email", ["", "not an address", "a@b.c?bcc=x@y.z", "x@y.z\nBcc: a@b.c"])
def test_no_reply_link_for_what_is_not_one_address(admin_client, contact_page, email):
    message = make_message(contact_page, email=email)
    assert soup(admin_client.get(message_url(message))).select_one("a.inbox-reply") is None


def test_other_answers_of_the_form_are_shown_with_their_labels(admin_client, contact_page):
    ContactFormField.objects.create(
        page=contact_page,
        sort_order=10,
        label="订单号",
        clean_name="order",
        field_type="singleline",
    )
    message = make_message(contact_page, order="A-1")
    fields = soup(admin_client.get(message_url(message))).select_one(".inbox-message__fields")
    assert "订单号 A-1" in fields.get_text(" ", strip=True)


def test_unknown_or_malformed_message_ids_are_404(admin_client, contact_page):
    make_message(contact_page)
    for path in ["inspect", "status", "delete", "edit"]:
        for pk in ["999999", "abc", "-1", "99999999999999999999999", "1.5"]:
            url = f"/admin/contact_message/{path}/{pk}/"
            response = admin_client.post(url) if path == "status" else admin_client.get(url)
            if response.status_code == 302:  # the old edit address sends on to the message
                response = admin_client.get(response["Location"])
            assert response.status_code == 404, (url, response.status_code)


def test_the_old_edit_page_opens_the_message(admin_client, contact_page):
    message = make_message(contact_page)
    response = admin_client.get(reverse("contact_message:edit", args=[message.pk]))
    assert response.status_code == 302 and response["Location"] == message_url(message)


def test_nobody_creates_messages_in_the_admin(admin_client):
    response = admin_client.get(reverse("contact_message:add"))
    assert response.status_code in (302, 403)
    assert not ContactMessage.objects.exists()


# --- handled, spam and notes ------------------------------------------------------------------


def test_handled_and_spam_toggle_from_the_message(admin_client, contact_page):
    message = make_message(contact_page)
    response = admin_client.post(status_url(message), {"handled": "1"})
    assert response.status_code == 302 and response["Location"] == message_url(message)
    assert ContactMessage.objects.get(pk=message.pk).handled
    page = soup(admin_client.get(message_url(message)))
    assert "已标记为已处理" in page.get_text()
    assert page.select_one("button[name=handled]")["value"] == "0"  # now offers to undo
    admin_client.post(status_url(message), {"handled": "0"})
    assert not ContactMessage.objects.get(pk=message.pk).handled
    admin_client.post(status_url(message), {"spam": "1"})
    assert ContactMessage.objects.get(pk=message.pk).is_spam
    assert message.form_data == ContactMessage.objects.get(pk=message.pk).form_data


def test_toggles_on_the_list_come_back_to_the_same_list(admin_client, contact_page):
    message = make_message(contact_page)
    listing = reverse(INDEX) + "?status=unhandled&q=李"
    form = soup(admin_client.get(listing)).select_one("td.inbox-status form")
    assert form["action"] == status_url(message)
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert data["next"] == listing.replace("李", "%E6%9D%8E")
    response = admin_client.post(form["action"], {**data, "handled": "1"})
    assert response["Location"] == data["next"]
    assert ContactMessage.objects.get(pk=message.pk).handled
    assert not soup(admin_client.get(listing)).select(
        ".inbox-table tbody tr"
    )  # no longer unhandled


def test_a_next_address_elsewhere_is_not_followed(admin_client, contact_page):
    message = make_message(contact_page)
    response = admin_client.post(status_url(message), {"spam": "1", "next": "https://evil.test/"})
    assert response["Location"] == message_url(message)


@pytest.mark.parametrize(
    "data",
    [{}, {"handled": "yes"}, {"handled": "1", "spam": "1"}, {"spam": ""}, {"handled": "2"}],
)
def test_a_status_post_that_says_nothing_clear_is_a_400(admin_client, contact_page, data):
    message = make_message(contact_page)
    assert admin_client.post(status_url(message), data).status_code == 400
    assert not ContactMessage.objects.filter(handled=True).exists()


def test_status_changes_take_a_post(admin_client, contact_page):
    message = make_message(contact_page)
    assert admin_client.get(status_url(message) + "?handled=1").status_code == 405
    assert not ContactMessage.objects.get(pk=message.pk).handled


def test_status_changes_need_the_csrf_token(django_user_model, contact_page):
    message = make_message(contact_page)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw"))
    assert browser.post(status_url(message), {"handled": "1"}).status_code == 403
    assert not ContactMessage.objects.get(pk=message.pk).handled
    token = soup(browser.get(message_url(message))).select_one(
        "form.inbox-toggles input[name=csrfmiddlewaretoken]"
    )["value"]
    browser.post(status_url(message), {"handled": "1", "csrfmiddlewaretoken": token})
    assert ContactMessage.objects.get(pk=message.pk).handled


def test_a_note_for_the_sales_team_is_saved(admin_client, contact_page):
    message = make_message(contact_page)
    note = "已电话联系，下周寄样品。<b>加急</b>"
    response = admin_client.post(status_url(message), {"note": note})
    assert response.status_code == 302
    assert ContactMessage.objects.get(pk=message.pk).note == note
    page = admin_client.get(message_url(message)).content.decode()
    assert "备注已保存" in page and "&lt;b&gt;加急&lt;/b&gt;" in page and "<b>加急" not in page
    admin_client.post(status_url(message), {"note": "x" * 5001})
    assert ContactMessage.objects.get(pk=message.pk).note == note  # too long: kept the old one
    assert "5000" in admin_client.get(message_url(message)).content.decode()


# --- who may -----------------------------------------------------------------------------------


def test_editors_read_and_handle_messages(client, django_user_model, contact_page):
    message = make_message(contact_page)
    client.force_login(role_user(django_user_model, "editor", EDITORS))
    assert client.get(reverse(INDEX)).status_code == 200
    assert client.get(message_url(message)).status_code == 200
    client.post(status_url(message), {"handled": "1"})
    client.post(status_url(message), {"note": "回过电话"})
    message.refresh_from_db()
    assert message.handled and message.note == "回过电话"
    client.post(reverse("contact_message:delete", args=[message.pk]))
    assert ContactMessage.objects.filter(pk=message.pk).exists()  # deleting is for Administrators


def test_reading_alone_shows_no_buttons_and_changes_nothing(
    client, django_user_model, contact_page
):
    message = make_message(contact_page)
    reader = role_user(django_user_model, "reader", permissions=["view_contactmessage"])
    client.force_login(reader)
    listing = soup(client.get(reverse(INDEX)))
    assert listing.select(".inbox-table tbody tr") and not listing.select("td.inbox-status form")
    page = soup(client.get(message_url(message)))
    assert not page.select("form.inbox-toggles") and not page.select("form.inbox-note")
    assert refused(client.post(status_url(message), {"handled": "1"}))
    assert refused(client.post(status_url(message), {"note": "x"}))
    message.refresh_from_db()
    assert not message.handled and message.note == ""


def test_without_the_permission_nothing_is_seen_or_changed(client, django_user_model, messages):
    client.force_login(role_user(django_user_model, "outsider"))
    message = messages[0]
    assert refused(client.get(reverse(INDEX)))
    assert refused(client.get(message_url(message)))
    assert refused(client.post(status_url(message), {"handled": "1"}))
    assert ContactMessage.objects.get(pk=message.pk).read_at is None  # not opened by them
    assert not ContactMessage.objects.get(pk=message.pk).handled


# --- one inbox: Wagtail's Forms listing sends its readers here ---------------------------------


def test_the_forms_listing_sends_the_contact_page_to_the_inbox(admin_client, messages):
    page = messages[0].page
    forms = admin_client.get(reverse("wagtailforms:index")).content.decode()
    assert page.title not in forms
    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(INDEX)
    delete = reverse("wagtailforms:delete_submissions", args=[page.pk])
    admin_client.post(delete + f"?selected-submissions={messages[0].pk}")
    assert ContactMessage.objects.filter(pk=messages[0].pk).exists()


def test_the_forms_listing_refuses_those_who_may_not_read_messages(
    client, django_user_model, contact_page
):
    client.force_login(role_user(django_user_model, "outsider"))
    submissions = reverse("wagtailforms:list_submissions", args=[contact_page.pk])
    assert refused(client.get(submissions))


def test_editors_can_edit_and_preview_the_contact_page(admin_client, contact_page):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk]))
    assert edit.status_code == 200
    assert "form_fields-0-clean_name" in edit.content.decode()
    for mode, text in [("form", "留言内容"), ("landing", "感谢您的留言")]:
        response = contact_page.make_preview_request(preview_mode=mode)
        assert response.status_code == 200
        assert text in response.rendered_content
