"""Rendering every public address to a file, as an anonymous visitor sees it.

The export directory gets one file per address: ``/news/a/`` -> ``news/a/index.html``; feeds,
which live at directory-like addresses too, go to ``index.xml`` and the pages' links to them
are rewritten to match, so any static host serves the right content type. The crawler files
(``robots.txt``, ``llms.txt``, ``sitemap.xml``, ``sitemap-N.xml``), the static files and the
media (with the image renditions the pages use) are written beside them.

A manifest (``.pressroom-export.json``) remembers what each run wrote and the state of every
page it came from, so ``export_site(root, changed_only=True)`` renders only the addresses
that show a page published, changed, moved, unpublished or deleted since, and removes the
files of addresses that no longer exist. A change every page shows (company info, sites,
categories, images, view restrictions, a main-menu page) makes it a full export.
"""

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http.request import validate_host
from wagtail.models import Page, Revision, Site

from pressroom.export.render import Renderer, Result, rewrite_links, target_for
from pressroom.operations.storage import media_bucket
from pressroom.pagecache import rules, sites
from pressroom.pagecache.showing import (
    address_of,
    changes_whole_site,
    own_paths,
    public_pages,
    site_wide_models,
    types_naming_own_paths,
    urls_showing,
)
from pressroom.security.media import is_public_media_path
from pressroom.seo.sitemaps import (
    PageUrls,
    sections_holding,
    sections_showing,
    site_roots,
    sitemap_paths,
)

__all__ = ["ExportReport", "export_site", "rewrite_links", "target_for"]

MANIFEST = ".pressroom-export.json"
# 3: the first publication as the database writes it; 2: states name url_path and first
# publication; 1: the path on its site.
MANIFEST_VERSION = 3
CRAWLER_FILES = ["/robots.txt", "/llms.txt", "/sitemap.xml"]
NUMBERED = re.compile(r"^(.*/)page/(\d+)/$")
SITEMAP = re.compile(r"^/sitemap(-\d+)?\.xml$")
CHUNK = 500  # pages looked up at once


@dataclass
class ExportReport:
    written: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # path -> status
    removed: list[str] = field(default_factory=list)
    full: bool = True


def site_fingerprint() -> str:
    """Changes to these show on every page (header, footer, menus, filters, pictures)."""
    digest = hashlib.sha256()
    for model in site_wide_models():
        for row in model.objects.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def survey(site) -> tuple[dict[str, list], set[str]]:
    """The state of every public page (what an export of it depends on: its live revision,
    its ``url_path``, its parent's tree path, its first publication, by which lists order
    their pages) and every path of ``site`` they answer.

    Read as rows, not pages: a page's path comes from its ``url_path`` and the site's roots
    (``PageUrls``, as the XML sitemap builds its addresses); only the types naming addresses
    below their own (lists, feeds) are loaded as pages, to ask them (``own_paths``).
    """
    urls = PageUrls(site_roots(site))
    asked = set(ContentType.objects.get_for_models(*types_naming_own_paths()).values())
    asked_ids = {content_type.pk for content_type in asked}
    states: dict[str, list] = {}
    paths: set[str] = set()
    to_ask: list[int] = []
    # The first publication as the database's text: only compared with the last run's, and
    # turning 200,000 of them into datetimes took longer than reading the rows.
    first_published = Cast("first_published_at", CharField())
    rows = public_pages(specific=False).values_list(
        "pk", "live_revision_id", "url_path", "path", first_published, "content_type_id"
    )
    for pk, revision, url_path, tree_path, first, content_type in rows.iterator(5000):
        states[str(pk)] = [revision, url_path, tree_path[: -Page.steplen], first]
        if content_type in asked_ids:
            to_ask.append(pk)
        elif (path := urls.path(url_path)) is not None:
            paths.add(path)
    for start in range(0, len(to_ask), CHUNK):
        for page in public_pages().filter(pk__in=to_ask[start : start + CHUNK]):
            address = address_of(page)
            if address is not None and address.site_id == site.pk:
                paths |= own_paths(page, address.path)
    return states, paths


def past_the_end(paths) -> set[str]:
    """The highest numbered page of each list: a list names the one after its last
    (docs/caching.md, for purges once it shrinks), which answers 404."""
    highest: dict[str, tuple[int, str]] = {}
    for path in paths:
        match = NUMBERED.match(path)
        if match and int(match.group(2)) > highest.get(match.group(1), (0, ""))[0]:
            highest[match.group(1)] = (int(match.group(2)), path)
    return {path for _number, path in highest.values()}


