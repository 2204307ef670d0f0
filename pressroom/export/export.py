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
from django.http.request import validate_host
from django.test import Client
from wagtail.models import Page, Site

from pressroom.operations.storage import media_bucket
from pressroom.pagecache import rules, sites
from pressroom.pagecache.showing import (
    changes_whole_site,
    path_of,
    public_addresses,
    public_pages,
    site_wide_models,
    urls_showing,
)
from pressroom.security.media import is_public_media_path
from pressroom.seo.sitemaps import sitemap_paths

MANIFEST = ".pressroom-export.json"
MANIFEST_VERSION = 1
CRAWLER_FILES = ["/robots.txt", "/llms.txt", "/sitemap.xml"]


@dataclass
class ExportReport:
    written: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # path -> status
    removed: list[str] = field(default_factory=list)
    full: bool = True


def target_for(root: Path, path: str, html: bool = True) -> Path:
    """``/news/a/`` -> ``root/news/a/index.html`` (``index.xml`` for a feed); ``/robots.txt``
    -> ``root/robots.txt``. Refuses anything outside ``root``."""
    name = path.lstrip("/")
    if path.endswith("/"):
        name += "index.html" if html else "index.xml"
    target = (root / name).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ValueError(f"{path!r} leaves the export directory")
    return target


def site_fingerprint() -> str:
    """Changes to these show on every page (header, footer, menus, filters, pictures)."""
    digest = hashlib.sha256()
    for model in site_wide_models():
        for row in model.objects.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def page_states(pages) -> dict[str, list]:
    """What an export of each page depends on: its live revision, its address, its parent."""
    return {
        str(page.pk): [page.live_revision_id, path_of(page), page.path[: -page.steplen]]
        for page in pages
    }


def changed_paths(previous: dict, pages, site_id: int) -> set[str] | None:
    """The paths of ``site_id`` showing a page that changed since ``previous`` was written;
    None when the change shows on every page (export everything)."""
    if previous.get("site") != site_fingerprint():
        return None
    old_states, addresses = previous.get("pages", {}), set()
    current = {str(page.pk): page for page in pages}
    new_states = page_states(current.values())
    for key in old_states.keys() | new_states.keys():
        if old_states.get(key) == new_states.get(key):
            continue
        page = current.get(key)
        if page is not None:
            if changes_whole_site(page):
                return None
            addresses |= urls_showing(page)
        if key in old_states:  # moved, unpublished or deleted: its old parent's lists too
            old_parent = Page.objects.filter(path=old_states[key][2]).specific().first()
            if old_parent is not None and old_parent.depth > 1:
                addresses |= urls_showing(old_parent)
    return {address.path for address in addresses if address.site_id == site_id}


def export_host(site) -> str:
    """A host name that Django accepts (``ALLOWED_HOSTS``) and Wagtail routes to ``site``:
    its own, else (for the default site) an allowed one that no other site claims."""
    allowed = rules.allowed_hosts()
    rows = sites.rows_from_database()
    for host in [site.hostname, *(host.lstrip(".") for host in allowed if host != "*")]:
        if validate_host(host, allowed) and sites.site_for_host(rows, host, site.port) == site.pk:
            return host
    raise ValueError(f"No allowed host name leads to {site}: add {site.hostname} to ALLOWED_HOSTS.")


def rewrite_links(html: bytes, renamed: dict[str, str]) -> bytes:
    """Point links at feeds (``href="/news/feed/rss/"``) to the files they were written to."""
    if not renamed:
        return html

    def replace(match):
        return b'href="' + renamed[match.group(1).decode()].encode() + b'"'

    pattern = b'href="(' + b"|".join(re.escape(p.encode()) for p in renamed) + b')"'
    return re.sub(pattern, replace, html)


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


def export_site(root: Path, paths=None, changed_only: bool = False, site=None) -> ExportReport:
    """Write the public pages of ``site`` (the default site) under ``root``, with static and
    media files.

    ``paths`` limits the pages rendered (tests, one-off refreshes); ``changed_only`` renders
    only what changed since the last export into ``root`` (a full export when it has none).
    """
    root = Path(root)
    site = site or Site.objects.get(is_default_site=True)
    client = Client(HTTP_HOST=export_host(site), SERVER_PORT=str(site.port))
    client.raise_request_exception = False
    report = ExportReport()
    manifest_file = root / MANIFEST
    previous = {}
    if changed_only and manifest_file.exists():
        try:
            previous = json.loads(manifest_file.read_text())
        except ValueError:
            previous = {}
        if previous.get("version") != MANIFEST_VERSION:
            previous = {}

    pages = list(public_pages())
    everything = {address.path for address in public_addresses(pages, site_id=site.pk)}
    if paths is not None:
        wanted = set(paths)
    elif previous:
        wanted = changed_paths(previous, pages, site.pk)
        report.full = wanted is None
        if wanted is None:
            wanted = everything
        else:  # addresses new since the last run (a new list page) are rendered too
            wanted |= everything - set(previous.get("files", {}))
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

    rendered: dict[str, tuple[bytes, bool]] = {}
    for path in sorted(wanted):
        response = client.get(path)
        if response.status_code != 200:
            report.skipped[path] = response.status_code
            if path in files:
                (root / files.pop(path)).unlink(missing_ok=True)
                report.removed.append(path)
            continue
        is_html = response.get("Content-Type", "").startswith("text/html")
        rendered[path] = (response.content, is_html)
    for path in sorted(set(CRAWLER_FILES) | sitemap_paths(site.root_page)):
        response = client.get(path)  # (sitemap_paths names one section past the end: 404)
        if response.status_code == 200:
            rendered[path] = (response.content, False)

    # Feeds are written as index.xml: every page links to them by that name.
    for path, (_content, is_html) in rendered.items():
        if path.endswith("/") and not is_html:
            files[path] = str(target_for(root, path, html=False).relative_to(root.resolve()))
    renamed = {
        path: path + "index.xml"
        for path, name in files.items()
        if path.endswith("/") and name.endswith("index.xml")
    }
    for path, (content, is_html) in rendered.items():
        target = target_for(root, path, html=is_html or not path.endswith("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(rewrite_links(content, renamed) if is_html else content)
        files[path] = str(target.relative_to(root.resolve()))
        report.written.append(path)

    if report.full or not (root / "404.html").exists():
        not_found = client.get("/404-page-for-static-export/")
        (root / "404.html").write_bytes(rewrite_links(not_found.content, renamed))
    sync_tree(Path(settings.STATIC_ROOT), root / "static")
    if not media_bucket():  # media in a bucket: the pages link to the bucket's URLs
        # What /media/ serves and nothing else: documents go through /documents/<id>/, which
        # checks their collection's privacy, and a static host checks nothing.
        sync_tree(Path(settings.MEDIA_ROOT), root / "media", public=is_public_media_path)
    manifest_file.write_text(
        json.dumps(
            {
                "version": MANIFEST_VERSION,
                "site": site_fingerprint(),
                "pages": page_states(pages),
                "files": files,
            },
            ensure_ascii=False,
            sort_keys=True,
        )
    )
    return report
