"""Finding a message in the 留言 inbox: status and date filters, search, and odd input."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.contact.test_admin import BEIJING_MORNING
from tests.factories import make_message


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.com", "pw"))
    return client


def listed(client, query="") -> list[str]:
    """The names in the inbox's rows for this query string."""
    response = client.get(reverse("contact_message:index") + query)
    assert response.status_code == 200, query
    rows = BeautifulSoup(response.content, "html.parser").select(".inbox-table tbody tr")
    return sorted(row.select_one(".inbox-name").get_text(strip=True) for row in rows)


@pytest.fixture
def inbox(contact_page):
    """Four messages: new, handled, opened, spam; one came at 05:32 Beijing time on 2 December."""
    return {
        "new": make_message(contact_page, name="王芳", company="杭州示例贸易有限公司",
                            phone="0571-8888 8888", email="wang.fang@example.net",
                            message="想了解不锈钢离心泵的报价", when=BEIJING_MORNING),
        "handled": make_message(contact_page, name="张伟", company="宁波港机械", handled=True,
                                phone="138 0013 8000", message="样品已收到，谢谢。",
                                when=datetime(2026, 11, 20, 2, 0, tzinfo=UTC)),
        "opened": make_message(contact_page, name="Li Ming", company="Acme Pumps Ltd", phone="",
                               email="li@acme.example", read_at=datetime(2026, 11, 25, tzinfo=UTC),
                               message="Please send the catalogue.", note="已寄目录",
                               when=datetime(2026, 11, 25, 1, 0, tzinfo=UTC)),
        "spam": make_message(contact_page, name="SEO Expert", is_spam=True,
                             message="Buy backlinks cheap", when=datetime(2026, 12, 1, tzinfo=UTC)),
    }  # fmt: skip


def test_spam_stays_out_of_the_inbox_unless_asked_for(admin_client, inbox):
    assert listed(admin_client) == ["Li Ming", "张伟", "王芳"]
    assert listed(admin_client, "?status=spam") == ["SEO Expert"]


@pytest.mark.parametrize(
    ("status", "names"),
    [("unhandled", ["Li Ming", "王芳"]), ("handled", ["张伟"]), ("unread", ["张伟", "王芳"])],
)
def test_status_filters(admin_client, inbox, status, names):
    assert listed(admin_client, f"?status={status}") == names


def test_the_filters_are_offered_in_chinese(admin_client, inbox):
    page = admin_client.get(reverse("contact_message:index")).content.decode()
    for label in ("未处理", "已处理", "未读", "垃圾留言", "收到时间", "邮件通知"):
        assert label in page, label


def test_the_date_filter_counts_days_in_the_sites_time_zone(admin_client, inbox):
    # The message came at 21:32 UTC on 1 December: 2 December in Beijing.
    day = "?received_from=2026-12-02&received_to=2026-12-02"
    assert listed(admin_client, day) == ["王芳"]
    assert listed(admin_client, day.replace("12-02", "12-01")) == []
    assert listed(admin_client, "?received_from=2026-11-21") == ["Li Ming", "王芳"]
    assert listed(admin_client, "?received_to=2026-11-20") == ["张伟"]


def test_mail_state_filter_still_answers_the_held_summary_link(admin_client, contact_page):
    make_message(contact_page, name="被暂缓", delivery="held")
    make_message(contact_page, name="已发送", delivery="sent")
    assert listed(admin_client, "?delivery=held") == ["被暂缓"]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("王", ["王芳"]),  # a single Chinese character of a name
        ("示例贸易", ["王芳"]),  # company
        ("离心泵", ["王芳"]),  # message text
        ("wang.fang@", ["王芳"]),  # email
        ("ACME", ["Li Ming"]),  # any case
        ("目录", ["Li Ming"]),  # the sales team's note
        ("13800138000", ["张伟"]),  # a phone number typed without the spaces it was stored with
        ("0571 88888888", ["王芳"]),  # or with other ones
        ("8888", ["王芳"]),
        ("泵阀", []),
    ],
)
def test_search_finds_names_companies_phones_emails_and_text(admin_client, inbox, query, names):
    assert listed(admin_client, f"?q={query}") == names


def test_search_and_filters_combine(admin_client, inbox):
    assert listed(admin_client, "?q=泵&status=unhandled") == ["王芳"]
    assert listed(admin_client, "?q=Buy") == []  # spam is not searched unless asked for
    assert listed(admin_client, "?q=Buy&status=spam") == ["SEO Expert"]


@pytest.mark.parametrize(
    "query",
    [
        "?status=bogus",
        "?status=spam&status=handled",
        "?status[]=1",
        "?received_from=2026-13-45",
        "?received_from=0001-01-01",
        "?received_to=9999-12-31",
        "?received_from=0001-01-01&received_to=0001-01-02",
        "?received_from=%00",
        "?delivery=nonsense",
        "?p=abc",
        "?p=-1",
        "?p=100000000000000000000",
        "?ordering=password",
        "?ordering=-form_data",
        "?q=%00",
        "?q=" + "泵" * 100_000,
        "?q=%22%27%29%3B--",
        "?q=%25_%5C",
        "?form_data__name__regex=(a%2B)%2B%24",
        "?export=pdf",
    ],
)
def test_odd_input_never_breaks_the_inbox(admin_client, inbox, query):
    response = admin_client.get(reverse("contact_message:index") + query)
    assert response.status_code == 200, query
    results = admin_client.get(reverse("contact_message:index_results") + query)
    assert results.status_code == 200, query


def test_a_huge_search_is_cut_not_refused(admin_client, inbox):
    assert listed(admin_client, "?q=" + "王" + "芳" * 5000) == []
    assert listed(admin_client, "?q=" + "  王  ") == ["王芳"]


def test_unknown_parameters_filter_nothing(admin_client, inbox):
    assert listed(admin_client, "?handled=true&is_spam=true&form_data__name=张伟") == listed(
        admin_client
    )
