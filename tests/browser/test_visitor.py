"""A visitor finds news and the way to contact the company, by clicking as a person would."""

import re
import time

import pytest

from tests.browser import checks
from tests.browser.conftest import screenshot
from tests.report import REPORT

# The demo is loaded once by `demo_site`; each test runs inside a transaction rolled back after it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Spam traps may throw away messages sent faster than a person types; wait this long first.
HUMAN_TYPING_SECONDS = 3


def nav_link(page, path):
    """A main-menu link, the menu opened first where it folds behind its button (phones)."""
    toggle = page.locator(".menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    return page.locator(f".main-nav a[href='{path}']")


def click_and_wait(page, locator):
    with page.expect_navigation(wait_until="load"):
        locator.click()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_visitor_reads_news_and_finds_the_contact_page(new_page, problems, demo_site, viewport):
    page = new_page(viewport)
    page.goto(demo_site("/"), wait_until="load")
    assert page.locator("h1").count() == 1

    # Home -> news center, from the main menu.
    news_path = demo_site.paths["news-list"]
    click_and_wait(page, nav_link(page, news_path))
    assert page.url == demo_site(news_path)
    assert nav_link(page, news_path).get_attribute("aria-current") == "page"
    first_page_titles = page.locator(".card__title a").all_inner_texts()
    assert len(first_page_titles) == 10

    # -> page 2 of the list.
    click_and_wait(page, page.locator(".pagination a[rel=next]"))
    assert page.url == demo_site(f"{news_path}page/2/")
    assert page.locator(".pagination [aria-current=page]").inner_text() == "2"
    second_page_titles = page.locator(".card__title a").all_inner_texts()
    assert second_page_titles and not set(second_page_titles) & set(first_page_titles)

    # -> an article.
    title = second_page_titles[0]
    click_and_wait(page, page.locator(".card__title a").first)
    assert page.locator("h1").inner_text() == title
    assert page.locator(".article__meta time").count() >= 1

    # -> its category.
    category_link = page.locator(".article__footer a[href*='/category/']")
    category = category_link.inner_text()
    click_and_wait(page, category_link)
    assert re.search(r"/category/[\w-]+/$", page.url)
    assert category in page.locator("h1").inner_text()
    assert page.locator(".filters [aria-current=page]").inner_text() == category
    filed_under = page.locator(".card__meta").all_inner_texts()
    assert filed_under and all(category in meta for meta in filed_under)

    # -> the contact page.
    contact_path = demo_site.paths["contact"]
    click_and_wait(page, nav_link(page, contact_path))
    assert page.url == demo_site(contact_path)
    assert page.locator("a[href^='tel:']").count() >= 1
    screenshot(page, f"journey-contact-{viewport}")
    assert problems.console == []


def fill_like_a_visitor(form):
    """Type something sensible into every field a person can see."""
    for field in form.locator("input, textarea, select").all():
        if not field.is_visible() or not field.is_editable():
            continue
        if field.get_attribute("tabindex") == "-1":
            continue  # the honeypot: people never reach it, so they leave it empty
        kind = (field.get_attribute("type") or field.evaluate("el => el.tagName")).lower()
        if kind in {"hidden", "submit", "button", "reset", "file", "image"}:
            continue
        if kind in {"checkbox", "radio"}:
            if field.get_attribute("required") is not None or kind == "checkbox":
                field.check()
        elif kind == "select":
            values = field.locator("option").evaluate_all(
                "options => options.map(o => o.value).filter(Boolean)"
            )
            if values:
                field.select_option(values[0])
        elif kind == "email":
            field.fill("visitor@example.com")
        elif kind == "tel" or "phone" in (field.get_attribute("name") or ""):
            field.fill("13800000000")
        elif kind == "url":
            field.fill("https://example.com/")
        elif kind == "number":
            field.fill("1")
        elif kind == "textarea":
            field.fill("你好，我们想了解贵公司离心泵的交货周期和报价，请与我联系。谢谢！")
        else:
            field.fill("王先生")


def test_visitor_sends_a_message_and_sees_thanks(new_page, problems, demo_site):
    page = new_page("phone")
    page.goto(demo_site(demo_site.paths["contact"]), wait_until="load")
    form = page.locator("main form").first
    if form.count() == 0:
        pytest.skip("the contact page has no form yet")
    opened = time.monotonic()
    fill_like_a_visitor(form)
    time.sleep(max(0.0, HUMAN_TYPING_SECONDS - (time.monotonic() - opened)))
    submit = form.locator("button[type=submit], input[type=submit], button:not([type])").first
    with page.expect_navigation(wait_until="load") as navigation:
        submit.click()
    response = navigation.value
    screenshot(page, "journey-thank-you-phone")
    assert response.status == 200
    assert page.locator(".errorlist, [aria-invalid=true]").count() == 0, "the form refused"
    assert page.locator("main form").count() == 0 or page.url != demo_site(
        demo_site.paths["contact"]
    ), "still looking at the empty form"
    assert problems.console == []


def test_keyboard_reaches_menu_and_shows_focus(new_page, demo_site):
    page = new_page("desktop")
    page.goto(demo_site("/"), wait_until="load")
    focused = [item for item in checks.tab_through(page) if item["tag"] != "body"]
    assert focused, "Tab focuses nothing"

    # The first stop is the skip link, and it shows itself when focused.
    assert focused[0]["href"] == "#main" and focused[0]["onScreen"]
    menu = page.locator(".main-nav a").evaluate_all("links => links.map(a => a.href)")
    reached = {item["href"] for item in focused}
    missing = [href for href in menu if href.replace(demo_site.url, "") not in reached]
    assert missing == [], "menu links Tab never reaches"
    without_focus_style = [item for item in focused if not item["visibleFocus"]]
    assert without_focus_style == [], "focus is invisible on these"
    REPORT.append(f"keyboard: home page has {len(focused)} Tab stops, all with a visible focus")

    for name, selector in [
        ("language switch", checks.LANGUAGE_SWITCH),
        ("search", checks.SEARCH_BOX),
    ]:
        if page.locator(selector).count():
            ids = page.locator(selector).evaluate_all(
                "els => els.map(el => el.getAttribute('href') || el.id || el.name)"
            )
            reached_ids = (
                reached | {item["id"] for item in focused} | {item["name"] for item in focused}
            )
            assert set(ids) & reached_ids, f"Tab never reaches the {name}"

    # Enter on the skip link moves focus into the content.
    page.goto(demo_site("/"), wait_until="load")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'main'", timeout=3000)


def test_keyboard_reaches_the_contact_form(new_page, demo_site):
    page = new_page("desktop")
    page.goto(demo_site(demo_site.paths["contact"]), wait_until="load")
    fields = page.locator("main form :is(input, textarea, select, button)")
    # The honeypot is out of the tab order on purpose (tabindex=-1): people never reach it.
    visible = [
        field
        for field in fields.all()
        if field.is_visible() and field.get_attribute("tabindex") != "-1"
    ]
    if not visible:
        pytest.skip("the contact page has no form yet")
    focused = checks.tab_through(page, limit=120)
    in_form = [item for item in focused if item.get("inForm")]
    assert len(in_form) >= len(visible), "some form fields cannot be reached with Tab"
    assert all(item["visibleFocus"] for item in in_form), "focus is invisible in the form"


HOSTILE_TITLE = "\"><img src=x onerror=alert('title')><script>alert('script')</script>"
HOSTILE_SUMMARY = "' onmouseover='alert(1)' {{7*7}} <svg onload=alert('svg')>"


def test_hostile_article_text_shows_as_text_and_runs_nothing(new_page, problems, demo_site):
    from pressroom.news.models import NewsCategory, NewsIndexPage
    from tests.factories import make_article

    # Created inside this test's transaction, which the live server shares; rolled back after.
    # Filed under the company news, which the demo's home page shows in a column.
    article = make_article(
        NewsIndexPage.objects.get(locale__language_code="zh-hans"),
        title=HOSTILE_TITLE,
        summary=HOSTILE_SUMMARY,
        category=NewsCategory.objects.get(slug="company"),
    )
    page = new_page("desktop")
    for path in [article.url, demo_site.paths["news-list"], "/", demo_site.paths["sitemap"]]:
        page.goto(demo_site(path), wait_until="load")
        assert HOSTILE_TITLE in page.locator("main").inner_text(), path
    page.goto(demo_site(article.url), wait_until="load")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator(".lead").inner_text() == HOSTILE_SUMMARY
    assert HOSTILE_TITLE in page.title()
    assert page.locator("main img[src=x], main svg[onload]").count() == 0
    assert problems.console == []


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_visitor_asks_for_a_quote_from_the_home_page(
    new_page, problems, demo_site, django_db_blocker, viewport
):
    """Home page → a product → 在线询价: the message reaches the inbox naming the product."""
    from pressroom.contact.models import ContactMessage

    page = new_page(viewport)
    page.goto(demo_site("/"), wait_until="load")
    product = page.locator(".home-products .card__title a").nth(1 if viewport == "phone" else 2)
    name = product.inner_text()
    with page.expect_navigation(wait_until="load"):
        product.click()
    assert page.locator("h1").inner_text() == name
    with page.expect_navigation(wait_until="load"):
        page.locator("a.button--quote").click()
    form = page.locator("main form").first
    opened = time.monotonic()
    fill_like_a_visitor(form)
    time.sleep(max(0.0, HUMAN_TYPING_SECONDS - (time.monotonic() - opened)))
    with page.expect_navigation(wait_until="load") as navigation:
        form.locator("button[type=submit]").first.click()
    assert navigation.value.status == 200
    assert page.locator(".errorlist, [aria-invalid=true]").count() == 0, "the form refused"
    with django_db_blocker.unblock():
        message = ContactMessage.objects.order_by("-pk").first()
    assert message.product == name
    assert problems.console == []
