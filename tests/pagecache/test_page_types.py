"""Every page type answers "which addresses show me" completely, and the page cache, the
export and the CDN purges name no page type.

For each concrete Pressroom page model: every public address is read by a visitor (so it is
cached), a page of that type is changed, created or unpublished, and every address is read
again by a visitor and rendered afresh past the cache. A cached answer that differs from the
fresh one is an address the purge missed.
"""

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import Page, get_page_models

import pressroom
from pressroom.downloads.models import DownloadsPage
from pressroom.pagecache.showing import path_of, public_addresses
from pressroom.pages.models import StandardPage
from pressroom.pages.setup import translate_site_tree
from pressroom.seo.sitemaps import sitemap_paths
from pressroom.showcase.models import Honour, HonourIndexPage
from tests.factories import (
    NewsCategoryFactory,
    make_article,
    make_case,
    make_cases_page,
    make_image,
    make_job,
    make_jobs_page,
    make_product,
    make_product_category,
    make_product_center,
    publish,
)

pytestmark = pytest.mark.django_db

PACKAGE = Path(pressroom.__file__).parent


def pressroom_page_models():
    return sorted(
        (m for m in get_page_models() if m._meta.app_config.name.startswith("pressroom.")),
        key=lambda model: model._meta.label,
    )


@pytest.fixture
def tree(home, company, news_index, sitemap_page, contact_page, settings):
    """A small site with every page type: lists of several pages, categories, tags, a page
    with a child, and an English translation of the skeleton."""
    settings.PRESSROOM_NEWS_PER_PAGE = 2
    settings.PRESSROOM_PRODUCTS_PER_PAGE = 2
    settings.PRESSROOM_CASES_PER_PAGE = 2
    settings.PRESSROOM_JOBS_PER_PAGE = 2
    company_news, industry = NewsCategoryFactory(slug="company"), NewsCategoryFactory(slug="trade")
    for n in range(5):
        article = make_article(
            news_index, slug=f"n{n}", category=company_news if n % 2 else industry
        )
        if n in (1, 2):
            article.tags.add("泵阀")
            article.save_revision().publish()
    about = publish(home, StandardPage(title="关于我们", slug="about", show_in_menus=False))
    publish(about, StandardPage(title="团队", slug="team"))
    products = make_product_center(home)
    pumps = make_product_category(products, "水泵", "pumps")
    metering = make_product_category(pumps, "计量泵", "metering")
    for n in range(3):
        make_product(pumps, slug=f"p{n}")
        make_product(metering, slug=f"m{n}")
    cases = make_cases_page(home)
    for n in range(3):
        make_case(cases, slug=f"c{n}", year=2020 + n)
    honours = HonourIndexPage(title="资质荣誉", slug="honours")
    honours.honours = [Honour(image=make_image(), title="证书")]
    publish(about, honours)
    jobs = make_jobs_page(home)
    for n in range(3):
        make_job(jobs, slug=f"j{n}", valid_through=timezone.localdate() + timedelta(days=n + 1))
    publish(home, DownloadsPage(title="资料下载", slug="downloads"))
    translate_site_tree(home)
    return home


def every_address() -> set[str]:
    crawler = {"/robots.txt"} | sitemap_paths()
    return {address.path for address in public_addresses()} | crawler


def visitor_get(path):
    return Client().get(path)


def comparable(response) -> tuple[int, bytes]:
    body = response.content
    if b"<item>" not in body and b"<entry>" not in body:
        # A feed without entries says it was updated when it was rendered (Django's Feed).
        body = re.sub(rb"<(lastBuildDate|updated)>[^<]*</\1>", b"", body)
    return response.status_code, body


def stale_addresses(paths) -> list[str]:
    """Addresses whose cached answer differs from a fresh render."""
    stale = []
    for path in sorted(paths):
        seen = visitor_get(path)
        if seen.headers.get("X-Page-Cache") != "hit":
            continue  # rendered just now
        with override_settings(PRESSROOM_PAGECACHE_EXCLUDE_PREFIXES=("/",)):
            fresh = Client().get(path)
        if comparable(seen) != comparable(fresh):
            stale.append(path)
    return stale


def warm() -> set[str]:
    addresses = every_address()
    for path in addresses:
        visitor_get(path)
    return addresses


def routed_instance(model):
    """A live page of ``model`` with an address, from the middle of its siblings."""
    pages = [p for p in model.objects.live().order_by("path") if path_of(p)]
    return pages[len(pages) // 2] if pages else None


def creatable_parent(model):
    for parent in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        if path_of(parent) and model.can_create_at(parent):
            return parent
    return None


@pytest.mark.parametrize("model", pressroom_page_models(), ids=lambda m: m._meta.label)
def test_every_address_showing_a_changed_page_is_purged(tree, model):
    existing = routed_instance(model)
    parent = creatable_parent(model)
    assert existing is not None or parent is not None, f"no {model.__name__} to try"
    if existing is not None:
        before = warm()
        existing.title += "（已修改）"
        existing.save_revision().publish()
        stale = stale_addresses(before | every_address())
        assert not stale, f"edited: {stale}"
    if parent is not None:
        before = warm()
        created = model(title=f"新的{model._meta.verbose_name}", slug="brand-new")
        parent.add_child(instance=created)
        created.save_revision().publish()
        stale = stale_addresses(before | every_address())
        assert not stale, f"created: {stale}"
        before = warm()
        created.unpublish()
        stale = stale_addresses(before | every_address())
        assert not stale, f"unpublished: {stale}"


def imported_modules(tree) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("folder", ["pagecache", "export"])
def test_the_page_cache_and_the_export_name_no_page_type(folder):
    page_apps = {m._meta.app_config.name for m in pressroom_page_models()}
    names = {m.__name__ for m in pressroom_page_models()}
    labels = {m._meta.label.lower() for m in pressroom_page_models()}
    for source in (PACKAGE / folder).rglob("*.py"):
        text = source.read_text()
        tree = ast.parse(text)
        for module in imported_modules(tree):
            assert not any(module == app or module.startswith(app + ".") for app in page_apps), (
                f"{source.name} imports {module}"
            )
        words = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        words |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert not words & names, f"{source.name} names {words & names}"
        strings = {
            node.value.lower()
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        assert not any(label in s for s in strings for label in labels), source.name