def changed_keys(previous: dict, states: dict[str, list]) -> list[str]:
    """The ids (as the manifest writes them) of pages added, changed or gone since."""
    old_states = previous.get("pages", {})
    return [
        key for key in old_states.keys() | states.keys() if old_states.get(key) != states.get(key)
    ]


def earlier_version(old: list | None, new: list):
    """The page as it was at the last export, when only its content changed since (same
    address, parent and date): page types narrow what shows an edit by it."""
    if not old or old[1:] != new[1:] or not old[0]:
        return None
    revision = Revision.objects.filter(pk=old[0]).first()
    return revision.as_object() if revision is not None else None


def changed_paths(
    previous: dict, states: dict[str, list], changed: list[str], site_id: int
) -> set[str] | None:
    """The paths of ``site_id`` showing a page that changed since ``previous`` was written
    (``changed``: their keys); None when the change shows on every page (export everything)."""
    if previous.get("site") != site_fingerprint():
        return None
    old_states, addresses = previous.get("pages", {}), set()
    live = [int(key) for key in changed if key in states]
    for start in range(0, len(live), CHUNK):
        for page in Page.objects.filter(pk__in=live[start : start + CHUNK]).specific():
            if changes_whole_site(page):
                return None
            key = str(page.pk)
            since = earlier_version(old_states.get(key), states[key])
            addresses |= urls_showing(page, since)
    for key in changed:  # moved, unpublished or deleted: its old parent's lists too
        if key in old_states and old_states[key][1:] != states.get(key, [None])[1:]:
            old_parent = Page.objects.filter(path=old_states[key][2]).specific().first()
            if old_parent is not None and old_parent.depth > 1:
                addresses |= urls_showing(old_parent)
    return {address.path for address in addresses if address.site_id == site_id}


