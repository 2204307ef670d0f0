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
