"""Editors read, mark and export messages in the admin; others do not see them."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook

from pressroom.contact.models import ContactMessage
from pressroom.security.roles import EDITORS

HOSTILE_NAME = "<img src=x onerror=alert(1)>"


@pytest.fixture
def messages(contact_page):
    rows = []
    for n, name in enumerate(["王芳", HOSTILE_NAME, '=HYPERLINK("http://evil","x")']):
        rows.append(
            ContactMessage.objects.create(
                page=contact_page,
                form_data={
                    "name": name,
                    "phone": f"1380013800{n}",
                    "email": "",
                    "company": "",
                    "message": f"第{n}条留言 <script>alert({n})</script>",
                },
            )
        )
    return rows


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "e@example.com", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_messages_are_listed_newest_first_and_escaped(admin_client, messages):
    response = admin_client.get(reverse("contact_message:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<img src=x onerror" not in html and "<script>alert(" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    rows = BeautifulSoup(html, "html.parser").select("tbody tr")
    names = [row.get_text(" ", strip=True) for row in rows]
    assert "HYPERLINK" in names[0] and "王芳" in names[-1]
    assert "waiting to be sent" in html or "等待发送" in html


def test_message_detail_is_escaped(admin_client, messages):
    response = admin_client.get(reverse("contact_message:inspect", args=[messages[1].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<img src=x" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_editor_marks_a_message_handled(admin_client, messages):
    url = reverse("contact_message:edit", args=[messages[0].pk])
    response = admin_client.post(url, {"handled": "on"})
    assert response.status_code == 302
    messages[0].refresh_from_db()
    assert messages[0].handled
    assert messages[0].form_data["name"] == "王芳"  # the visitor's words are untouched
    listing = admin_client.get(reverse("contact_message:index") + "?handled=false")
    rows = BeautifulSoup(listing.content, "html.parser").select("tbody tr")
    assert len(rows) == 2
    assert "王芳" not in " ".join(row.get_text() for row in rows)


def test_nobody_creates_messages_in_the_admin(admin_client):
    response = admin_client.get(reverse("contact_message:add"))
    assert response.status_code in (302, 403)
    assert not ContactMessage.objects.exists()


def test_export_as_xlsx_and_csv(admin_client, messages):
    index = reverse("contact_message:index")
    response = admin_client.get(index + "?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 4
    assert values[1][1] == '=HYPERLINK("http://evil","x")'
    assert sheet.cell(row=2, column=2).data_type == "s"  # text, not a formula
    csv = b"".join(admin_client.get(index + "?export=csv").streaming_content).decode()
    assert "王芳" in csv and "第0条留言" in csv


def test_messages_need_the_permission(client, editor, messages, contact_page):
    client.force_login(editor)
    assert client.get(reverse("contact_message:index")).status_code in (302, 403)
    forms = client.get(reverse("wagtailforms:index")).content.decode()
    assert contact_page.title not in forms
    submissions = reverse("wagtailforms:list_submissions", args=[contact_page.pk])
    assert client.get(submissions).status_code in (302, 403)

    editor.user_permissions.add(
        Permission.objects.get(codename="view_contactmessage"),
        Permission.objects.get(codename="change_contactmessage"),
    )
    editor = type(editor).objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(reverse("contact_message:index")).status_code == 200
    assert client.get(submissions).status_code == 200


def test_editors_can_edit_and_preview_the_contact_page(admin_client, contact_page):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk]))
    assert edit.status_code == 200
    assert "form_fields-0-clean_name" in edit.content.decode()
    for mode, text in [("form", "留言内容"), ("landing", "感谢您的留言")]:
        response = contact_page.make_preview_request(preview_mode=mode)
        assert response.status_code == 200
        assert text in response.rendered_content


def test_wagtail_submission_listing_escapes_and_shows_delivery(admin_client, messages):
    page = messages[0].page
    response = admin_client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "等待发送" in html
