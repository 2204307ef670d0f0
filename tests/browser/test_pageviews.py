"""浏览量 in a real browser: a reader's visit counts once, reloads do not, a robot never does;
the strict Content-Security-Policy lets the beacon through."""

import pytest

from tests.browser.conftest import VIEWPORTS, ensure_root_page

pytestmark = pytest.mark.browser

READER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/131.0 Safari/537.36"
)


@pytest.fixture
def article(transactional_db):
    from pressroom.pages.setup import create_site_tree
    from pressroom.pageviews.counting import buffer
    from pressroom.pageviews.models import ViewCountSettings
    from tests.factories import make_article

    ensure_root_page()
    home = create_site_tree()
    settings = ViewCountSettings.for_site(home.get_site())
    settings.show_counts = True
    settings.save()
    buffer.pending.clear()
    from pressroom.news.models import NewsIndexPage

    return make_article(NewsIndexPage.objects.get(), title="浏览量测试新闻")


def visit(context, url) -> tuple[int, str]:
    """Open ``url`` in a new tab; the beacon's status and the count the page then shows."""
    page = context.new_page()
    with page.expect_response(lambda r: "/views/" in r.url) as beacon:
        page.goto(url, wait_until="load")
    page.wait_for_function("document.querySelector('.views__count').textContent !== ''")
    shown = page.locator(".article__meta .views").inner_text()
    page.close()
    return beacon.value.status, shown


def test_a_reader_counts_once_and_a_robot_never(browser, live_server, article):
    from pressroom.pageviews.counting import buffer
    from pressroom.pageviews.models import PageViews

    url = live_server.url + article.url
    robot = browser.new_context(viewport=VIEWPORTS["desktop"])  # HeadlessChrome says so
    reader = browser.new_context(viewport=VIEWPORTS["phone"], user_agent=READER)
    try:
        assert visit(robot, url) == (200, "浏览：0")
        assert visit(reader, url) == (200, "浏览：1")
        assert visit(reader, url) == (200, "浏览：1")  # a reload within the half hour
        assert visit(robot, url) == (200, "浏览：1")
    finally:
        robot.close()
        reader.close()
    buffer.flush()
    assert PageViews.total_for(article.pk) == 1
