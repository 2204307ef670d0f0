"""A real browser for the tests under tests/browser/: Debian's Chromium driven by Playwright.

One Chromium per test session; a fresh browser context (cookies, viewport) per test. Read-only
modules share one live server with the demo company loaded once per module (`demo_site`);
tests that change content use pytest-django's `live_server` with `transactional_db` instead.
"""

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is deliberate (test code, not a server).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HOW_TO_GET_CHROMIUM = (
    "no Chromium found: install it with `apt-get install chromium fonts-wqy-microhei` "
    "(or point PRESSROOM_CHROMIUM at a Chromium binary); .ci/run does this for you"
)
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1366, "height": 768}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def chromium_path() -> str | None:
    """PRESSROOM_CHROMIUM when set (and only that), else Debian's Chromium."""
    if os.environ.get("PRESSROOM_CHROMIUM"):
        candidates = [os.environ["PRESSROOM_CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium"]
        candidates += [shutil.which(name) for name in ("chromium", "chromium-browser")]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    executable = chromium_path()
    if executable is None:
        pytest.skip(HOW_TO_GET_CHROMIUM)
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is missing: pip install -e '.[test]'"
    )
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@dataclass
class Problems:
    """What went wrong in the browser while a test ran: console errors, script errors, dialogs."""

    console: list[str] = field(default_factory=list)
    expected_statuses: set[str] = field(default_factory=set)

    def watch(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console.append(f"script error: {error}"))
        page.on("dialog", self._on_dialog)
        return page

    def _on_dialog(self, dialog):
        # No page of ours opens alert/confirm/prompt: one that does runs injected script.
        self.console.append(f"unexpected {dialog.type} dialog: {dialog.message}")
        dialog.dismiss()

    def _on_console(self, message):
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        # A 404 page is supposed to answer 404; Chromium logs that as a failed load.
        if url in self.expected_statuses and "404" in message.text:
            return
        self.console.append(f"{message.text} ({url})")


@pytest.fixture
def problems():
    return Problems()


@pytest.fixture
def new_page(browser, problems):
    """Open a tab in a fresh context: ``new_page("phone")`` or ``new_page("desktop")``."""
    contexts = []

    def open_page(viewport="desktop", **options):
        phone = viewport == "phone"
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            is_mobile=phone,
            has_touch=phone,
            locale="zh-CN",
            # axe-core is injected as a script tag; a strict CSP must not stop the audit.
            bypass_csp=True,
            **options,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return problems.watch(context.new_page())

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        pytest.skip("axe-core is missing: run `npm install` at the repository root")
    return AXE_JS.read_text()


@dataclass
class DemoSite:
    """The live demo: its address and the path of one page of each type."""

    url: str
    paths: dict[str, str] = field(default_factory=dict)

    def __call__(self, path: str) -> str:
        return self.url + path


def page_type_paths() -> dict[str, str]:
    """One address per page type of the demo site; English ones (``*-en``) once they exist."""
    from wagtail.models import Locale

    from pressroom.careers.models import JobIndexPage, JobPostingPage
    from pressroom.contact.models import ContactPage
    from pressroom.downloads.models import DownloadsPage
    from pressroom.news.models import NewsArticlePage, NewsIndexPage
    from pressroom.pages.models import HomePage, PrivacyPage, SitemapPage, StandardPage
    from pressroom.products.models import ProductCategoryPage, ProductIndexPage, ProductPage
    from pressroom.showcase.models import CaseIndexPage, CasePage, HonourIndexPage

    def pictures(article):
        return sum(block.block_type == "image" for block in article.body)

    articles = list(NewsArticlePage.objects.published().filter(locale=Locale.get_default()))
    # The article with the most pictures in its body: the heaviest one to load.
    paths = {"article-with-pictures": max(articles, key=pictures).url}
    models = {
        "home": HomePage,
        "news-list": NewsIndexPage,
        "article": NewsArticlePage,
        "standard": StandardPage,
        "contact": ContactPage,
        "sitemap": SitemapPage,
        "products": ProductIndexPage,
        "product-category": ProductCategoryPage,
        "product": ProductPage,
        "cases": CaseIndexPage,
        "case": CasePage,
        "honours": HonourIndexPage,
        "privacy": PrivacyPage,
        "jobs": JobIndexPage,
        "job": JobPostingPage,
        "downloads": DownloadsPage,
    }
    for locale in Locale.objects.all():
        suffix = "" if locale == Locale.get_default() else f"-{locale.language_code}"
        for name, model in models.items():
            pages = model.objects.live().public().filter(locale=locale)
            pages = pages.published() if model is NewsArticlePage else pages.order_by("path")
            if model is JobPostingPage:
                pages = pages.open()
            page = pages.first()
            if page is not None:
                paths[name + suffix] = page.url
                if model is JobPostingPage:  # its apply form
                    paths["apply" + suffix] = page.url + "apply/"
    paths["not-found"] = "/no-such-page/"
    paths["not-found-en"] = "/en/no-such-page/"
    # Where a private page sends a visitor to sign in.
    paths["sign-in"] = "/_util/login/?next=/"
    paths["sign-in-en"] = "/en/_util/login/?next=/en/"
    return paths


def ensure_root_page():
    """After a flush (transactional tests) Wagtail's root page and root collection are gone
    (its migrations made them); put them back."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    from pressroom.core.setup import ensure_locales

    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    if Page.objects.filter(depth=1).exists():
        return
    ensure_locales()
    Page.add_root(
        instance=Page(
            title="Root",
            slug="root",
            content_type=ContentType.objects.get_for_model(Page),
            locale=Locale.get_default(),
        )
    )


LATE_REQUEST_GRACE_SECONDS = 1.0


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """A live server showing the demo company, loaded once for the module's read-only tests.

    The database is put back as it was when the module ends.
    """
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    from pressroom.demo.loader import load_demo

    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        ensure_root_page()
        load_demo()
        server = LiveServer("localhost")
        try:
            yield DemoSite(server.url, page_type_paths())
        finally:
            # Requests a closing page still sends (the admin's editing-session release beacon,
            # pictures) finish before the server stops; one finishing after it would close the
            # shared database connection from its own thread and fail the module's last test.
            time.sleep(LATE_REQUEST_GRACE_SECONDS)
            server.stop()
            # As Django's serialized rollback does: no post_migrate rows, the snapshot has them.
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(before)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


# The password the browser tests give the editors they create.
PASSWORD = "editor-password-42"


def log_in(page, live_server, user):
    """Signs ``user`` in to the admin through its login form."""
    page.goto(live_server + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.click("button[type=submit]")
    assert page.url == live_server + "/admin/"
