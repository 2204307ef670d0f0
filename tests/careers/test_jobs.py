"""Jobs (人才招聘) as a visitor, a crawler and the page cache meet them."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.http import parse_http_date

from pressroom.careers import models as careers
from pressroom.careers.models import JobPostingPage
from pressroom.pagecache import store
from tests.factories import make_job, make_jobs_page

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def html_of(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld(response, kind):
    for script in html_of(response).select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        if data.get("@type") == kind:
            return data
    return None


@pytest.fixture
def jobs(home, company):
    return make_jobs_page(home, intro="<p>欢迎加入。</p>")


def test_the_list_shows_open_postings_and_hides_expired_ones(client, jobs):
    make_job(jobs, title="结构工程师", valid_through=today() + timedelta(days=30), openings=2)
    make_job(jobs, title="销售经理")  # no last day: open until unpublished
    make_job(jobs, title="今天截止", valid_through=today())  # open through today
    make_job(jobs, title="过期岗位", valid_through=today() - timedelta(days=1))

    page = html_of(client.get("/jobs/"))
    titles = {t.get_text(strip=True) for t in page.select(".job-item__title")}
    assert titles == {"结构工程师", "销售经理", "今天截止"}
    facts = page.select_one(".job-item .job-facts").get_text(" ", strip=True)
    assert "浙江 · 杭州" in facts and "技术部" in facts


def test_a_posting_leaves_the_list_the_day_after_its_last_day(client, jobs, monkeypatch):
    last_day = today() + timedelta(days=3)
    make_job(jobs, title="短期岗位", valid_through=last_day)
    assert "短期岗位" in client.get("/jobs/").content.decode()

    store.purge_all()  # (the cache is bounded by Expires, tested below; here: the query)
    monkeypatch.setattr(careers, "today", lambda: last_day + timedelta(days=1))
    body = client.get("/jobs/").content.decode()
    assert "短期岗位" not in body
    assert "No open positions" in body or "暂无" in body or "目前没有" in body


def test_the_cached_list_lasts_no_longer_than_the_next_closing(client, jobs):
    last_day = today() + timedelta(days=2)
    make_job(jobs, valid_through=last_day)
    make_job(jobs, valid_through=today() + timedelta(days=20))
    make_job(jobs)

    response = client.get("/jobs/")
    closes = careers.end_of_day(last_day)
    assert parse_http_date(response["Expires"]) == int(closes.timestamp())
    entry = store.find("localhost", 80, "/jobs/").entry
    assert entry is not None, "the list is cached"
    assert entry["lifetime"] <= closes.timestamp() - entry["stored_at"] + 1
    assert client.get("/jobs/")["X-Page-Cache"] == "hit"


def test_a_list_without_closing_postings_keeps_the_usual_lifetime(client, jobs, settings):
    make_job(jobs)
    response = client.get("/jobs/")
    assert not response.has_header("Expires")
    entry = store.find("localhost", 80, "/jobs/").entry
    assert entry["lifetime"] == settings.PRESSROOM_PAGECACHE_TIMEOUT


def test_a_cached_page_is_not_served_after_its_expires(client, jobs, monkeypatch):
    job = make_job(jobs, valid_through=today())
    response = client.get(job.url)
    assert response.status_code == 200
    assert client.get(job.url)["X-Page-Cache"] == "hit"
    # An hour after the last day ended, the cache has nothing to give: the page says closed.
    later = careers.end_of_day(today()).timestamp() + 3600
    monkeypatch.setattr(store.time, "time", lambda: later)
    monkeypatch.setattr(careers, "today", lambda: today() + timedelta(days=1))
    store.purge_all()  # LocMemCache's own clock is not ours to move; the memo's is
    response = client.get(job.url)
    assert response.status_code == 410


def test_store_bounds_an_entry_by_the_pages_expires():
    from django.http import HttpResponse
    from django.utils.http import http_date

    response = HttpResponse("x")
    now = 1_000_000.0
    response["Expires"] = http_date(now + 90)
    assert store.lifetime(response, now) == 90
    response["Expires"] = http_date(now - 5)
    assert store.lifetime(response, now) == 0
    del response["Expires"]
    assert store.lifetime(response, now) == store.conf("TIMEOUT", 86400)


def test_a_posting_shows_its_facts_and_apply_link(client, jobs):
    job = make_job(
        jobs,
        title="售后工程师",
        openings=3,
        salary_min=8000,
        salary_max=12000,
        valid_through=today() + timedelta(days=10),
        employment_type="FULL_TIME",
    )
    response = client.get(job.url)
    page = html_of(response)
    facts = page.select_one(".job-facts").get_text(" ", strip=True)
    assert "3" in facts and "8,000–12,000" in facts and "全职" in facts
    assert page.select_one(".job__apply a")["href"] == job.url + "apply/"
    assert "负责水泵的结构设计" in page.select_one("#job-duties").find_next("div").get_text()


def test_job_posting_json_ld_has_googles_required_fields(client, jobs, site):
    last_day = today() + timedelta(days=10)
    job = make_job(
        jobs,
        title="电气工程师 <script>",
        summary="设计控制柜。",
        openings=2,
        salary_min=9000,
        salary_max=15000,
        valid_through=last_day,
        employment_type="FULL_TIME",
    )
    data = json_ld(client.get(job.url), "JobPosting")
    assert data["title"] == "电气工程师 <script>"
    assert "设计控制柜" in data["description"] and "机械类本科" in data["description"]
    assert data["datePosted"] == job.date_posted.isoformat()
    assert data["validThrough"] == f"{last_day.isoformat()}T23:59:59+08:00"
    assert data["employmentType"] == "FULL_TIME"
    assert data["hiringOrganization"]["name"] == "明川测试仪器有限公司"
    assert data["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "浙江 · 杭州",
        "addressCountry": "CN",
    }
    assert data["totalJobOpenings"] == 2
    assert data["baseSalary"]["value"]["minValue"] == 9000
    assert data["baseSalary"]["currency"] == "CNY"
    raw = client.get(job.url).content.decode()
    assert "电气工程师 \\u003Cscript\\u003E" in raw  # the title cannot close the script element


def test_a_posting_without_a_last_day_has_no_valid_through(client, jobs):
    job = make_job(jobs)
    data = json_ld(client.get(job.url), "JobPosting")
    assert "validThrough" not in data
    assert "baseSalary" not in data
    assert data["datePosted"]


def test_an_expired_posting_is_gone_with_a_notice_and_no_job_posting_data(client, jobs):
    job = make_job(jobs, title="过期岗位", valid_through=today() - timedelta(days=1))
    response = client.get(job.url)
    assert response.status_code == 410
    body = response.content.decode()
    assert "过期岗位" in body and "不再接受申请" in body
    assert json_ld(response, "JobPosting") is None
    assert client.get(job.url + "apply/").status_code == 410
    assert "X-Page-Cache" not in response or response["X-Page-Cache"] != "hit"


def test_expired_postings_leave_the_sitemap_and_search(client, jobs):
    open_job = make_job(jobs, title="开放岗位", slug="open-one")
    closed = make_job(
        jobs, title="关闭岗位", slug="closed-one", valid_through=today() - timedelta(days=2)
    )
    sitemap = client.get("/sitemap-1.xml").content.decode()
    assert "/jobs/open-one/" in sitemap
    assert "/jobs/closed-one/" not in sitemap
    assert list(JobPostingPage.searchable_in(open_job.locale)) == [open_job]
    assert closed not in JobPostingPage.objects.open()


def english(*pages, titles):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code="en")
    copies = []
    for page in pages:
        copy = page.specific.copy_for_translation(locale)
        copy.title = titles.get(page.title, copy.title)
        copy.save_revision().publish()
        copies.append(copy)
    return copies


def test_english_jobs_pages(client, jobs, home):
    job = make_job(jobs, title="结构工程师", valid_through=today() + timedelta(days=5))
    *_, en_job = english(
        home, jobs, job, titles={"人才招聘": "Careers", "结构工程师": "Structural engineer"}
    )
    page = html_of(client.get("/en/jobs/"))
    assert "Structural engineer" in page.get_text()
    facts = page.select_one(".job-facts").get_text(" ", strip=True)
    assert "Place of work" in facts and "Full-time" in facts
    detail = client.get(en_job.url)
    assert "Apply for this position" in detail.content.decode()
    assert json_ld(detail, "JobPosting")["title"] == "Structural engineer"


def test_the_last_day_cannot_come_before_the_posting(jobs):
    from django.core.exceptions import ValidationError

    job = JobPostingPage(
        title="x", slug="x", place="杭州", date_posted=today(), valid_through=today() - timedelta(1)
    )
    with pytest.raises(ValidationError) as error:
        job.clean()
    assert "valid_through" in error.value.message_dict


def test_the_jobs_page_can_be_made_under_the_home_page(home):
    from pressroom.careers.models import JobIndexPage
    from pressroom.pages.models import HomePage

    assert JobIndexPage.can_create_at(home)
    assert JobPostingPage.parent_page_types == ["careers.JobIndexPage"]
    assert HomePage in JobIndexPage.allowed_parent_page_models()


def test_the_sitemaps_last_no_longer_than_the_next_closing_and_leave_closed_ones_out(
    client, jobs, sitemap_page
):
    last_day = today() + timedelta(days=4)
    make_job(jobs, title="开放岗位", valid_through=last_day)
    make_job(jobs, title="关闭岗位", valid_through=today() - timedelta(days=1))
    closes = int(careers.end_of_day(last_day).timestamp())
    for path in ("/sitemap.xml", "/sitemap-1.xml", sitemap_page.url):
        response = client.get(path)
        assert parse_http_date(response["Expires"]) == closes, path
    html = client.get(sitemap_page.url).content.decode()
    assert "开放岗位" in html and "关闭岗位" not in html
