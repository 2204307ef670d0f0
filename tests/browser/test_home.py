"""The demo's home page in a browser: the banner carousel, with and without JavaScript."""

import pytest

from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SLIDE_IN_VIEW = """(n) => {
    const track = document.querySelector('[data-carousel-track]');
    const slide = track.children[n];
    return Math.abs(slide.offsetLeft - track.offsetLeft - track.scrollLeft) < 4;
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_banners_keep_their_place_and_move_by_their_dots(
    new_page, problems, demo_site, viewport
):
    page = new_page(viewport)
    page.goto(demo_site("/"), wait_until="domcontentloaded")
    before = page.locator(".banners").bounding_box()
    page.wait_for_load_state("load")
    after = page.locator(".banners").bounding_box()
    # The pictures keep their space while they load: nothing below them jumps.
    assert before["height"] == pytest.approx(after["height"], abs=1)
    assert page.evaluate(SLIDE_IN_VIEW, 0)
    assert page.locator(".banner").first.locator(".banner__title").is_visible()

    scrolled = page.evaluate("window.scrollY")
    page.locator("[data-carousel-dot]").nth(1).click()
    page.wait_for_function(SLIDE_IN_VIEW, arg=1, timeout=3000)
    assert page.evaluate("window.scrollY") == scrolled  # the row moved, not the page
    assert page.locator("[data-carousel-dot]").nth(1).get_attribute("aria-current") == "true"
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"home-banners-{viewport}")
    assert not problems.console


def test_the_pause_button_stops_the_slides(new_page, demo_site):
    page = new_page("desktop")
    page.goto(demo_site("/"), wait_until="load")
    pause = page.locator("[data-carousel-pause]")
    assert pause.is_visible()
    pause.click()
    assert pause.get_attribute("aria-pressed") == "true"
    page.mouse.move(0, 0)  # not hovering: only the button holds the slides
    page.locator("body").focus()
    page.wait_for_timeout(7600)  # longer than one turn of the slides
    assert page.evaluate(SLIDE_IN_VIEW, 0)
    pause.click()
    assert pause.get_attribute("aria-pressed") == "false"


def test_without_javascript_the_first_slide_shows_and_the_rest_scroll(new_page, demo_site):
    page = new_page("phone", java_script_enabled=False)
    page.goto(demo_site("/"), wait_until="load")
    first = page.locator(".banner").first
    assert first.locator(".banner__title").is_visible()
    assert page.evaluate(SLIDE_IN_VIEW, 0)
    # Nothing that needs the script is offered: the pause button stays hidden.
    assert not page.locator("[data-carousel-pause]").is_visible()
    assert page.locator(".banner").count() == 3


@pytest.mark.parametrize("home", ["/", "/en/"])
def test_on_a_phone_the_header_is_compact_and_the_menu_opens_by_keyboard(new_page, demo_site, home):
    page = new_page("phone")
    page.goto(demo_site(home), wait_until="load")
    header = page.locator(".site-header").bounding_box()["height"]
    hint = page.locator(".language-hint")  # "阅读本页的中文版" for a browser that prefers Chinese
    if hint.is_visible():
        header -= hint.bounding_box()["height"]
    assert header <= 120, header
    name = page.locator(".brand").bounding_box()
    toggle_box = page.locator(".menu-toggle").bounding_box()
    assert name["x"] + name["width"] <= toggle_box["x"]  # one row, the long English name too
    nav = page.locator(".main-nav")
    assert not nav.is_visible()
    toggle = page.locator(".menu-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.is_visible() and page.locator(".site-search input").is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not nav.is_visible()


@pytest.mark.parametrize("home", ["/", "/en/"])
def test_on_a_desktop_the_menu_is_one_row_under_the_name_and_search(new_page, demo_site, home):
    page = new_page("desktop")
    page.goto(demo_site(home), wait_until="load")
    links = [a.bounding_box() for a in page.locator(".main-nav a").all()]
    assert len(links) == 10
    assert len({round(box["y"]) for box in links}) == 1  # ten English entries too
    brand = page.locator(".brand").bounding_box()
    search = page.locator(".site-search").bounding_box()
    assert search["y"] < brand["y"] + brand["height"]  # the search sits beside the name
    assert search["x"] > brand["x"] + brand["width"]
    assert links[0]["y"] >= brand["y"] + brand["height"]  # the menu has the row below


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_phone_bar_is_for_phones_and_never_covers_the_footer(new_page, demo_site, viewport):
    page = new_page(viewport)
    page.goto(demo_site("/"), wait_until="load")
    bar = page.locator(".phone-bar")
    if viewport == "desktop":
        assert not bar.is_visible()
        assert page.locator(".menu-toggle").is_hidden()
        return
    assert bar.is_visible()
    assert [a.inner_text() for a in bar.locator("a").all()] == ["电话", "微信", "留言"]
    page.evaluate(
        "window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})"
    )
    page.wait_for_timeout(200)
    bar_top = bar.bounding_box()["y"]
    icp = page.locator(".site-footer__inner p").last.bounding_box()
    assert icp["y"] + icp["height"] <= bar_top  # the last footer line sits above the bar
    page.locator('.phone-bar a[href="#wechat-qr"]').click()
    page.wait_for_timeout(300)
    qr = page.locator("#wechat-qr img").bounding_box()
    assert 0 <= qr["y"] < bar_top  # the QR code is in view, not under the bar


def test_the_footer_stays_at_the_bottom_of_a_short_page(new_page, demo_site):
    page = new_page("desktop")
    page.goto(demo_site("/no-such-page/"), wait_until="load")
    footer = page.locator(".site-footer").bounding_box()
    viewport = page.viewport_size["height"]
    document = page.evaluate("document.documentElement.scrollHeight")
    assert footer["y"] + footer["height"] >= min(document, viewport) - 1


def test_on_a_phone_a_news_card_is_one_compact_row(new_page, demo_site):
    """A phone's news list: the picture beside the title, date and two lines of summary (it
    was a full-width picture above each article: ten articles made a 5,400 px page)."""
    page = new_page("phone")
    page.goto(demo_site("/news/"), wait_until="load")
    cards = page.locator(".cards .card")
    assert cards.count() >= 5
    for n in range(5):
        card = cards.nth(n)
        picture = card.locator(".card__image img").bounding_box()
        title = card.locator(".card__title").bounding_box()
        assert picture["x"] + picture["width"] <= title["x"]  # side by side
        assert card.bounding_box()["height"] <= 190, card.inner_text()
        summary = card.locator(".card__summary")
        line = float(summary.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        assert summary.bounding_box()["height"] <= 2 * line + 1


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_html_sitemap_shows_each_section_as_a_box(new_page, demo_site, viewport):
    page = new_page(viewport)
    page.goto(demo_site("/sitemap/"), wait_until="load")
    sections = page.locator(".sitemap > ul > li > ul > li")
    assert sections.count() >= 5
    first, second = sections.nth(0).bounding_box(), sections.nth(1).bounding_box()
    if viewport == "desktop":
        assert first["y"] == second["y"] and first["x"] < second["x"]  # side by side
    else:
        assert second["y"] >= first["y"] + first["height"]  # one under the other
    assert sections.nth(0).evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert sections.nth(0).locator(":scope > a").inner_text() == "关于我们"
