"""Rendering addresses to files, in this process or in worker processes forked from it.

Each address is asked of Django's test client as an anonymous visitor on the site's host name,
past the page cache (``pagecache.middleware.BYPASS``: the export renders every page fresh and
has no use for storing it), and its body is written as soon as it is rendered, so memory stays
flat however many pages the site has. With ``workers`` > 1 the addresses are shared out in
small batches among that many processes forked after Django is set up (each opens its own
database connection); what they send back is a ``Result`` per address, never a page.
"""

import multiprocessing
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import connections
from django.test import Client

from pressroom.pagecache.middleware import BYPASS

BATCH = 16  # addresses a worker renders before reporting back


@dataclass(frozen=True)
class Result:
    path: str
    status: int
    is_html: bool = False
    name: str | None = None  # the file written, relative to the export folder


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


def links_pattern(renamed: dict[str, str]) -> re.Pattern | None:
    if not renamed:
        return None
    return re.compile(b'href="(' + b"|".join(re.escape(p.encode()) for p in renamed) + b')"')


def rewrite_links(html: bytes, renamed: dict[str, str], pattern=None) -> bytes:
    """Point links at feeds (``href="/news/feed/rss/"``) to the files they were written to."""
    pattern = pattern or links_pattern(renamed)
    if pattern is None:
        return html

    def replace(match):
        return b'href="' + renamed[match.group(1).decode()].encode() + b'"'

    return pattern.sub(replace, html)


class Renderer:
    """Renders addresses of one site and writes them under ``root``."""

    def __init__(self, root: Path, host: str, port):
        self.root = Path(root).resolve()
        self.client = Client(HTTP_HOST=host, SERVER_PORT=str(port))
        self.client.raise_request_exception = False
        self.renamed: dict[str, str] = {}
        self.pattern = None

    def rename_feeds(self, renamed: dict[str, str]) -> None:
        """Links to these addresses are rewritten to these names from now on."""
        self.renamed = dict(renamed)
        self.pattern = links_pattern(self.renamed)

    def get(self, path: str):
        return self.client.get(path, **{BYPASS: True})

    def rewrite(self, html: bytes) -> bytes:
        return rewrite_links(html, self.renamed, self.pattern)

    def render(self, path: str) -> Result:
        response = self.get(path)
        if response.status_code != 200:
            return Result(path, response.status_code)
        is_html = response.get("Content-Type", "").startswith("text/html")
        content = self.rewrite(response.content) if is_html else response.content
        target = target_for(self.root, path, html=is_html or not path.endswith("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        return Result(path, 200, is_html, target.relative_to(self.root).as_posix())

    def render_all(self, paths: Iterable[str], workers: int = 1) -> Iterator[Result]:
        """Each address's result, in no particular order. An address that failed in a worker
        (a 5xx: two workers making the same picture at once, say) is rendered again here."""
        paths = list(paths)
        if workers <= 1 or len(paths) < 2 * BATCH:
            yield from map(self.render, paths)
            return
        failed = []
        for result in in_workers(self, paths, workers):
            if result.status >= 500:
                failed.append(result.path)
            else:
                yield result
        yield from map(self.render, failed)


_renderer: Renderer | None = None  # the one a forked worker inherits


def render_batch(paths: list[str]) -> list[Result]:
    return [_renderer.render(path) for path in paths]


def in_workers(renderer: Renderer, paths: list[str], workers: int) -> Iterator[Result]:
    global _renderer
    _renderer = renderer
    batches = [paths[start : start + BATCH] for start in range(0, len(paths), BATCH)]
    connections.close_all()  # a connection must not be shared with a forked process
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for results in pool.imap_unordered(render_batch, batches):
                yield from results
    finally:
        _renderer = None
