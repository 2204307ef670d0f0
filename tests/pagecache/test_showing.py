"""urls_showing: the one answer to "which addresses show this page"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pressroom.pagecache.showing import changes_whole_site, urls_showing
from pressroom.pages.models import StandardPage
from tests.factories import NewsCategoryFactory, make_article, publish

pytestmark = pytest.mark.django_db


def paths_showing(page) -> set[str]:
    """The paths of the addresses showing ``page`` (one site here)."""
    return {address.path for address in urls_showing(page)}


@pytest.fixture
def filed(news_index, sitemap_page):
    """25 articles, newest first; odd ones in "industry", the rest in "company"."""
    now = timezone.now()
    company = NewsCategoryFactory(slug="company")
    industry = NewsCategoryFactory(slug="industry")
    return [
        make_article(
            news_index,
            slug=f"a{n:02d}",
            when=now - timedelta(days=n),
            category=industry if n % 2 else company,
        )
        for n in range(25)
    ]


def test_an_article_is_shown_by_its_lists_neighbours_home_and_sitemap(filed):
    article = filed[12]
    article.tags.add("新品")
    article.save_revision().publish()
    article.refresh_from_db()
    urls = paths_showing(article)
    assert "/news/a12/" in urls
    # Every page of the news list (publishing shifts them all) and the one after the last.
    assert {"/news/", "/news/page/2/", "/news/page/3/", "/news/page/4/"} <= urls
    # Its category's pages only (12 is "company": 13 articles, 2 pages + 1).
    assert {"/news/category/company/", "/news/category/company/page/2/"} <= urls
    assert "/news/category/company/page/3/" in urls
    assert not any(url.startswith("/news/category/industry/") for url in urls)
    assert "/news/tag/新品/" in urls
    # The neighbours whose previous/next links show its title, but no other article.
    assert {"/news/a11/", "/news/a13/"} <= urls
    assert "/news/a10/" not in urls and "/news/a14/" not in urls
    assert {"/", "/sitemap/"} <= urls
    assert "/contact/" not in urls and "/en/" not in urls
    assert not changes_whole_site(article)


def test_a_news_index_is_shown_by_all_its_lists_and_its_articles(filed, news_index):
    urls = paths_showing(news_index)
    assert {"/news/", "/news/page/3/", "/news/category/industry/page/2/"} <= urls
    assert {f"/news/a{n:02d}/" for n in range(25)} <= urls  # their breadcrumbs
    assert changes_whole_site(news_index)  # it is in the main menu


def test_a_standard_page_is_shown_by_its_parent_and_children(home):
    about = publish(home, StandardPage(title="关于", slug="about", show_in_menus=False))
    team = publish(about, StandardPage(title="团队", slug="team"))
    assert paths_showing(team) >= {"/about/team/", "/about/"}
    assert "/about/team/" in paths_showing(about)
    assert "/news/" not in paths_showing(team)
    assert not changes_whole_site(team)
    about.show_in_menus = True
    assert changes_whole_site(about)


def test_the_home_page_is_not_shown_by_every_page(home, filed):
    urls = paths_showing(home)
    assert "/" in urls and "/news/a00/" not in urls
    assert not changes_whole_site(home)
