"""The floating service bar in a browser: beside the page on a desktop, gone on a phone (the
bottom bar is there instead), its QR code shown by the keyboard as by the mouse, axe-clean."""

import pytest

from tests.browser import checks
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.report import REPORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HOMES = {"zh": "/", "en": "/en/"}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_on_a_desktop_the_bar_floats_and_the_keyboard_opens_the_qr(
    new_page, problems, demo_site, axe_source, language
):
    page = new_page("desktop")
    page.goto(demo_site(HOMES[language]), wait_until="load")
    bar = page.locator("nav.service-bar")
    assert bar.is_visible()
    assert not page.locator("nav.phone-bar").is_visible()
    box = bar.bounding_box()
    assert box["x"] + box["width"] <= 1366 and box["x"] > 1366 - 120  # at the right edge
    qr = bar.locator(".service-bar__pop--qr img")
    assert qr.bounding_box() is None or qr.bounding_box()["width"] <= 1  # hidden until asked

    # Tab from the start of the page reaches the bar's links; focus on WeChat shows the code.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href') === '#wechat-qr'"):
            break
    else:
        pytest.fail("the keyboard never reached the WeChat entry")
    focus = checks.describe_focus(page)
    assert focus["visibleFocus"], focus
    shown = qr.bounding_box()
    assert shown and shown["width"] >= 100 and shown["x"] + shown["width"] <= box["x"]
    screenshot(page, f"service-bar-qr-focus-desktop-{language}")
    page.screenshot(
        path=SCREENSHOTS / f"service-bar-qr-focus-desktop-{language}-close.png",
        clip={"x": 1366 - 360, "y": 0, "width": 360, "height": 768},
    )

    # The mouse too: hovering the phone entry shows the number.
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 10, "y": 300})
    call = bar.locator("a[href^='tel:']")
    call.hover()
    number = call.locator(".service-bar__pop")
    assert number.bounding_box()["width"] > 50
    assert number.inner_text().strip()

    violations = checks.run_axe(page, axe_source)
    failing = [v for v in violations if v["impact"] in checks.AXE_FAILING_IMPACTS]
    REPORT.append(f"axe service bar desktop {language}: serious/critical={len(failing)}")
    assert [(v["id"], v["help"], v["nodes"]) for v in failing] == []

    # On a narrower screen (a small laptop, a tablet on its side) the bar covers no content.
    for width in (800, 1024, 1280):
        page.set_viewport_size({"width": width, "height": 768})
        bar_left = bar.bounding_box()["x"]
        right = page.evaluate(
            "Math.max(...[...document.querySelectorAll('.layout > *')]"
            ".map(el => el.getBoundingClientRect().right))"
        )
        assert right <= bar_left, (width, right, bar_left)
    assert problems.console == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_on_a_phone_the_bottom_bar_stays_and_the_floating_bar_hides(
    new_page, problems, demo_site, axe_source, language
):
    page = new_page("phone")
    page.goto(demo_site(HOMES[language]), wait_until="load")
    assert not page.locator("nav.service-bar").is_visible()
    assert page.locator("nav.phone-bar").is_visible()
    screenshot(page, f"service-bar-phone-{language}")
    violations = checks.run_axe(page, axe_source)
    assert [v["id"] for v in violations if v["impact"] in checks.AXE_FAILING_IMPACTS] == []
    assert problems.console == []


def test_back_to_top_works_without_javascript(new_page, demo_site):
    # Reduced motion: the jump is instant (smooth scrolling took seconds on a loaded machine).
    page = new_page("desktop", java_script_enabled=False, reduced_motion="reduce")
    page.goto(demo_site("/"), wait_until="load")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 500
    page.locator("nav.service-bar a[href='#top']").click()
    page.wait_for_function("window.scrollY < 5", timeout=10_000)


def test_the_bar_is_not_printed(new_page, demo_site):
    page = new_page("desktop")
    page.goto(demo_site("/"), wait_until="load")
    page.emulate_media(media="print")
    assert not page.locator("nav.service-bar").is_visible()


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_privacy_page_reads_well(new_page, problems, demo_site, axe_source, language, viewport):
    page = new_page(viewport)
    path = "/privacy/" if language == "zh" else "/en/privacy/"
    page.goto(demo_site(path), wait_until="load")
    headings = page.locator(".privacy-item h3").all_inner_texts()
    expected = ["留言表单", "浏览量统计"] if language == "zh" else ["Message form", "View counts"]
    assert headings == expected
    screenshot(page, f"privacy-{viewport}-{language}")
    violations = checks.run_axe(page, axe_source)
    assert [v["id"] for v in violations if v["impact"] in checks.AXE_FAILING_IMPACTS] == []
    assert problems.console == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_on_a_short_laptop_window_all_six_entries_stay_clear_of_the_header(
    new_page, demo_site, django_db_blocker, language
):
    """With every entry on (call, WeChat, QQ, WeCom, message, back to top), a laptop's browser
    window (about 650 px of page) shows the whole bar below the header's search and menu."""
    from pressroom.core.models import CompanyInfo

    with django_db_blocker.unblock():
        infos = list(CompanyInfo.objects.all())
        kept = [(info.qq, info.wecom_url) for info in infos]
        for info in infos:  # saving purges the page cache, as in the admin
            info.qq, info.wecom_url = "20261207", "https://work.weixin.qq.com/kfid/kfc-test"
            info.save()
    try:
        page = new_page("desktop")
        for width, height in ((1024, 600), (1366, 650), (1280, 720), (1440, 900)):
            page.set_viewport_size({"width": width, "height": height})
            page.goto(demo_site(HOMES[language]), wait_until="load")
            bar = page.locator("nav.service-bar")
            assert bar.locator("a").count() == 6
            header = page.locator("header.site-header").bounding_box()
            box = bar.bounding_box()
            assert box["y"] >= header["y"] + header["height"], (width, height, box, header)
            assert box["y"] + box["height"] <= height, (width, height, box)
    finally:
        with django_db_blocker.unblock():
            for info, (qq, wecom_url) in zip(infos, kept, strict=True):
                info.qq, info.wecom_url = qq, wecom_url
                info.save()
