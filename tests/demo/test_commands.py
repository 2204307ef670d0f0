"""`pressroom demo`, as someone trying Pressroom runs it."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from pressroom.core.models import CompanyInfo
from pressroom.demo import content
from pressroom.news.models import NewsArticlePage, NewsCategory
from pressroom.pages.models import StandardPage

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_demo_loads_the_company_and_a_second_run_changes_nothing(client):
    assert f"{len(content.ARTICLES)} articles" in run("demo")
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
    # The demo site answers on every page.
    for page in Page.objects.live().filter(depth__gte=2):
        assert client.get(page.url).status_code == 200, page.url
    home_html = client.get("/").content.decode()
    assert content.COMPANY["hotline"] in home_html


def test_demo_articles_keep_their_written_dates(client):
    run("demo")
    first = min(content.ARTICLES, key=lambda a: a["published"])
    article = NewsArticlePage.objects.get(slug=first["slug"], locale__language_code="zh-hans")
    html = client.get(article.url).content.decode()
    assert first["updated"][:16] in html