def changed_sitemaps(site, previous: dict, states: dict[str, list], changed: list[str]) -> set[str]:
    """The XML sitemaps a re-export renders: the section of each page edited in place (same
    address), and for a page added or moved, those from the one listing it or one of its
    translations (their alternate links name it) to the end; all of them when a page is gone."""
    old_states = previous.get("pages", {})
    if any(key not in states for key in changed):
        return sections_showing(site, [0])
    edited = [int(k) for k in changed if k in old_states and old_states[k][1] == states[k][1]]
    moved = [int(key) for key in changed if int(key) not in edited]
    pks = set(moved)
    for start in range(0, len(moved), CHUNK):
        keys = Page.objects.filter(pk__in=moved[start : start + CHUNK]).values("translation_key")
        pks |= set(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    return sections_showing(site, pks) | sections_holding(site, edited)


def export_host(site) -> str:
    """A host name that Django accepts (``ALLOWED_HOSTS``) and Wagtail routes to ``site``:
    its own, else (for the default site) an allowed one that no other site claims."""
    allowed = rules.allowed_hosts()
    rows = sites.rows_from_database()
    for host in [site.hostname, *(host.lstrip(".") for host in allowed if host != "*")]:
        if validate_host(host, allowed) and sites.site_for_host(rows, host, site.port) == site.pk:
            return host
    raise ValueError(f"No allowed host name leads to {site}: add {site.hostname} to ALLOWED_HOSTS.")


def sync_tree(source: Path, target: Path, public=None) -> None:
    """Copy files that are new or differ in size or time (static and media on re-exports).

    With ``public`` (a test of a path relative to the folder), only the files it passes are
    copied, and those it refuses are removed from ``target``.
    """
    if public:
        prune_tree(target, public)
    if not source.is_dir():
        return
    for item in source.rglob("*"):
        if not item.is_file() or (public and not public(item.relative_to(source).as_posix())):
            continue
        copy = target / item.relative_to(source)
        stat = item.stat()
        if copy.exists():
            theirs = copy.stat()
            if (theirs.st_size, theirs.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(item, copy)


def prune_tree(target: Path, public) -> None:
    """Remove the files under ``target`` that ``public`` refuses, and folders left empty."""
    if not target.is_dir():
        return
    for item in sorted(target.rglob("*"), reverse=True):  # a folder's files before it
        if item.is_file() and not public(item.relative_to(target).as_posix()):
            item.unlink()
        elif item.is_dir() and not any(item.iterdir()):
            item.rmdir()


def read_manifest(root: Path) -> dict:
    """What the last export into ``root`` wrote; empty when there is none to trust."""
    try:
        previous = json.loads((root / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    return previous if previous.get("version") == MANIFEST_VERSION else {}


def feed_names(files: dict[str, str]) -> dict[str, str]:
    """Addresses written as ``index.xml`` (feeds): every page links to them by that name."""
    return {
        path: path + "index.xml"
        for path, name in files.items()
        if path.endswith("/") and name.endswith("index.xml")
    }


def export_site(
    root: Path, paths=None, changed_only: bool = False, site=None, workers: int = 1
) -> ExportReport:
    """Write the public pages of ``site`` (the default site) under ``root``, with static and
    media files.

    ``paths`` limits the pages rendered (tests, one-off refreshes); ``changed_only`` renders
    only what changed since the last export into ``root`` (a full export when it has none);
    ``workers`` > 1 renders in that many forked processes.
    """
    root = Path(root)
    site = site or Site.objects.get(is_default_site=True)
    renderer = Renderer(root, export_host(site), site.port)
    report = ExportReport()
    previous = read_manifest(root) if changed_only else {}

    states, everything = survey(site)
    changed = changed_keys(previous, states) if previous else []
    beyond = past_the_end(everything)
    everything -= beyond
    if paths is not None:
        wanted = set(paths)
    elif previous:
        wanted = changed_paths(previous, states, changed, site.pk)
        report.full = wanted is None
        if wanted is None:
            wanted = everything
        else:  # addresses new since the last run (a new list page) are rendered too
            wanted = (wanted - beyond) | (everything - set(previous.get("files", {})))
    else:
        wanted = everything

    files: dict[str, str] = dict(previous.get("files", {}))
    # Addresses that existed at the last export and are gone now: their files go too.
    if previous:
        for path in sorted(set(files) - everything - set(CRAWLER_FILES)):
            if path.startswith("/sitemap-"):
                continue
            target = root / files.pop(path)
            if target.is_file() and target.resolve().is_relative_to(root.resolve()):
                target.unlink()
                report.removed.append(path)

    if previous and not report.full and paths is None:
        wanted = {path for path in wanted if not SITEMAP.match(path)}
        crawler = sorted(set(CRAWLER_FILES) | changed_sitemaps(site, previous, states, changed))
    else:
        crawler = sorted(set(CRAWLER_FILES) | sitemap_paths(site.root_page))
    html_written: list[str] = []

    def record(result: Result) -> None:
        if result.status != 200:
            if result.path not in crawler:  # (one sitemap past the end 404s by design)
                report.skipped[result.path] = result.status
            if result.path in files:
                (root / files.pop(result.path)).unlink(missing_ok=True)
                report.removed.append(result.path)
            return
        files[result.path] = result.name
        report.written.append(result.path)
        if result.is_html:
            html_written.append(result.name)

    # Feeds first, so the pages are written with their links pointing at the feeds' files.
    known = feed_names(files)
    feeds = {path for path in wanted if "/feed/" in path or path in known}
    for result in renderer.render_all(sorted(feeds)):
        record(result)
    renderer.rename_feeds(feed_names(files))
    for result in renderer.render_all([*sorted(wanted - feeds), *crawler], workers):
        record(result)
    renamed = feed_names(files)
    if renamed != renderer.renamed:  # a feed at another kind of address: its links too
        for name in html_written:
            (root / name).write_bytes(rewrite_links((root / name).read_bytes(), renamed))
        renderer.rename_feeds(renamed)

    if report.full or not (root / "404.html").exists():
        not_found = renderer.get("/404-page-for-static-export/")
        (root / "404.html").write_bytes(renderer.rewrite(not_found.content))
    sync_tree(Path(settings.STATIC_ROOT), root / "static")
    if not media_bucket():  # media in a bucket: the pages link to the bucket's URLs
        # What /media/ serves and nothing else: documents go through /documents/<id>/, which
        # checks their collection's privacy, and a static host checks nothing.
        sync_tree(Path(settings.MEDIA_ROOT), root / "media", public=is_public_media_path)
    (root / MANIFEST).write_text(
        json.dumps(
            {
                "version": MANIFEST_VERSION,
                "site": site_fingerprint(),
                "pages": states,
                "files": files,
            },
            ensure_ascii=False,
            sort_keys=True,
        )
    )
    return report
