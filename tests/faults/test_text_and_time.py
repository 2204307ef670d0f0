"""B8, F1, F2, F3, G13: hostile text and times typed into the admin and the public forms."""

import datetime
import time
from datetime import timedelta
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from pressroom.contact.forms import sign_now
from pressroom.news.models import NewsArticlePage
from tests.faults.admin_forms import article_form

pytestmark = [pytest.mark.faults, pytest.mark.django_db]


def add(client, news_index, **fields):
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    return client.post(url, article_form(**{"summary": "摘要", "text": "<p>正文</p>", **fields}))


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True) for e in soup.select(".error-message, .help-critical")
    )


# --- B8: NUL bytes -----------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "summary", "slug"])
def test_a_nul_byte_in_the_admin_form_is_a_form_error_not_a_500(editor_client, news_index, field):
    values = {"title": "正常标题", "slug": "normal", field: "坏\x00内容"}
    response = add(editor_client, news_index, **values)
    assert response.status_code == 200
    assert errors(response)
    assert not NewsArticlePage.objects.filter(title__startswith="正常标题").exists()
    assert not NewsArticlePage.objects.filter(title__contains="\x00").exists()


@pytest.mark.parametrize("query", ["%00", "a%00b", "%ED%A0%80", "%F0%9F"])
def test_nul_and_broken_utf8_in_search_never_500(client, home, query):
    response = client.get(f"/search/?q={query}")
    assert response.status_code in (200, 400)


# --- F1: zero-width characters and bidi overrides -----------------------------------------


@pytest.mark.parametrize("slug", ["ne\u200bws", "news\u200d", "\ufeffnews", "ne\u2060ws"])
def test_zero_width_characters_never_reach_a_slug(editor_client, news_index, slug):
    # Typed (or pasted) by the editor: refused with a message beside the field, not stored.
    response = add(editor_client, news_index, title="零宽字符", slug=slug)
    assert response.status_code == 200
    assert "Unicode" in response.content.decode()  # "enter a valid slug of Unicode letters…"
    assert not NewsArticlePage.objects.filter(title="零宽字符").exists()
    # Without the invisible character the same address is accepted.
    clean = "".join(c for c in slug if c.isalnum())
    assert add(editor_client, news_index, title="零宽字符", slug=clean).status_code == 302


def test_a_right_to_left_override_in_a_title_is_isolated_wherever_it_is_shown(
    editor_client, news_index, client, company
):
    title = "Report\u202efdp.exe 通知"
    assert add(editor_client, news_index, title=title, slug="rtl-title").status_code == 302
    editor_client.logout()
    article = NewsArticlePage.objects.get(slug="rtl-title")
    for url in [article.url, "/news/", "/", "/sitemap/"]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        shown = [node for node in soup.find_all(string=lambda s: s and "\u202e" in s)]
        shown = [n for n in shown if n.parent.name not in ("title", "script")]
        assert shown, url
        for node in shown:
            isolating = node.find_parent(lambda tag: tag.name == "bdi" or tag.get("dir") == "auto")
            assert isolating is not None, (url, str(node.parent)[:200])


# --- F2: emoji and astral characters round trip --------------------------------------------


def test_emoji_and_astral_titles_round_trip_in_page_feed_and_sitemap(
    editor_client, news_index, client, company
):
    title = "🚀新闻 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍💻"
    assert add(editor_client, news_index, title=title, slug="新闻-𝔘𝔫𝔦𝔠𝔬𝔡𝔢").status_code == 302
    editor_client.logout()
    article = NewsArticlePage.objects.get(title=title)  # byte-exact in the database
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert page.h1.get_text() == title
    feed = client.get("/news/feed/rss/")
    assert feed.status_code == 200
    assert title in feed.content.decode("utf-8")
    sitemap = client.get("/sitemap.xml").content.decode()
    sections = [s for s in BeautifulSoup(sitemap, "xml").find_all("loc")]
    found = "".join(
        client.get(s.get_text().split("testserver", 1)[-1]).content.decode() for s in sections
    )
    assert quote(article.slug) in found or article.slug in found


