"""Any other old site, read the way a visitor would: crawled over HTTP(S).

Pages are found in the site's sitemaps (``/sitemap.xml`` and those robots.txt names,
sitemap indexes followed), its RSS/Atom feeds (``<link rel="alternate">``) and the links on
its pages, on its own host only (and the ``www.``/bare variant of it). robots.txt is obeyed;
one request at a time with ``delay`` seconds between them; at most ``limit`` pages a run.
Each address is recorded once fetched (``CrawledAddress``), with the ones found but not
fetched yet, so a run stopped by the limit (or interrupted) is continued by the next one.

Title, date, author and body come from trafilatura (decision 0044); hidden and spam links are
taken out of the page before it reads it, so they are reported and never imported. A page
with a publication date becomes a news article, one without a standard page under the home
page; the site's home page itself (the path ``/``) is read for its links only.
"""

import io
import re
import time
from datetime import datetime
from datetime import time as day_time
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from bs4 import BeautifulSoup
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils import timezone

from pressroom.importers import fetch
from pressroom.importers.base import PUBLISH, Importer, PageItem, fingerprint
from pressroom.importers.cleaning import Body, Link, plain_text
from pressroom.importers.feed import FEED_TYPES, read_feed
from pressroom.importers.models import CrawledAddress
from pressroom.importers.report import SourceError
from pressroom.news.models import NewsArticlePage
from pressroom.pages.models import StandardPage

USER_AGENT = "Pressroom importer"
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_SITEMAPS = 50
MAX_ADDRESS = 500  # longer addresses are left out (a crawler trap, or not a page)
NOT_PAGES = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|bmp|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|tar|mp[34]|avi"
    r"|mov|flv|swf|exe|apk|css|js|json|txt|xml)$",
    re.IGNORECASE,
)
SOURCE = re.compile(r"(?:来源|出处|Source)\s*[:：]\s*([^\s|<>，,]{1,50})", re.IGNORECASE)
AUTHOR = re.compile(r"(?:作者|编辑|撰稿)\s*[:：]\s*([^\s|<>，,]{1,30})")


def same_site(host: str) -> set[str]:
    bare = host.lower().removeprefix("www.")
    return {bare, f"www.{bare}"}


def normalise(url: str) -> str:
    """The address without its fragment, with a path (``http://a.cn`` is ``http://a.cn/``)."""
    parts = urlsplit(url.strip())
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


