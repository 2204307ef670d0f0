"""The section menu beside inner pages: 关于我们 → 公司简介, 企业文化, 资质荣誉 …"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from pressroom.pagecache.showing import Address, urls_showing
from pressroom.pages.models import StandardPage
from pressroom.showcase.models import HonourIndexPage
from tests.factories import make_article, publish

pytestmark = pytest.mark.django_db


def menu(client, path):
    response = client.get(path + "?preview=no-cache")
    assert response.status_code == 200
    nav = BeautifulSoup(response.content, "html.parser").select_one(".sidebar .section-nav")
    return nav


def entries(nav):
    return [a.get_text(strip=True) for a in nav.select(":scope > ul > li > a")]


@pytest.fixture
def about(home):
    about = publish(home, StandardPage(title="关于我们", slug="about"))
    profile = publish(about, StandardPage(title="公司简介", slug="profile"))
    publish(profile, StandardPage(title="组织架构", slug="structure"))
    publish(about, StandardPage(title="企业文化", slug="culture"))
    publish(about, HonourIndexPage(title="资质荣誉", slug="honours"))
    draft = publish(about, StandardPage(title="草稿页面", slug="draft"))
    draft.unpublish()
    return about


def test_each_page_of_a_section_lists_the_section_and_marks_where_the_visitor_is(
    client, company, about
):
    for path in ["/about/", "/about/culture/", "/about/honours/"]:
        nav = menu(client, path)
        assert nav.select_one("h2").get_text(strip=True) == "关于我们"
        assert entries(nav) == ["公司简介", "企业文化", "资质荣誉"]
    current = menu(client, "/about/culture/").select('[aria-current="page"]')
    assert [a.get_text(strip=True) for a in current] == ["企业文化"]
    # The contact block stays under the menu.
    html = BeautifulSoup(client.get("/about/culture/").content, "html.parser")
    parts = [child["class"][0] for child in html.select_one(".sidebar").find_all(recursive=False)]
    assert parts == ["section-nav", "contact-block"]


def test_the_entry_the_visitor_is_in_opens_its_own_pages(client, company, about):
    assert menu(client, "/about/culture/").select("li ul") == []
    nav = menu(client, "/about/profile/structure/")
    assert [a.get_text(strip=True) for a in nav.select("li ul a")] == ["组织架构"]
    assert nav.select_one("li ul a")["aria-current"] == "page"


def test_a_page_without_a_section_shows_only_the_contact_block(client, company, home):
    publish(home, StandardPage(title="使用条款", slug="terms"))
    html = BeautifulSoup(client.get("/terms/").content, "html.parser")
    assert html.select_one(".section-nav") is None
    assert html.select_one(".sidebar .contact-block") is not None


def test_private_pages_stay_out_of_the_menu(client, company, about):
    culture = about.get_children().get(slug="culture")
    PageViewRestriction.objects.create(
        page=culture, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert entries(menu(client, "/about/profile/")) == ["公司简介", "资质荣誉"]


def test_a_change_in_the_section_purges_every_page_that_draws_its_menu(
    home, site, about, news_index
):
    culture = about.get_children().get(slug="culture")
    shown_on = {
        Address(site.pk, path) for path in ["/about/", "/about/profile/", "/about/honours/"]
    }
    assert shown_on <= urls_showing(culture)
    assert shown_on <= urls_showing(about)
    assert Address(site.pk, "/about/profile/structure/") in urls_showing(culture)
    # A news article is in another section: no page of 关于我们 is purged for it.
    article = make_article(news_index)
    assert not {a for a in urls_showing(article) if a.path.startswith("/about/")}