# --- F3: a megabyte of combining marks -------------------------------------------------------

COMBINING = "a" + "\u0301\u0316\u0300\u0317" * 250_000  # 1 MB of mixed-class combining marks


def ms(function):
    started = time.perf_counter()
    result = function()
    return result, (time.perf_counter() - started) * 1000


def test_a_megabyte_of_combining_marks_in_the_login_form_is_refused_quickly(client, rf, home):
    from pressroom.core.forms import LoginForm

    LoginForm(rf.post("/"), data={"username": "a", "password": "b"}).is_valid()  # warm up
    for field in ["username", "password"]:
        data = {"username": "chief", "password": "x", field: COMBINING}
        form = LoginForm(rf.post("/admin/login/"), data=data)
        valid, took = ms(form.is_valid)
        print({f"login {field} ms": round(took, 1)})
        assert not valid
        assert took < 100
    # The form the admin actually uses.
    assert isinstance(client.get("/admin/login/").context["form"], LoginForm)
    response, took = ms(
        lambda: client.post("/admin/login/", {"username": COMBINING, "password": COMBINING})
    )
    print({"login request ms": round(took, 1)})
    # 2 MB of UTF-8 per field: over DATA_UPLOAD_MAX_MEMORY_SIZE, refused before any parsing.
    assert response.status_code == 400


@pytest.mark.parametrize("field", ["name", "company", "message", "email", "phone"])
def test_a_megabyte_of_combining_marks_in_a_contact_field_is_refused_quickly(
    client, contact_page, company, field
):
    data = {
        "name": "李明",
        "phone": "138 0013 8000",
        "email": "li.ming@example.net",
        "company": "杭州示例",
        "message": "你好",
        "pr_hp": "",
        "pr_ts": sign_now(),
        field: COMBINING,
    }
    # Warm up: the first form compiles its validators' regular expressions (about 100 ms once).
    contact_page.get_form({**data, field: "x"}, page=contact_page, user=None).is_valid()
    form = contact_page.get_form(data, page=contact_page, user=None)
    valid, took = ms(form.is_valid)
    print({f"contact {field} ms": round(took, 1)})
    assert not valid and field in form.errors
    assert took < 100
    response, took = ms(lambda: client.post(contact_page.url, data))
    print({f"contact request ms ({field})": round(took, 1)})
    assert response.status_code == 200
    assert "li.ming" not in str(response.content) or field != "email"


# --- G13: time zones -----------------------------------------------------------------------


def test_a_time_that_does_not_exist_in_the_editors_time_zone_is_refused(editor_client, news_index):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor_client.user)
    profile.current_time_zone = "America/New_York"  # springs forward 2027-03-14 02:00 → 03:00
    profile.save()
    response = add(
        editor_client, news_index, title="夏令时", slug="dst", go_live_at="2027-03-14 02:30"
    )
    assert response.status_code == 200
    assert "America/New_York" in response.content.decode()  # named in the field's error
    assert "go_live_at" in response.context["form"].errors
    assert not NewsArticlePage.objects.filter(slug="dst").exists()
    # A time that exists is accepted and stored as that instant.
    response = add(
        editor_client, news_index, title="夏令时", slug="dst", go_live_at="2027-03-14 03:30"
    )
    assert response.status_code == 302
    stored = NewsArticlePage.objects.get(slug="dst").go_live_at
    assert stored == timezone.datetime(2027, 3, 14, 7, 30, tzinfo=datetime.UTC)


def test_the_site_time_zone_has_no_daylight_saving_gap(settings):
    import zoneinfo

    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    offsets = {
        (timezone.datetime(2027, 1, 1, tzinfo=zone) + timedelta(days=d)).utcoffset()
        for d in range(366)
    }
    assert settings.TIME_ZONE == "Asia/Shanghai" and len(offsets) == 1


def test_the_schedule_field_shows_the_editors_time_zone(editor_client, news_index):
    response = editor_client.get(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    html = response.content.decode()
    # Beside "go live" and "expiry": the zone the typed times are read in.
    assert html.count("Time zone: Asia/Shanghai") + html.count("时区：Asia/Shanghai") >= 2
