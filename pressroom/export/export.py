"""Rendering every public address to a file, as an anonymous visitor sees it."""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.test import Client
from wagtail.models import Page

from pressroom.pagecache.urls import own_paths
from pressroom.security.storage import media_bucket


@dataclass
class ExportReport:
    written: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # path -> status


def public_paths() -> set[str]:
    """Every live, unrestricted page and every page of every news list, in all languages."""
    paths: set[str] = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        paths |= own_paths(page)
    paths.discard(None)
    return paths


def target_for(root: Path, path: str) -> Path:
    """``/news/a/`` -> ``root/news/a/index.html``; refuses anything outside ``root``."""
    target = (root / path.lstrip("/") / "index.html").resolve()
    if not target.is_relative_to(root.resolve()):
        raise ValueError(f"{path!r} leaves the export directory")
    return target


def export_site(root: Path, paths=None) -> ExportReport:
    """Write ``paths`` (default: every public one) under ``root``, with static and media files.

    Pass ``urls_showing(page)`` as ``paths`` to refresh only what one change affects.
    """
    hosts = [host for host in settings.ALLOWED_HOSTS if host not in ("*", "")]
    client = Client(HTTP_HOST=(hosts[0].lstrip(".") if hosts else "localhost"))
    client.raise_request_exception = False
    report = ExportReport()
    for path in sorted(public_paths() if paths is None else paths):
        response = client.get(path)
        if response.status_code != 200:
            report.skipped[path] = response.status_code
            continue
        target = target_for(root, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.content)
        report.written.append(path)
    not_found = client.get("/404-page-for-static-export/")
    (root / "404.html").write_bytes(not_found.content)
    folders = [(settings.STATIC_ROOT, "static")]
    if not media_bucket():  # media in a bucket: the pages link to the bucket's URLs
        folders.append((settings.MEDIA_ROOT, "media"))
    for source, name in folders:
        if Path(source).is_dir():
            shutil.copytree(source, root / name, dirs_exist_ok=True)
    return report
