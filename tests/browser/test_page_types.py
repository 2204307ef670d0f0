"""Every page type on a phone (375 px) and a desktop (1366 px): layout, console, axe-core."""

import pytest

from tests.browser import checks
from tests.browser.conftest import screenshot
from tests.report import REPORT

# The demo is loaded once by `demo_site`; each test runs inside a transaction rolled back after it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGE_TYPES = [
    "home",
    "news-list",
    "article",
    "standard",
    "contact",
    "sitemap",
    "not-found",
    "sign-in",
    "products",
    "product-category",
    "product",
    "cases",
    "case",
    "honours",
    "privacy",
    "jobs",
    "job",
    "apply",
    "downloads",
]
# The same in English: checked once the English pages exist, skipped until then.
PAGE_TYPES += [f"{name}-en" for name in PAGE_TYPES]
VIEWPORTS = ["phone", "desktop"]


def visit(new_page, problems, demo_site, page_type, viewport):
    if page_type not in demo_site.paths:
        pytest.skip(f"the demo has no {page_type} page yet")
    page = new_page(viewport)
    url = demo_site(demo_site.paths[page_type])
    if page_type.startswith("not-found"):
        problems.expected_statuses.add(url)
    response = page.goto(url, wait_until="load")
    assert response.status == (404 if page_type.startswith("not-found") else 200), url
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
    images = checks.image_facts(page)
    assert [i["src"] for i in images if not (i["width"] and i["height"])] == [], "page will jump"
    eager = [i["src"] for i in images if not i["aboveFold"] and i["loading"] != "lazy"]
    assert eager == [], "pictures below the fold load before anyone scrolls to them"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_serious_accessibility_problem(
    new_page, problems, demo_site, axe_source, page_type, viewport
):
    page = visit(new_page, problems, demo_site, page_type, viewport)
    violations = checks.run_axe(page, axe_source)
    failing = [v for v in violations if v["impact"] in checks.AXE_FAILING_IMPACTS]
    others = sorted({f"{v['id']} ({v['impact']})" for v in violations if v not in failing})
    REPORT.append(
        f"axe {page_type:<10} {viewport:<7} serious/critical={len(failing)} "
        f"other={', '.join(others) or 'none'}"
    )
    assert [(v["id"], v["help"], v["nodes"]) for v in failing] == []
    assert problems.console == []


ARTICLE_BUDGET = 100_000  # bytes over the wire for what the first screen needs, cover aside


def transferred(response) -> int:
    sizes = response.request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_article_is_light_for_a_browser(new_page, problems, demo_site, viewport):
    page = new_page(viewport)
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(demo_site(demo_site.paths["article-with-pictures"]), wait_until="load")
    images = checks.image_facts(page)
    assert len(images) > 1, "the demo article should have pictures below its cover"

    by_url = {response.url: response for response in responses}
    cover = {image["src"] for image in images if image["cover"]}
    above_fold = {image["src"] for image in images if image["aboveFold"]} - cover
    kinds = {"document": 0, "stylesheet": 0, "font": 0, "script": 0, "image": 0, "other": 0}
    first_screen = cover_bytes = 0
    for url, response in by_url.items():
        size = transferred(response)
        kind = response.request.resource_type
        kinds[kind if kind in kinds else "other"] += size
        if url in cover:
            cover_bytes += size
        elif kind in {"document", "stylesheet", "font", "script"} or url in above_fold:
            first_screen += size
    REPORT.append(
        f"article {viewport:<7} first screen {first_screen / 1000:.1f} kB without cover "
        f"(budget {ARTICLE_BUDGET / 1000:.0f} kB); cover {cover_bytes / 1000:.1f} kB; all "
        + ", ".join(f"{kind} {size / 1000:.1f} kB" for kind, size in kinds.items() if size)
        + f"; {len(by_url)} requests, {len(images)} pictures on the page"
    )

    assert first_screen < ARTICLE_BUDGET
    assert checks.render_blocking_scripts(page) == []
    assert [image["src"] for image in images if not (image["width"] and image["height"])] == []
    below_fold_eager = [
        image["src"] for image in images if not image["aboveFold"] and image["loading"] != "lazy"
    ]
    assert below_fold_eager == [], "images below the fold load before anyone scrolls to them"
    assert problems.console == []