class SiteImporter(Importer):
    source_name = "site"
    batch_items = 1  # each page commits at once: a batch would hold the write lock while waiting

    def __init__(self, url: str, options, *, delay: float = 1.0, limit: int = 500):
        super().__init__(options)
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourceError(f"{url[:200]} is not an http(s) address of a site.")
        if limit < 1 or delay < 0:
            raise SourceError("--limit must be at least 1 and --delay not negative.")
        self.start_url = normalise(url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.hosts = same_site(parts.hostname)
        self.delay, self.limit = max(delay, 0.0), limit
        self.last_request = 0.0
        self.feeds_read: set[str] = set()

    # --- fetching ------------------------------------------------------------------------
    def get(self, url: str, accept: tuple[str, ...], max_bytes: int = MAX_PAGE_BYTES):
        """One request, waiting until ``delay`` seconds have passed since the last one."""
        wait = self.last_request + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return fetch.fetch(
                url,
                accept=accept,
                allow_local=self.options.allow_local,
                max_bytes=max_bytes,
                timeout=30,
            )
        finally:
            self.last_request = time.monotonic()

    def on_site(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and (parts.hostname or "") in self.hosts

    def read_robots(self) -> RobotFileParser:
        robots = RobotFileParser()
        try:
            fetched = self.get(f"{self.origin}/robots.txt", ("text/",), max_bytes=512 * 1024)
        except fetch.FetchError as error:
            message = str(error)
            if message.startswith(("HTTP ", "unexpected type")):
                robots.parse([])  # none: everything may be fetched
                return robots
            raise SourceError(f"Cannot reach {self.origin}: {message}.") from error
        robots.parse(fetched.data.decode("utf-8", "replace").splitlines())
        return robots

    # --- discovering -----------------------------------------------------------------------
    def sitemap_addresses(self, robots: RobotFileParser) -> list[str]:
        pending = list(robots.site_maps() or []) or [f"{self.origin}/sitemap.xml"]
        found, read = [], 0
        while pending and read < MAX_SITEMAPS:
            address = pending.pop(0)
            if not self.on_site(address):
                continue
            read += 1
            try:
                data = self.get(address, ("application/xml", "text/xml", "text/plain")).data
                root = ElementTree.fromstring(data)
            except (fetch.FetchError, ElementTree.ParseError, DefusedXmlException) as error:
                self.report.warnings.append(f"sitemap {address[:200]}: {error}")
                continue
            is_index = root.tag.endswith("sitemapindex")
            for element in root.iter():
                if element.tag.endswith("}loc") or element.tag == "loc":
                    (pending if is_index else found).append((element.text or "").strip())
        return found

    def feed_addresses(self, soup: BeautifulSoup, page_url: str) -> list[str]:
        found = []
        for link in soup.find_all("link", href=True):
            kind = (link.get("type") or "").lower()
            if "alternate" not in (link.get("rel") or []) or kind not in FEED_TYPES:
                continue
            address = normalise(urljoin(page_url, link["href"]))
            if address in self.feeds_read or not self.on_site(address):
                continue
            self.feeds_read.add(address)
            try:
                data = self.get(address, FEED_TYPES).data
                _channel, items = read_feed(address, io.BytesIO(data))
            except (fetch.FetchError, SourceError) as error:
                self.report.warnings.append(f"feed {address[:200]}: {error}")
                continue
            found.extend(urljoin(address, item.get("link", "").strip()) for item in items)
        return found

    def page_links(self, soup: BeautifulSoup, page_url: str) -> list[str]:
        return [urljoin(page_url, link["href"]) for link in soup.find_all("a", href=True)]

    def enqueue(self, addresses, queue: list[str], known: set[str]) -> None:
        for address in addresses:
            if not address or not self.on_site(address):
                continue
            address = normalise(address)
            if address in known or len(address) > MAX_ADDRESS:
                continue
            if NOT_PAGES.search(urlsplit(address).path):
                continue
            known.add(address)
            queue.append(address)
            CrawledAddress.objects.get_or_create(source=self.records.source, url=address)

    # --- the crawl -----------------------------------------------------------------------
    def run(self) -> None:
        host = sorted(self.hosts)[0]  # the bare host: www. and bare are one site
        self.start(host, self.origin)
        robots = self.read_robots()
        recorded = CrawledAddress.objects.filter(source=self.records.source)
        known = set(recorded.values_list("url", flat=True))
        queue = list(recorded.filter(fetched_at=None).order_by("pk").values_list("url", flat=True))
        fresh = [self.start_url, *self.sitemap_addresses(robots)]
        self.enqueue(fresh, queue, known)
        fetched = 0
        while queue and fetched < self.limit:
            address = queue.pop(0)
            outcome = self.visit(address, robots, queue, known)
            if outcome != "disallowed":
                fetched += 1
            self.expect(min(self.limit, fetched + len(queue)))  # the pages found so far
            CrawledAddress.objects.filter(source=self.records.source, url=address).update(
                fetched_at=timezone.now(), outcome=outcome
            )
        if queue:
            self.report.warnings.append(
                f"{len(queue)} addresses found and not fetched yet (--limit {self.limit}): "
                "run the import again to continue"
            )

    def visit(self, address: str, robots: RobotFileParser, queue, known) -> str:
        if not robots.can_fetch(USER_AGENT, address):
            self.report.skip("address", address, "disallowed by robots.txt")
            return "disallowed"
        try:
            fetched = self.get(address, HTML_TYPES)
        except fetch.FetchError as error:
            self.report.skip("address", address, str(error))
            return "failed"
        html = fetched.data.decode(encoding_of(fetched.data), "replace")
        soup = BeautifulSoup(html, "html.parser")
        final = normalise(fetched.url)
        self.enqueue(self.page_links(soup, final), queue, known)
        self.enqueue(self.feed_addresses(soup, final), queue, known)
        if urlsplit(address).path == "/" and not urlsplit(address).query:
            return "home"  # the old home page: its links, not its content
        result = self.item("page", address, lambda: self.save(address, html))
        return "imported" if result is not None else "skipped"

    # --- one page --------------------------------------------------------------------------
    def save(self, address: str, html: str):
        # Imported here, not with the module: the admin loads this module in every worker,
        # and trafilatura with its helpers takes about 10 MB (docs/operations.md, "Memory").
        import trafilatura

        meta = trafilatura.extract_metadata(html, default_url=address, extensive=False)
        title = " ".join((meta.title or "").split())[:255] if meta else ""
        name = title or address
        # Hidden and spam links out first (reported), so the extractor never sees them.
        soup = BeautifulSoup(html, "html.parser")
        content = soup.body or soup
        Body(f"page {name[:60]}", self.report, lambda src, alt: None, lambda href: None).prune(
            content
        )
        body_html = trafilatura.extract(
            str(content),
            url=address,
            output_format="html",
            include_images=True,
            include_links=True,
            include_tables=True,
            include_comments=False,
        )
        if not body_html and not title:
            self.report.skip("page", address, "no title and no text found")
            return None
        text = plain_text(body_html or "")
        when = parse_day(meta.date if meta else None)
        kind = "article" if when else "page"
        item = PageItem(
            kind=kind,
            key=address,
            title=title or text[:60] or address,
            fields={},
            status=PUBLISH,
            when=when,
            old_urls=[address],
            slug=urlsplit(address).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0],
            digest=fingerprint(html),
        )
        found = self.unchanged(item)
        if found is not None:
            return found
        misses = self.media.misses
        body = Body(f"{kind} {name[:60]}", self.report, self.picture, self.relink)
        blocks = body.blocks(body_html or "")
        item.incomplete = self.media.misses > misses
        summary = (meta.description or "").strip()[:500] if meta else ""
        if kind == "page":
            item.fields = {"summary": summary, "body": blocks}
            return self.page(item, self.home, StandardPage)
        if self.news_index is None:
            raise SourceError("The site has no news center to put the articles in.")
        page_text = soup.get_text(" ")
        source, author = SOURCE.search(page_text), AUTHOR.search(page_text)
        item.fields = {
            "summary": summary,
            "author": ((meta.author if meta else "") or (author.group(1) if author else ""))[:100],
            "source_name": source.group(1)[:100] if source else "",
            "body": blocks,
        }
        return self.page(item, self.news_index, NewsArticlePage)

    def picture(self, src: str, title: str):
        if not src or src.startswith("data:"):
            return None
        return self.media.image(src, title)

    def relink(self, href: str) -> Link | None:
        """A link to a page of the old site: to its new page when imported, else its path
        (which answers 301 once the page is imported)."""
        address = normalise(urljoin(self.origin, href))
        if not self.on_site(address):
            return None
        if NOT_PAGES.search(urlsplit(address).path):
            return self.media.file_link(address)  # a picture or a file: made a document
        for kind in ("article", "page"):
            page_id = self.records.target_pk(kind, address)
            if page_id is not None:
                return Link(page_id=page_id)
        parts = urlsplit(address)
        return Link(href=urlunsplit(("", "", parts.path, parts.query, "")))


def encoding_of(data: bytes) -> str:
    """The encoding a page declares in its first bytes (GBK is common), else UTF-8."""
    head = data[:2048].decode("ascii", "replace").lower()
    found = re.search(r"charset=[\"']?([a-z0-9_-]+)", head)
    name = found.group(1) if found else "utf-8"
    try:
        "".encode(name)
    except LookupError:
        return "utf-8"
    return "gb18030" if name in ("gb2312", "gbk") else name


def parse_day(text: str | None) -> datetime | None:
    """trafilatura's date (``YYYY-MM-DD``) as noon of that day in the site's time zone."""
    if not text:
        return None
    try:
        day = datetime.strptime(text[:10], "%Y-%m-%d").date()
    except ValueError:
        return None
    return timezone.make_aware(datetime.combine(day, day_time(12)))
