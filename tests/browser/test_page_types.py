"""Every page type on a phone (375 px) and a desktop (1366 px): layout, console, axe-core."""

import pytest

from tests.browser import checks
from tests.browser.conftest import REPORT, screenshot

# The demo is loaded once by `demo_site`; each test runs inside a transaction rolled back after it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGE_TYPES = ["home", "news-list", "article", "standard", "contact", "sitemap", "not-found"]
VIEWPORTS = ["phone", "desktop"]


def visit(new_page, problems, demo_site, page_type, viewport):
    page = new_page(viewport)
    url = demo_site(demo_site.paths[page_type])
    if page_type == "not-found":
        problems.expected_statuses.add(url)
    response = page.goto(url, wait_until="load")
    assert response.status == (404 if page_type == "not-found" else 200), url
    return page


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_fits_and_reads_well(new_page, problems, demo_site, page_type, viewport):
    page = visit(new_page, problems, demo_site, page_type, viewport)
    screenshot(page, f"{page_type}-{viewport}")

    assert problems.console == [], "console errors"
    sizes = checks.horizontal_overflow(page)
    assert sizes["scrollWidth"] <= sizes["innerWidth"], f"sideways scrolling: {sizes}"
    assert checks.small_tap_targets(page) == [], "navigation targets under 24x24 px"
    assert checks.body_font_size(page) >= 16
    assert "width=device-width" in checks.viewport_meta(page)
    assert "user-scalable=no" not in checks.viewport_meta(page).replace(" ", "")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_serious_accessibility_problem(
    new_page, problems, demo_site, axe_source, page_type, viewport
):
    page = visit(new_page, problems, demo_site, page_type, viewport)
    violations = checks.run_axe(page, axe_source)
    failing = [v for v in violations if v["impact"] in checks.AXE_FAILING_IMPACTS]
    others = sorted({f"{v['id']} ({v['impact']})" for v in violations} - set(failing))
    REPORT.append(
        f"axe {page_type:<10} {viewport:<7} serious/critical={len(failing)} "
        f"other={', '.join(others) or 'none'}"
    )
    assert failing == []
    assert problems.console == []
