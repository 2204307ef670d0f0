"""`pressroom demo`, as someone trying Pressroom runs it."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from pressroom.careers.models import JobPostingPage
from pressroom.core.models import CompanyInfo
from pressroom.demo.data import DATA_DIR
from pressroom.demo.loader import read_demo
from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_demo_loads_the_company_and_a_second_run_changes_nothing(client):
    assert f"{len(read_demo()['news'])} articles" in run("demo")
    counts = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "categories": NewsCategory.objects.count(),
    }
    assert NewsArticlePage.objects.published().count() >= 24
    assert StandardPage.objects.live().count() >= 1
    categories = set(NewsArticlePage.objects.values_list("category__slug", flat=True))
    assert categories == {"company", "industry"}
    assert not NewsArticlePage.objects.filter(cover_image=None).exists()
    info = CompanyInfo.for_site(Site.objects.get(is_default_site=True))
    for field in ["name", "hotline", "address", "phone", "fax", "email", "icp_number"]:
        assert getattr(info, field), field
    output = run("demo")
    assert "nothing changed" in output
    assert counts == {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "categories": NewsCategory.objects.count(),
    }
    # The demo site answers on every page; a job posting past its last day says it is gone.
    closed = set(JobPostingPage.objects.closed().values_list("pk", flat=True))
    assert closed, "the demo has a closed job posting"
    for page in Page.objects.live().filter(depth__gte=2):
        expected = 410 if page.pk in closed else 200
        assert client.get(page.url).status_code == expected, page.url
    home_html = client.get("/").content.decode()
    assert read_demo()["company"][0]["hotline"] in home_html


def test_demo_articles_keep_their_written_dates(client):
    run("demo")
    first = min(read_demo()["news"], key=lambda a: a["published"])
    article = NewsArticlePage.objects.get(slug=first["slug"], locale__language_code="zh-hans")
    html = client.get(article.url).content.decode()
    assert f"{first['updated']:%Y-%m-%d %H:%M}" in html


def test_wrong_data_is_named_and_nothing_is_loaded(bare_tree, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    article = data / "news" / "iso-9001-recertification.toml"
    article.write_text(article.read_text().replace("cover_image = ", "cover_image = 1", 1))
    monkeypatch.setattr("pressroom.demo.data.DATA_DIR", data)
    with pytest.raises(CommandError) as error:
        run("demo")
    assert str(error.value) == (
        f"The demo's data is wrong, nothing was loaded: {article}: cover_image: "
        "must be a picture number from 1 to 8, not 13"
    )
    assert not HomePage.objects.exists()
    assert not CompanyInfo.objects.exists()
